/** This session's questions: order, repeats, size, and sessionStorage. */
import { HISTORY_SIZE, historyKey, loadHistory, rememberQuestion, saveHistory } from './history';

describe('rememberQuestion', () => {
  it.each([
    ['adds to the front', ['b'], 'a', ['a', 'b']],
    ['moves a repeat to the front', ['a', 'b', 'c'], 'c', ['c', 'a', 'b']],
    ['trims', [], '  a  ', ['a']],
    ['ignores blanks', ['a'], '   ', ['a']],
    ['keeps the newest few', ['1', '2', '3', '4', '5', '6'], '7', ['7', '1', '2', '3', '4', '5']],
  ])('%s', (_, history, question, expected) => {
    expect(rememberQuestion(history, question)).toEqual(expected);
    expect(expected.length).toBeLessThanOrEqual(HISTORY_SIZE);
  });
});

describe('history in sessionStorage', () => {
  it('round-trips per panel and ignores what it cannot read', () => {
    saveHistory(historyKey(3), ['오프라인 서버 있어?']);
    expect(loadHistory(historyKey(3))).toEqual(['오프라인 서버 있어?']);
    expect(loadHistory(historyKey(4))).toEqual([]);
    window.sessionStorage.setItem(historyKey(5), '{not json');
    expect(loadHistory(historyKey(5))).toEqual([]);
    window.sessionStorage.setItem(historyKey(6), JSON.stringify(['ok', 42, null]));
    expect(loadHistory(historyKey(6))).toEqual(['ok']);
  });
});
