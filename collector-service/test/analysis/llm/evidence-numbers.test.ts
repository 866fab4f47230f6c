import { evidenceNumbers, numbersIn, unsupportedNumbers } from '../../../src/analysis/llm/evidence-numbers';

describe('numbers in answers', () => {
  test('server ids are names, not numbers; times and amounts are numbers', () => {
    expect(
      numbersIn('DB-EU-002: CPU 86.1% (≥ 85%), since 08:43 UTC, K8S-WORKER-03 1,234 MB', ['DB-EU-002', 'K8S-WORKER-03'])
    ).toEqual([86.1, 85, 8, 43, 1234]);
  });

  test.each([
    ['digits hidden inside a token', 'DB-EU-002 at-97% now', [97]],
    ['a number glued to letters', 'cpu97 and x3', [97, 3]],
    ['English words', 'ninety-seven percent, one hundred and five servers', [97, 105]],
    ['Sino-Korean numerals', 'CPU 구십칠 퍼센트', [97]],
    ['native Korean numerals', 'CPU 아흔일곱 퍼센트', [97]],
    ['a lone "one" is a pronoun, not an amount', 'the one that failed', []],
    ['ordinary Korean is not a number', '이 서버는 위험합니다. 즉시 확인하세요', []],
  ])('%s', (_, text, expected) => {
    expect(numbersIn(text, ['DB-EU-002'])).toEqual(expected);
  });

  test('a rephrasing may round an evidence number, not invent one', () => {
    const evidence = evidenceNumbers(['CPU 86.14% at 08:43'], [92.347, null, undefined]);
    expect(unsupportedNumbers('CPU 86.1%, memory 92.3% at 08:43', evidence)).toEqual([]);
    expect(unsupportedNumbers('CPU 86%, memory 92%', evidence)).toEqual([]);
    expect(unsupportedNumbers('CPU 87%, 3 servers', evidence)).toEqual([87, 3]);
  });
});
