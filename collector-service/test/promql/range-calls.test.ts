/**
 * An instant query's range functions over selectors read their series a batch at a time; they must give exactly
 * what evaluating the expression over every series loaded at once gives, and charge the same samples.
 */
import fc from 'fast-check';
import { evaluateInstant } from '../../src/promql/eval/query-engine';
import { parsePromQL } from '../../src/promql/parse/parse';
import type { StoredSeries } from '../../src/promql/eval/values';
import { LimitError, QueryBudget } from '../../src/limits';
import { BatchedMemorySource, budget, MemorySource, T0 } from './support/memory-source';
import { wholeEvaluation } from './support/whole-evaluation';

const SECOND = 1_000;

/** Series with irregular gaps and values including NaN, over servers a…, of metrics m and n. */
const storedFleet = fc
  .array(
    fc.record({
      metric: fc.constantFrom('m', 'n'),
      gaps: fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 40 }),
      values: fc.array(fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constant(NaN)), {
        minLength: 40,
        maxLength: 40,
      }),
    }),
    { minLength: 1, maxLength: 12 }
  )
  .map((list) =>
    list.map(({ metric, gaps, values }, i): StoredSeries => {
      const times: number[] = [];
      let t = T0;
      for (const gap of gaps) times.push((t += gap * SECOND));
      return { labels: { __name__: metric, server: `s${i}` }, times, values: times.map((_, j) => values[j]) };
    })
  );

const EXPRESSIONS = [
  'predict_linear(m[10m], 600) >= 100 and m < 100',
  'deriv(m[30m]) * 3600 >= 3 and deriv(m[5m]) > 0 and predict_linear(m[30m], 3600) >= 0',
  'min_over_time(m[15m]) >= 0.5',
  'rate(m[5m])',
  'avg_over_time({__name__=~"m|n"}[10m])',
  'last_over_time({server=~"s[0-5]"}[1h])',
  'sum by (__name__) (count_over_time({__name__=~".+"}[20m]))',
  'sort_desc(max_over_time(m[10m] offset 2m))',
  'topk(3, stddev_over_time(n[10m]))',
  'quantile_over_time(scalar(count(m)) / 12, m[10m])',
  'quantile_over_time(0.9, m[1h] @ 1767226500)',
  '-irate(m[5m]) or idelta(n[5m])',
  'absent(changes(m[5m]))',
  'max_over_time(rate(m[5m])[20m:1m])',
  'rate(m[5m] offset 1m) / increase(m[10m] offset 1m) - delta(m[2m] offset 1m)',
  'max_over_time(m[5m]) - min_over_time(m[10m] offset 5m)',
  'quantile_over_time(scalar(max_over_time(m{server="s1"}[5m])) / 1000, m[10m]) + count_over_time(m[10m])',
];

test('batched range functions answer exactly as the whole evaluation, with the same samples charged', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...EXPRESSIONS),
      storedFleet,
      fc.integer({ min: 0, max: 6_000 }),
      fc.integer({ min: 1, max: 60 }),
      async (text, stored, atSeconds, batchSamples) => {
        const timeMs = T0 + atSeconds * SECOND;
        const [wholeBudget, batchedBudget] = [budget(), budget()];
        const whole = await wholeEvaluation(new MemorySource(stored), parsePromQL(text), timeMs, wholeBudget).catch(
          (err: Error) => err
        );
        const source = new BatchedMemorySource(stored);
        const batched = await evaluateInstant(source, parsePromQL(text), timeMs, {
          budget: batchedBudget,
          batchSamples,
        }).catch((err: Error) => err);
        expect(batched).toEqual(whole);
        if (!(whole instanceof Error)) expect(batchedBudget.samples).toBe(wholeBudget.samples);
      }
    ),
    { numRuns: 300 }
  );
});

/** Thirty series of sixty samples a minute, three series to a batch of 180 samples. */
const FLEET = Array.from({ length: 30 }, (_, i): StoredSeries => {
  const times = Array.from({ length: 60 }, (_, j) => T0 + (j + 1) * 60 * SECOND);
  return { labels: { __name__: 'm', server: `s${i}` }, times, values: times.map((_, j) => i + j) };
});
const AT = T0 + 60 * 60 * SECOND;

test('what a range function holds at once is one batch of series, not every series', async () => {
  const source = new BatchedMemorySource(FLEET);
  const value = await evaluateInstant(source, parsePromQL('deriv(m[1h]) > 0'), AT, {
    budget: budget(),
    batchSamples: 180,
  });
  expect(value.type === 'vector' && value.samples).toHaveLength(30);
  expect(source.batches).toEqual(Array(10).fill(180));
});

test('every sample a batch loads counts against QUERY_MAX_SAMPLES', async () => {
  const run = (maxSamples: number) =>
    evaluateInstant(new BatchedMemorySource(FLEET), parsePromQL('deriv(m[1h])'), AT, {
      budget: budget({ maxSamples }),
      batchSamples: 180,
    });
  // 1,800 samples loaded, 30 produced.
  await expect(run(1_830)).resolves.toMatchObject({ type: 'vector' });
  await expect(run(1_829)).rejects.toMatchObject({ code: 'samples_limit' });
});

test('the deadline is checked between batches', async () => {
  let now = 0;
  class SlowSource extends BatchedMemorySource {
    override async *selectBatches(
      ...args: Parameters<BatchedMemorySource['selectBatches']>
    ): AsyncGenerator<StoredSeries[]> {
      for await (const batch of super.selectBatches(...args)) {
        yield batch;
        now += 1_000;
      }
    }
  }
  const source = new SlowSource(FLEET);
  const slow = evaluateInstant(source, parsePromQL('deriv(m[1h])'), AT, {
    budget: new QueryBudget({ timeoutMs: 2_500, maxSamples: 1e9 }, { clock: () => now }),
    batchSamples: 180,
  });
  await expect(slow).rejects.toBeInstanceOf(LimitError);
  await expect(slow).rejects.toMatchObject({ code: 'query_timeout' });
  expect(source.batches.length).toBeLessThan(10);
});
