/** Functions with known answers on constructed samples: *_over_time, the rate family on counters, regression, math, labels. */
import { instantQuery } from '../../src/promql/eval/query-engine';
import { answerValues, at, budget, MemorySource, SMALL_FLEET } from './support/memory-source';

const run = (query: string, timeMs: number) =>
  instantQuery(new MemorySource(SMALL_FLEET), query, timeMs, { budget: budget() });
const only = async (query: string, timeMs: number) => {
  const values = Object.values(answerValues(await run(query, timeMs)));
  if (values.length !== 1) throw new Error(`${query}: expected one sample, got ${values.length}`);
  return values[0] === '+Inf' ? Infinity : values[0] === '-Inf' ? -Infinity : Number(values[0]);
};

// cpu a over (5m, 10m] holds 6, 7, 8, 9, 10.
test.each([
  ['avg_over_time', 8],
  ['min_over_time', 6],
  ['max_over_time', 10],
  ['sum_over_time', 40],
  ['count_over_time', 5],
  ['last_over_time', 10],
  ['present_over_time', 1],
  ['stdvar_over_time', 2],
  ['stddev_over_time', Math.SQRT2],
  ['changes', 4],
  ['resets', 0],
  ['delta', 5], // +4 over 4 min, extrapolated to the 5 min window
  ['idelta', 1],
  ['deriv', 1 / 60],
])('%s(cpu{server="a"}[5m]) at 10m = %d', async (fn, expected) => {
  expect(await only(`${fn}(cpu{server="a"}[5m])`, at(10))).toBeCloseTo(expected, 12);
});

test.each([
  ['quantile_over_time(0.5, cpu{server="a"}[5m])', at(10), 8],
  ['quantile_over_time(0.9, cpu{server="a"}[5m])', at(10), 9.6],
  ['predict_linear(cpu{server="a"}[5m], 60)', at(10), 11],
  ['predict_linear(cpu{server="b"}[10m], 600)', at(20, 30), 69.5],
  ['delta(cpu{server="b"}[5m])', at(10), -5],
  ['resets(cpu{server="b"}[5m])', at(10), 4],
])('%s', async (query, time, expected) => {
  expect(await only(query, time)).toBeCloseTo(expected, 12);
});

describe('rate, increase and irate treat drops as counter resets', () => {
  test.each([
    // 60 per minute: 240 over the 4 sampled minutes, extrapolated by one sample interval to the window start.
    ['increase(ctr[5m])', at(10), 300],
    ['rate(ctr[5m])', at(10), 1],
    // 1080, 1140, reset, 0, 60, 120: 60 + 120 = 180 counted, × 5/4 extrapolation.
    ['increase(ctr[5m])', at(22), 225],
    ['rate(ctr[5m])', at(22), 0.75],
    ['irate(ctr[5m])', at(22), 1],
    ['irate(ctr[5m])', at(20), 0],
    // Starting at zero: no extrapolation below zero.
    ['increase(ctr[5m])', at(3, 30), 210],
  ])('%s at %p', async (query, time, expected) => {
    expect(await only(query, time)).toBeCloseTo(expected, 12);
  });

  test('fewer than two samples give no rate', async () => {
    expect(answerValues(await run('rate(ctr[1m])', at(10)))).toEqual({});
  });
});

test.each([
  ['abs(cpu{server="a"} - 15)', at(10), 5],
  ['round(cpu{server="a"} / 4)', at(10), 3],
  ['round(cpu{server="a"}, 4)', at(10), 12],
  ['round(cpu{server="a"} + 0.5)', at(10), 11],
  ['clamp_min(cpu{server="a"}, 12)', at(10), 12],
  ['clamp_max(cpu{server="b"}, 50)', at(10), 50],
  ['clamp(cpu{server="b"}, 0, 80)', at(10), 80],
  ['sqrt(cpu{server="a"} * 10)', at(10), 10],
  ['ln(mem{server="a"} - 19)', at(10), 0],
  ['log10(cpu{server="b"} + 10)', at(10), 2],
  ['scalar(cpu{server="a"})', at(10), 10],
  ['time()', at(10), at(10) / 1000],
  ['vector(7)', at(10), 7],
  ['sgn(cpu{server="a"} - 20)', at(10), -1],
])('%s', async (query, time, expected) => {
  expect(await only(query, time)).toBeCloseTo(expected, 9);
});

test.each([
  ['abs(cpu{server="a"})', '{provider="aws", role="web", server="a"}'],
  ['rate(ctr[5m])', '{provider="aws", role="web", server="a"}'],
  ['last_over_time(cpu{server="a"}[5m])', '{__name__="cpu", provider="aws", role="web", server="a"}'],
  [
    'label_replace(cpu{server="a"}, "host", "$1-x", "server", "(.*)")',
    '{__name__="cpu", host="a-x", provider="aws", role="web", server="a"}',
  ],
  [
    'label_replace(cpu{server="a"}, "host", "$1", "server", "b(.*)")',
    '{__name__="cpu", provider="aws", role="web", server="a"}',
  ],
  ['label_replace(cpu{server="a"}, "role", "", "role", ".*")', '{__name__="cpu", provider="aws", server="a"}'],
  [
    'label_join(cpu{server="a"}, "id", "/", "provider", "server")',
    '{__name__="cpu", id="aws/a", provider="aws", role="web", server="a"}',
  ],
  ['absent(cpu{server="z", role="x", provider=~"a.*"})', '{role="x", server="z"}'],
  ['vector(1)', '{}'],
])('%s keeps or drops labels as Prometheus does', async (query, labels) => {
  expect(Object.keys(answerValues(await run(query, at(10))))).toEqual([labels]);
});

test('quantile_over_time above 1 is +Inf, below 0 is -Inf', async () => {
  expect(await only('quantile_over_time(2, cpu{server="a"}[5m])', at(10))).toBe(Infinity);
  expect(await only('quantile_over_time(-1, cpu{server="a"}[5m])', at(10))).toBe(-Infinity);
});

test('absent() of a selector with samples is empty; scalar() of several samples is NaN', async () => {
  expect(answerValues(await run('absent(cpu)', at(10)))).toEqual({});
  expect(answerValues(await run('scalar(cpu)', at(10)))).toEqual({ scalar: 'NaN' });
});

test('clamp with max below min answers nothing', async () => {
  expect(answerValues(await run('clamp(cpu, 10, 5)', at(10)))).toEqual({});
});

test('sort and sort_desc order the answer by value', async () => {
  const order = async (q: string) =>
    ((await run(q, at(10))) as { result: Array<{ value: [number, string] }> }).result.map((r) => r.value[1]);
  expect(await order('sort(cpu)')).toEqual(['10', '50', '90']);
  expect(await order('sort_desc(cpu)')).toEqual(['90', '50', '10']);
});

test('a function that leaves two series with the same labels is an execution error (422)', async () => {
  await expect(run('abs({server="a", __name__=~"cpu|mem"})', at(10))).rejects.toMatchObject({
    errorType: 'execution',
    status: 422,
    message: 'vector cannot contain metrics with the same labelset',
  });
});
