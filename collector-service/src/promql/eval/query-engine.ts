/** Runs instant and range queries: parse, load what the selectors need, evaluate step by step, shape the result. */
import { TYPE_NAMES, type Call, type Expr, type VectorSelector } from '../parse/ast';
import { badData, executionError, PromError } from '../errors';
import { evaluate, type EvalContext } from './evaluator';
import { metricJson, samplePair, type MatrixElement, type QueryData } from '../api/format';
import { compareLabels, labelsKey, type Labels } from '../labels';
import type { Matcher } from '../matchers';
import { parsePromQL } from '../parse/parse';
import { planSelectors, type SelectorNeed } from './query-plan';
import { BATCH_SAMPLES, batchedRangeCalls, evaluateInBatches, sharedReads } from './range-calls';
import { evaluateSeriesWise, type SeriesPoints, type Steps } from './series-wise';
import { MAX_POINTS_PER_SERIES, type QueryBudget } from '../../limits';
import type { StoredSeries, Value } from './values';

/** Where the engine reads stored series from. */
export interface SeriesSource {
  /**
   * Series matching all matchers, with their samples in (fromMs, toMs]; samples loaded are charged to the budget.
   * With `newestOnly` a source may answer each series' newest sample in the span alone.
   */
  select(
    matchers: Matcher[],
    fromMs: number,
    toMs: number,
    budget: QueryBudget,
    options?: SelectOptions
  ): Promise<StoredSeries[]>;
  /**
   * The series `select` answers (the same samples, in the same order, charged alike), handed over a batch at
   * a time: each batch holds whole series, at most `maxSamples` samples unless one series alone holds more.
   * Optional: a source without it is read whole, as one batch (see seriesBatches).
   */
  selectBatches?(
    matchers: Matcher[],
    fromMs: number,
    toMs: number,
    budget: QueryBudget,
    maxSamples: number
  ): AsyncIterable<StoredSeries[]>;
}

export interface SelectOptions {
  newestOnly: boolean;
  /**
   * With `newestOnly`: the values the query keeps of each series' newest sample (`selector > 80`); a source
   * may leave out series whose newest sample it refuses. A hint: the evaluation applies it anyway.
   */
  keeps?: (value: number) => boolean;
}

export interface QueryOptions {
  /** The request's one samples budget and deadline, over loading and evaluation. */
  budget: QueryBudget;
  /** Samples an instant query's range function reads at a time (BATCH_SAMPLES unless given). */
  batchSamples?: number;
}

/** Parses the `query` parameter; errors name the parameter as Prometheus's do. */
export function parseQueryParam(text: string): Expr {
  try {
    return parsePromQL(text);
  } catch (err) {
    if (err instanceof PromError && err.errorType === 'bad_data')
      throw badData(`invalid parameter "query": ${err.message}`);
    throw err;
  }
}

async function load(
  source: SeriesSource,
  needs: SelectorNeed[],
  budget: QueryBudget
): Promise<Map<VectorSelector, StoredSeries[]>> {
  const loaded = await Promise.all(
    needs.map((n) => source.select(n.matchers, n.fromMs, n.toMs, budget, { newestOnly: n.newestOnly, keeps: n.keeps }))
  );
  return new Map(needs.map((n, i) => [n.selector, loaded[i]]));
}

function context(data: EvalContext['data'], startMs: number, endMs: number, options: QueryOptions): EvalContext {
  return { data, startMs, endMs, budget: options.budget };
}

/** Samples a result holds, charged to the request's budget. */
const resultSamples = (value: Value) =>
  value.type === 'vector'
    ? value.samples.length
    : value.type === 'matrix'
      ? value.series.reduce((n, s) => n + s.times.length, 0)
      : 1;

/** Results whose order the expression decides (sort, topk, …) keep it; others are sorted by labels. */
function keepsOrder(expr: Expr): boolean {
  return (
    (expr.kind === 'call' && (expr.name === 'sort' || expr.name === 'sort_desc')) ||
    (expr.kind === 'aggregate' && (expr.op === 'topk' || expr.op === 'bottomk'))
  );
}

const byLabels = <T extends { labels: Labels }>(items: T[]) =>
  [...items].sort((a, b) => compareLabels(a.labels, b.labels));

