/** UI strings, example questions and test ids of the ask-AI panel, shared by its components and tests. */

/** Offered when nothing was asked yet and when a question was not understood; clicking one asks it. */
export const EXAMPLE_QUESTIONS = [
  'DB-EU-002 서버에 문제가 있나요?',
  '메모리 많이 쓰는 서버 5개',
  '디스크가 언제 꽉 찰까?',
  '오프라인 서버 있어?',
  'How are the AWS servers doing?',
  'Anything unusual in the last hour?',
];

export const TEST_IDS = {
  panel: 'openmanager-askai-panel',
  answer: 'openmanager-askai-answer',
  severity: 'openmanager-askai-severity',
  finding: 'openmanager-askai-finding',
  sparkline: 'openmanager-askai-sparkline',
  rawJson: 'openmanager-askai-raw-json',
};

export const LABELS = {
  question: 'Question',
  ask: 'Ask',
  questionHelp: 'Enter asks, Shift+Enter adds a line, Escape cancels or clears. $server and other dashboard variables are filled in.',
  history: 'Asked in this session',
  findings: 'Findings',
  examples: 'Try asking',
  retry: 'Try again',
  rawJson: 'Raw answer (JSON)',
};
