/** Test ids of the ask-AI panel's elements: the one list the components, the jest tests and the Chromium tests use. */
export const TEST_IDS = {
  panel: 'openmanager-askai-panel',
  answer: 'openmanager-askai-answer',
  severity: 'openmanager-askai-severity',
  finding: 'openmanager-askai-finding',
  sparkline: 'openmanager-askai-sparkline',
  rawJson: 'openmanager-askai-raw-json',
} as const;