function instantData(expr: Expr, value: Value, timeMs: number): QueryData {
  switch (value.type) {
    case 'scalar':
      return { resultType: 'scalar', result: samplePair(timeMs, value.value) };
    case 'string':
      return { resultType: 'string', result: [timeMs / 1000, value.value] };
    case 'vector': {
      const samples = keepsOrder(expr) ? value.samples : byLabels(value.samples);
      return {
        resultType: 'vector',
        result: samples.map((s) => ({ metric: metricJson(s.labels), value: samplePair(timeMs, s.value) })),
      };
    }
    case 'matrix':
      return {
        resultType: 'matrix',
        result: byLabels(value.series).map((s) => ({
          metric: metricJson(s.labels),
          values: s.times.map((t, i) => samplePair(t, s.values[i])),
        })),
      };
  }
}

/** A parsed expression's raw value at one instant, for callers other than the HTTP API (alert rules). */
export async function evaluateInstant(
  source: SeriesSource,
  expr: Expr,
  timeMs: number,
  options: QueryOptions
): Promise<Value> {
  const needs = planSelectors(expr, timeMs, timeMs);
  // Range functions over selectors read their series batch by batch, not with the other selectors.
  const reads = sharedReads(batchedRangeCalls(expr), needs);
  const batched = new Set(reads.flatMap((r) => r.calls.map((c) => c.need)));
  const data = await load(
    source,
    needs.filter((n) => !batched.has(n)),
    options.budget
  );
  const ctx = { ...context(data, timeMs, timeMs, options), computed: new Map<Call, Value>() };
  const maxSamples = options.batchSamples ?? BATCH_SAMPLES;
  for (const read of reads)
    for (const [call, value] of await evaluateInBatches(read, source, timeMs, ctx, maxSamples))
      ctx.computed.set(call, value);
  const value = await evaluate(expr, timeMs, ctx);
  options.budget.charge(resultSamples(value));
  return value;
}

export async function instantQuery(
  source: SeriesSource,
  text: string,
  timeMs: number,
  options: QueryOptions
): Promise<QueryData> {
  const expr = parseQueryParam(text);
  return instantData(expr, await evaluateInstant(source, expr, timeMs, options), timeMs);
}

export interface RangeParams {
  startMs: number;
  endMs: number;
  stepMs: number;
}

/** Checks Prometheus makes on query_range's start, end and step before evaluating. */
function checkRange({ startMs, endMs, stepMs }: RangeParams): void {
  if (endMs < startMs) throw badData('end timestamp must not be before start time');
  if (!(stepMs > 0))
    throw badData('zero or negative query resolution step widths are not accepted. Try a positive integer');
  if (!(Math.floor((endMs - startMs) / stepMs) <= MAX_POINTS_PER_SERIES)) {
    throw badData(
      'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)'
    );
  }
}

/** Evaluates `expr` at every step, collecting each label set's points. */
async function evaluateStepwise(expr: Expr, steps: Steps, ctx: EvalContext): Promise<SeriesPoints[]> {
  const series = new Map<string, SeriesPoints>();
  for (let i = 0; i < steps.count; i++) {
    const t = steps.startMs + i * steps.stepMs;
    const value = await evaluate(expr, t, ctx);
    const samples =
      value.type === 'scalar' ? [{ labels: {}, value: value.value }] : value.type === 'vector' ? value.samples : [];
    ctx.budget.charge(samples.length);
    for (const s of samples) {
      const key = labelsKey(s.labels);
      let out = series.get(key);
      if (!out) series.set(key, (out = { labels: s.labels, times: [], values: [] }));
      if (out.times[out.times.length - 1] === t)
        throw executionError('vector cannot contain metrics with the same labelset');
      out.times.push(t);
      out.values.push(s.value);
    }
  }
  return [...series.values()];
}

export async function rangeQuery(
  source: SeriesSource,
  text: string,
  range: RangeParams,
  options: QueryOptions
): Promise<QueryData> {
  checkRange(range);
  const expr = parseQueryParam(text);
  if (expr.type !== 'scalar' && expr.type !== 'vector') {
    throw badData(
      `invalid parameter "query": invalid expression type ${JSON.stringify(TYPE_NAMES[expr.type])} for range query, must be Scalar or instant Vector`
    );
  }
  const { startMs, endMs, stepMs } = range;
  const data = await load(source, planSelectors(expr, startMs, endMs), options.budget);
  const ctx = context(data, startMs, endMs, options);
  // Counted, not accumulated: at extreme times `t += step` would not move.
  const steps = { startMs, stepMs, count: Math.floor((endMs - startMs) / stepMs) + 1 };
  const series = (await evaluateSeriesWise(expr, steps, ctx)) ?? (await evaluateStepwise(expr, steps, ctx));
  const result: MatrixElement[] = byLabels(series).map((s) => ({
    metric: metricJson(s.labels),
    values: s.times.map((t, i) => samplePair(t, s.values[i])),
  }));
  return { resultType: 'matrix', result };
}
