/** The /api/ask answer checked against the contract's shape. */
import { checkAskAnswer } from './askService';

const valid = {
  intent: 'server_health',
  language: 'ko',
  entities: {},
  severity: 'critical',
  answer: '...',
  findings: [],
};

describe('checkAskAnswer', () => {
  it('accepts the contract shape', () => {
    expect(checkAskAnswer(valid)).toBe(valid);
  });

  it.each([
    [null, 'it is not a JSON object'],
    [{ ...valid, answer: 3 }, '"answer" is not a string'],
    [{ ...valid, severity: 'bad' }, '"severity" is "bad", not one of ok, warning, critical, unknown'],
    [{ ...valid, findings: {} }, '"findings" is not a list'],
    [{ ...valid, intent: undefined }, '"intent" is not a string'],
  ])('names what is wrong: %j', (body, problem) => {
    expect(() => checkAskAnswer(body)).toThrow(`The OpenManager service answered /api/ask, but ${problem}.`);
  });
});
