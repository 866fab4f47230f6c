/**
 * Offered when nothing was asked yet and when a question was not understood; clicking one asks it.
 * Questions, not UI text: the service answers both languages, so every operator sees both.
 */
export const EXAMPLE_QUESTIONS = [
  'DB-EU-002 서버에 문제가 있나요?',
  '메모리 많이 쓰는 서버 5개',
  '디스크가 언제 꽉 찰까?',
  '오프라인 서버 있어?',
  'How are the AWS servers doing?',
  'Anything unusual in the last hour?',
];
