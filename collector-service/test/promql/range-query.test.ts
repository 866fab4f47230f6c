/** Range queries: evaluation at start, start+step, … ≤ end; Prometheus's limits and checks; timeouts. */
import { instantQuery, rangeQuery } from '../../src/promql/eval/query-engine';
import { at, budget, MemorySource, MIN, series, SMALL_FLEET } from './support/memory-source';

const source = () => new MemorySource(SMALL_FLEET);
const options = () => ({ budget: budget() });

test('a vector expression: one series per label set, a point at each step, times in float seconds', async () => {
  const data = await rangeQuery(
    source(),
    'cpu{server=~"a|b"} * 2',
    { startMs: at(10, 30), endMs: at(13), stepMs: MIN },
    options()
  );
  expect(data).toEqual({
    resultType: 'matrix',
    result: [
      {
        metric: { provider: 'aws', role: 'db', server: 'b' },
        values: [
          [at(10, 30) / 1000, '180'],
          [at(11, 30) / 1000, '178'],
          [at(12, 30) / 1000, '176'],
        ],
      },
      {
        metric: { provider: 'aws', role: 'web', server: 'a' },
        values: [
          [at(10, 30) / 1000, '20'],
          [at(11, 30) / 1000, '22'],
          [at(12, 30) / 1000, '24'],
        ],
      },
    ],
  });
});

test.each([
  [at(0), at(10), MIN, 11],
  [at(0), at(10) - 1, MIN, 10],
  [at(0), at(0), MIN, 1],
  [at(0, 7), at(9), 90_000, 6],
])('start %p end %p step %p → %p points', async (startMs, endMs, stepMs, count) => {
  const data = await rangeQuery(source(), 'time()', { startMs, endMs, stepMs }, options());
  if (data.resultType !== 'matrix') throw new Error('expected a matrix');
  const times = data.result[0].values.map(([t]) => t * 1000);
  expect(times).toEqual(Array.from({ length: count }, (_, i) => startMs + i * stepMs));
  expect(data.result[0].values.map(([, v]) => Number(v))).toEqual(times.map((t) => t / 1000));
  expect(data.result[0].metric).toEqual({});
});

test('a series is in the answer only at the steps where it has a sample within the lookback', async () => {
  const data = await rangeQuery(
    source(),
    'cpu{server="c"}',
    { startMs: at(28), endMs: at(38), stepMs: 2 * MIN },
    options()
  );
  if (data.resultType !== 'matrix') throw new Error('expected a matrix');
  expect(data.result[0].values.map(([t]) => (t * 1000 - at(0)) / MIN)).toEqual([28, 30, 32, 34]);
});

test('aggregations per step: groups come and go as their members do', async () => {
  const data = await rangeQuery(
    source(),
    'count by (provider) (cpu)',
    { startMs: at(30), endMs: at(40), stepMs: 5 * MIN },
    options()
  );
  expect(data).toMatchObject({
    result: [
      {
        metric: { provider: 'aws' },
        values: [
          [at(30) / 1000, '2'],
          [at(35) / 1000, '2'],
          [at(40) / 1000, '2'],
        ],
      },
      { metric: { provider: 'onprem' }, values: [[at(30) / 1000, '1']] },
    ],
  });
});

test.each([
  [11_000, true],
  [11_001, false],
])('%i steps after the start: accepted %p (Prometheus allows 11,000 points per series)', async (steps, accepted) => {
  const query = rangeQuery(source(), '1', { startMs: 0, endMs: steps * 1000, stepMs: 1000 }, options());
  if (accepted) await expect(query).resolves.toMatchObject({ resultType: 'matrix' });
  else {
    await expect(query).rejects.toMatchObject({
      errorType: 'bad_data',
      status: 400,
      message:
        'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    });
  }
});

test.each([
  [{ startMs: at(10), endMs: at(5), stepMs: MIN }, 'end timestamp must not be before start time'],
  [
    { startMs: at(0), endMs: at(5), stepMs: 0 },
    'zero or negative query resolution step widths are not accepted. Try a positive integer',
  ],
  [
    { startMs: at(0), endMs: at(5), stepMs: -MIN },
    'zero or negative query resolution step widths are not accepted. Try a positive integer',
  ],
])('%p → bad_data %s', async (range, message) => {
  await expect(rangeQuery(source(), 'cpu', range, options())).rejects.toMatchObject({ errorType: 'bad_data', message });
});

test.each([
  ['cpu[5m]', 'range vector'],
  ['"text"', 'string'],
])('a %s expression is refused for a range query', async (query, type) => {
  await expect(
    rangeQuery(source(), query, { startMs: at(0), endMs: at(5), stepMs: MIN }, options())
  ).rejects.toMatchObject({
    errorType: 'bad_data',
    message: `invalid parameter "query": invalid expression type "${type}" for range query, must be Scalar or instant Vector`,
  });
});

test('evaluation past its deadline stops with a 422 naming QUERY_TIMEOUT_MS', async () => {
  let now = 0;
  const clock = () => (now += 1_000); // every look at the clock costs a second
  const failure = rangeQuery(
    source(),
    'sum(rate(ctr[5m]))',
    { startMs: at(0), endMs: at(59), stepMs: MIN },
    { budget: budget({ timeoutMs: 10_000 }, clock) }
  );
  await expect(failure).rejects.toMatchObject({
    code: 'query_timeout',
    status: 422,
    message: expect.stringContaining('QUERY_TIMEOUT_MS=10000'),
  });
  await expect(
    instantQuery(source(), 'sum(cpu)', at(10), { budget: budget({ timeoutMs: 10_000 }, () => 0) })
  ).resolves.toMatchObject({ resultType: 'vector' });
});

test('one samples budget covers loading and every step of evaluation (422 naming QUERY_MAX_SAMPLES)', async () => {
  const range = { startMs: at(0), endMs: at(59), stepMs: MIN };
  const full = await rangeQuery(source(), 'cpu', range, options());
  const produced = full.resultType === 'matrix' ? full.result.reduce((n, s) => n + s.values.length, 0) : 0;
  const failure = rangeQuery(source(), 'cpu', range, { budget: budget({ maxSamples: produced }) });
  await expect(failure).rejects.toMatchObject({
    code: 'samples_limit',
    status: 422,
    message: expect.stringContaining(`QUERY_MAX_SAMPLES=${produced}`),
  });
});

test('one long series under a day-long window stops at the deadline too, not only between series', async () => {
  const dense = series({ __name__: 'dense', server: 'a' }, 2 * 8_640, (i) => i % 97, { everyMs: 10_000 });
  let now = 0;
  const clock = () => (now += 1_000); // every look at the clock costs a second
  const failure = rangeQuery(
    new MemorySource([dense]),
    'quantile_over_time(0.5, dense[1d])',
    { startMs: at(24 * 60), endMs: at(48 * 60), stepMs: MIN },
    { budget: budget({ timeoutMs: 10_000 }, clock) }
  );
  await expect(failure).rejects.toMatchObject({ code: 'query_timeout', status: 422 });
});
