/**
 * Range queries of a series-wise shape (a selector, a range function over a selector) are answered series by
 * series; they must give exactly what evaluating the expression step by step gives.
 */
import fc from 'fast-check';
import { evaluate, type EvalContext } from '../../src/promql/eval/evaluator';
import { planSelectors } from '../../src/promql/eval/query-plan';
import { evaluateSeriesWise, type SeriesPoints, type Steps } from '../../src/promql/eval/series-wise';
import { parsePromQL } from '../../src/promql/parse/parse';
import { labelsKey } from '../../src/promql/labels';
import type { StoredSeries } from '../../src/promql/eval/values';
import { budget, T0 } from './support/memory-source';

const SECOND = 1_000;

function contextFor(
  text: string,
  stored: StoredSeries[],
  steps: Steps
): { ctx: EvalContext; expr: ReturnType<typeof parsePromQL> } {
  const expr = parsePromQL(text);
  const endMs = steps.startMs + (steps.count - 1) * steps.stepMs;
  const data = new Map(planSelectors(expr, steps.startMs, endMs).map((need) => [need.selector, stored]));
  return { expr, ctx: { data, startMs: steps.startMs, endMs, budget: budget() } };
}

async function stepByStep(text: string, stored: StoredSeries[], steps: Steps): Promise<SeriesPoints[]> {
  const { expr, ctx } = contextFor(text, stored, steps);
  const byKey = new Map<string, SeriesPoints>();
  for (let i = 0; i < steps.count; i++) {
    const t = steps.startMs + i * steps.stepMs;
    const value = await evaluate(expr, t, ctx);
    if (value.type !== 'vector') throw new Error(`expected a vector, got ${value.type}`);
    for (const s of value.samples) {
      const key = labelsKey(s.labels);
      if (!byKey.has(key)) byKey.set(key, { labels: s.labels, times: [], values: [] });
      byKey.get(key)!.times.push(t);
      byKey.get(key)!.values.push(s.value);
    }
  }
  return [...byKey.values()];
}

async function seriesWise(text: string, stored: StoredSeries[], steps: Steps): Promise<SeriesPoints[] | null> {
  const { expr, ctx } = contextFor(text, stored, steps);
  return evaluateSeriesWise(expr, steps, ctx);
}

const sortedByLabels = (series: SeriesPoints[]) =>
  [...series].sort((a, b) => labelsKey(a.labels).localeCompare(labelsKey(b.labels)));

/** A series with irregular gaps (some longer than the lookback), values including NaN, and maybe staleness markers. */
const storedSeries = (server: string) =>
  fc
    .record({
      gaps: fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 0, maxLength: 60 }),
      values: fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN)), {
        minLength: 60,
        maxLength: 60,
      }),
      staleAfter: fc.array(fc.integer({ min: 0, max: 59 }), { maxLength: 3 }),
    })
    .map(({ gaps, values, staleAfter }): StoredSeries => {
      const times: number[] = [];
      let t = T0;
      for (const gap of gaps) times.push((t += gap * SECOND));
      const stale = [...new Set(staleAfter.filter((i) => i < times.length))]
        .sort((a, b) => a - b)
        .map((i) => times[i] + SECOND / 2);
      return {
        labels: { __name__: 'm', server },
        times,
        values: times.map((_, i) => values[i]),
        ...(stale.length > 0 ? { stale } : {}),
      };
    });

const EXPRESSIONS = [
  'm',
  'm offset 3m',
  'avg_over_time(m[90s])',
  'sum_over_time(m[5m])',
  'min_over_time(m[2m] offset 1m)',
  'max_over_time(m[10m])',
  'count_over_time(m[3m])',
  'last_over_time(m[4m])',
  'quantile_over_time(0.75, m[6m])',
  'stddev_over_time(m[5m])',
  'changes(m[10m])',
  'resets(m[10m])',
  'rate(m[5m])',
  'increase(m[2m])',
  'delta(m[3m] offset 30s)',
  'irate(m[5m])',
  'idelta(m[1m])',
  'deriv(m[10m])',
  'predict_linear(m[10m], 600)',
];

test('every series-wise shape answers exactly as step-by-step evaluation, over random series and steps', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...EXPRESSIONS),
      fc.array(storedSeries('s'), { minLength: 1, maxLength: 3 }),
      fc.integer({ min: -600, max: 24_000 }),
      fc.integer({ min: 1, max: 900 }),
      fc.integer({ min: 1, max: 80 }),
      async (text, stored, startSeconds, stepSeconds, count) => {
        const series = stored.map((s, i) => ({ ...s, labels: { ...s.labels, server: `s${i}` } }));
        const steps = { startMs: T0 + startSeconds * SECOND, stepMs: stepSeconds * SECOND, count };
        const fast = await seriesWise(text, series, steps);
        expect(fast).not.toBeNull();
        expect(sortedByLabels(fast!)).toEqual(sortedByLabels(await stepByStep(text, series, steps)));
      }
    ),
    { numRuns: 400 }
  );
});

test('other shapes, and series that would share labels once the name is dropped, are left to step-by-step evaluation', async () => {
  const steps = { startMs: T0 + 60 * SECOND, stepMs: 60 * SECOND, count: 5 };
  const one = (name: string, server: string): StoredSeries => ({
    labels: { __name__: name, server },
    times: [T0 + 30 * SECOND, T0 + 90 * SECOND],
    values: [1, 2],
  });
  expect(await seriesWise('sum(m)', [one('m', 'a')], steps)).toBeNull();
  expect(await seriesWise('m @ 100', [one('m', 'a')], steps)).toBeNull();
  expect(await seriesWise('rate(m[5m] @ end())', [one('m', 'a')], steps)).toBeNull();
  expect(await seriesWise('avg_over_time({server="a"}[5m])', [one('m', 'a'), one('n', 'a')], steps)).toBeNull();
  expect(await seriesWise('last_over_time({server="a"}[5m])', [one('m', 'a'), one('n', 'a')], steps)).toHaveLength(2);
});
