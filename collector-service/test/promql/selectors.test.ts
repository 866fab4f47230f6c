/** Instant and range selectors: matchers, the 5-minute lookback, offset, @, subquery windows. */
import { instantQuery } from '../../src/promql/eval/query-engine';
import { answerValues, at, budget, MemorySource, SMALL_FLEET, T0 } from './support/memory-source';

const run = (query: string, timeMs: number) =>
  instantQuery(new MemorySource(SMALL_FLEET), query, timeMs, { budget: budget() });
const A = 'provider="aws", role="web", server="a"';
const B = 'provider="aws", role="db", server="b"';
const C = 'provider="onprem", role="web", server="c"';

describe('instant vector selectors', () => {
  test.each([
    [
      'cpu',
      at(10, 30),
      { [`{__name__="cpu", ${A}}`]: '10', [`{__name__="cpu", ${B}}`]: '90', [`{__name__="cpu", ${C}}`]: '50' },
    ],
    ['cpu{provider="aws"}', at(10), { [`{__name__="cpu", ${A}}`]: '10', [`{__name__="cpu", ${B}}`]: '90' }],
    ['cpu{role!="web"}', at(10), { [`{__name__="cpu", ${B}}`]: '90' }],
    ['cpu{server=~"a|c"}', at(10), { [`{__name__="cpu", ${A}}`]: '10', [`{__name__="cpu", ${C}}`]: '50' }],
    ['cpu{server!~"[ab]"}', at(10), { [`{__name__="cpu", ${C}}`]: '50' }],
    ['{__name__=~"c.u", server="a"}', at(10), { [`{__name__="cpu", ${A}}`]: '10' }],
    ['{__name__!~"cpu|ctr", server="a"}', at(10), { [`{__name__="mem", ${A}}`]: '20' }],
    ['cpu{server=~"A"}', at(10), {}],
    ['cpu{server=~"(?i)A"}', at(10), { [`{__name__="cpu", ${A}}`]: '10' }],
    ['cpu{server=~"(?P<x>a)"}', at(10), { [`{__name__="cpu", ${A}}`]: '10' }],
    [
      'cpu{missing=""}',
      at(10),
      { [`{__name__="cpu", ${A}}`]: '10', [`{__name__="cpu", ${B}}`]: '90', [`{__name__="cpu", ${C}}`]: '50' },
    ],
    ['cpu{missing="x"}', at(10), {}],
  ])('%s', async (query, time, expected) => {
    expect(answerValues(await run(query, time))).toEqual(expected);
  });

  test.each([
    ['the newest sample at or before t', at(30, 59), '50'],
    ['up to 5 minutes old', at(34, 59), '50'],
    ['not exactly 5 minutes old (the window is left-open)', at(35), undefined],
    ['nor older', at(40), undefined],
    ['nor before the first sample', T0 - 1, undefined],
  ])('lookback: %s', async (_, time, expected) => {
    expect(answerValues(await run('cpu{server="c"}', time))[`{__name__="cpu", ${C}}`]).toBe(expected);
  });

  test('answers carry the evaluation time, not the sample time', async () => {
    const data = await run('cpu{server="a"}', at(10, 42.5));
    expect(data).toEqual({
      resultType: 'vector',
      result: [
        {
          metric: { __name__: 'cpu', provider: 'aws', role: 'web', server: 'a' },
          value: [(T0 + 10 * 60_000 + 42_500) / 1000, '10'],
        },
      ],
    });
  });

  test.each([
    ['cpu{server="a"} offset 5m', at(20), '15'],
    ['cpu{server="a"} offset -5m', at(20), '25'],
    ['cpu{server="a"} offset 1h', at(20), undefined],
    [`cpu{server="a"} @ ${at(7) / 1000}`, at(50), '7'],
    [`cpu{server="a"} @ ${at(7) / 1000} offset 2m`, at(50), '5'],
  ])('%s', async (query, time, expected) => {
    expect(Object.values(answerValues(await run(query, time)))[0]).toBe(expected);
  });
});

describe('range vector selectors and subqueries', () => {
  test('a range selector in an instant query answers the raw samples in (t − range, t]', async () => {
    const data = await run('cpu{server="a"}[3m]', at(10));
    expect(data).toEqual({
      resultType: 'matrix',
      result: [
        {
          metric: { __name__: 'cpu', provider: 'aws', role: 'web', server: 'a' },
          values: [
            [at(8) / 1000, '8'],
            [at(9) / 1000, '9'],
            [at(10) / 1000, '10'],
          ],
        },
      ],
    });
  });

  test.each([
    ['count_over_time(cpu{server="a"}[5m])', at(10), '5'],
    ['count_over_time(cpu{server="a"}[5m] offset 2m)', at(10), '5'],
    ['max_over_time(cpu{server="a"}[5m] offset 2m)', at(10), '8'],
    ['count_over_time(cpu{server="a"}[10m:2m])', at(10), '5'],
    ['max_over_time(cpu{server="a"}[10m:2m] offset 3m)', at(10), '6'],
    ['min_over_time(cpu{server="a"}[10m:2m])', at(10, 30), '2'],
    ['count_over_time(cpu{server="a"}[10m:])', at(10), '10'],
  ])('%s', async (query, time, expected) => {
    expect(Object.values(answerValues(await run(query, time)))).toEqual([expected]);
  });

  test('a selector reads only the span it needs: lookback, range and offset included', async () => {
    const source = new MemorySource(SMALL_FLEET);
    await instantQuery(source, 'rate(ctr[10m] offset 5m) + cpu', at(30), { budget: budget() });
    // The range function's selector is read after the others (batch by batch).
    expect(source.requests).toEqual([
      { fromMs: at(25), toMs: at(30) },
      { fromMs: at(15), toMs: at(25) },
    ]);
  });
});
