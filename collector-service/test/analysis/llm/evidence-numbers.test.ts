import { evidenceNumbers, numbersIn, unsupportedNumbers } from '../../../src/analysis/llm/evidence-numbers';

describe('numbers in answers', () => {
  test('server ids are names, not numbers; times and amounts are numbers', () => {
    expect(numbersIn('DB-EU-002: CPU 86.1% (≥ 85%), since 08:43 UTC, K8S-WORKER-03 1,234 MB')).toEqual([86.1, 85, 8, 43, 1234]);
  });

  test('a rephrasing may round an evidence number, not invent one', () => {
    const evidence = evidenceNumbers(['CPU 86.14% at 08:43'], [92.347, null, undefined]);
    expect(unsupportedNumbers('CPU 86.1%, memory 92.3% at 08:43', evidence)).toEqual([]);
    expect(unsupportedNumbers('CPU 86%, memory 92%', evidence)).toEqual([]);
    expect(unsupportedNumbers('CPU 87%, 3 servers', evidence)).toEqual([87, 3]);
  });
});
