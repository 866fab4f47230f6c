/** Test ids of both plugins' elements: the one list the components, the jest tests and the Chromium tests use. */
export const TEST_IDS = {
  // the ask-AI panel
  panel: 'openmanager-askai-panel',
  answer: 'openmanager-askai-answer',
  severity: 'openmanager-askai-severity',
  finding: 'openmanager-askai-finding',
  sparkline: 'openmanager-askai-sparkline',
  rawJson: 'openmanager-askai-raw-json',
  // the data source's query editor (repeated label filters of a labelled series)
  seriesLabelFilter: 'openmanager-series-label-filter',
  addSeriesLabelFilter: 'openmanager-series-add-label-filter',
} as const;
