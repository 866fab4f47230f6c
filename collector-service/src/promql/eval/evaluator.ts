/** Evaluates an AST at one instant over series already loaded for each selector. Pure: no I/O. */
import {
  isArithmetic,
  isComparison,
  type AtModifier,
  type Binary,
  type Call,
  type Expr,
  type Subquery,
  type VectorSelector,
} from '../parse/ast';
import { aggregate } from './aggregations';
import { comparisonKeeps, scalarOp, vectorScalarOp, vectorVectorOp } from './binary-ops';
import { executionError } from '../errors';
import { LimitError, MAX_POINTS_PER_SERIES, type QueryBudget } from '../../limits';
import { evaluateCall } from './functions';
import { dropMetricName, labelsKey } from '../labels';
import { upperBound, type RangeSeries, type Sample, type StoredSeries, type Value } from './values';

/** Prometheus's default lookback delta: an instant selector sees the newest sample up to 5 minutes old. */
export const LOOKBACK_MS = 5 * 60_000;
/** Resolution of subqueries that name none (Prometheus's default evaluation interval). */
export const DEFAULT_SUBQUERY_STEP_MS = 60_000;

export interface EvalContext {
  /** The stored series each selector matched, over the span the query needs. */
  data: Map<VectorSelector, StoredSeries[]>;
  /** Start and end of the query, for `@ start()` and `@ end()`. */
  startMs: number;
  endMs: number;
  /** The request's samples budget and deadline; evaluation yields to the event loop through it. */
  budget: QueryBudget;
  /** Inner results of subqueries by evaluation time, shared across steps. */
  subqueryCache?: Map<Subquery, Map<number, Value>>;
  /** Calls already evaluated for the one evaluation time (range functions read a batch of series at a time). */
  computed?: Map<Call, Value>;
}

export function resolveAt(
  at: AtModifier | undefined,
  evalMs: number,
  ctx: Pick<EvalContext, 'startMs' | 'endMs'>
): number {
  if (!at) return evalMs;
  return at.kind === 'time' ? at.ms : at.kind === 'start' ? ctx.startMs : ctx.endMs;
}

/**
 * The newest sample of each series within the lookback, those `keeps` accepts (all when none is given);
 * `timestamp()` asks for the samples' times (in seconds) instead of their values.
 */
function instantSelector(
  sel: VectorSelector,
  evalMs: number,
  ctx: EvalContext,
  times = false,
  keeps?: (value: number) => boolean
): Sample[] {
  const ts = resolveAt(sel.at, evalMs, ctx) - sel.offsetMs;
  const out: Sample[] = [];
  for (const series of ctx.data.get(sel) ?? []) {
    const i = upperBound(series.times, ts) - 1;
    if (i < 0 || series.times[i] <= ts - LOOKBACK_MS) continue;
    const marker = series.stale ? series.stale[upperBound(series.stale, ts) - 1] : undefined;
    if (marker !== undefined && marker > series.times[i]) continue;
    if (keeps && !keeps(series.values[i])) continue;
    out.push(
      times
        ? { labels: dropMetricName(series.labels), value: series.times[i] / 1000 }
        : { labels: series.labels, value: series.values[i] }
    );
  }
  return out;
}

export function rangeSelector(sel: VectorSelector, rangeMs: number, evalMs: number, ctx: EvalContext): Value {
  const endMs = resolveAt(sel.at, evalMs, ctx) - sel.offsetMs;
  const startMs = endMs - rangeMs;
  const series: RangeSeries[] = [];
  for (const s of ctx.data.get(sel) ?? []) {
    const from = upperBound(s.times, startMs);
    const to = upperBound(s.times, endMs);
    if (to > from) series.push({ labels: s.labels, times: s.times.slice(from, to), values: s.values.slice(from, to) });
  }
  return { type: 'matrix', series, window: { startMs, endMs } };
}

/** Steps one subquery evaluation may take, as many as a range query's points per series. */
export const MAX_SUBQUERY_STEPS = MAX_POINTS_PER_SERIES;

/**
 * Evaluation times of a subquery: multiples of its step in (end - range, end]. Their number is known in
 * closed form and checked before any is built, so `[30d:1ms]` is refused (422) rather than allocated.
 */
export function subquerySteps(
  sq: Subquery,
  evalMs: number,
  ctx: Pick<EvalContext, 'startMs' | 'endMs'>
): { startMs: number; endMs: number; times: number[] } {
  const endMs = resolveAt(sq.at, evalMs, ctx) - sq.offsetMs;
  const startMs = endMs - sq.rangeMs;
  const step = sq.stepMs ?? DEFAULT_SUBQUERY_STEP_MS;
  const first = (Math.floor(startMs / step) + 1) * step;
  const count = first <= endMs ? Math.floor((endMs - first) / step) + 1 : 0;
  if (!(count <= MAX_SUBQUERY_STEPS)) {
    throw new LimitError(
      'subquery_steps_limit',
      `subquery [${sq.rangeMs / 1000}s:${step / 1000}s] takes ${Number.isFinite(count) ? count : 'too many'} steps per evaluation, more than the ${MAX_SUBQUERY_STEPS} allowed; use a larger subquery step or a shorter subquery range`
    );
  }
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(first + i * step);
  return { startMs, endMs, times };
}

async function subquery(sq: Subquery, evalMs: number, ctx: EvalContext): Promise<Value> {
  const { startMs, endMs, times } = subquerySteps(sq, evalMs, ctx);
  ctx.subqueryCache ??= new Map();
  let cache = ctx.subqueryCache.get(sq);
  if (!cache) ctx.subqueryCache.set(sq, (cache = new Map()));
  const byLabels = new Map<string, RangeSeries>();
  for (const t of times) {
    let inner = cache.get(t);
    if (!inner) {
      inner = await evaluate(sq.expr, t, ctx);
      ctx.budget.charge(inner.type === 'vector' ? inner.samples.length : 1);
      cache.set(t, inner);
    }
    const samples =
      inner.type === 'vector' ? inner.samples : inner.type === 'scalar' ? [{ labels: {}, value: inner.value }] : [];
    for (const s of samples) {
      const key = labelsKey(s.labels);
      let series = byLabels.get(key);
      if (!series) byLabels.set(key, (series = { labels: s.labels, times: [], values: [] }));
      series.times.push(t);
      series.values.push(s.value);
    }
  }
  return { type: 'matrix', series: [...byLabels.values()], window: { startMs, endMs } };
}

/** Prometheus refuses a vector whose elements cannot be told apart (e.g. after a function dropped their names). */
function assertDistinct(samples: Sample[]): Sample[] {
  const seen = new Set<string>();
  for (const s of samples) {
    const key = labelsKey(s.labels);
    if (seen.has(key)) throw executionError('vector cannot contain metrics with the same labelset');
    seen.add(key);
  }
  return samples;
}

const vectorValue = (samples: Sample[]): Value => ({ type: 'vector', samples });

/**
 * `selector > scalar` and the like (a comparison without `bool`) as one pass over the selector's series,
 * keeping only the samples that compare true: an alert rule over 10,000 servers builds a sample only for
 * the few that fire. Null for any other binary expression.
 */
async function selectorComparedToScalar(expr: Binary, evalMs: number, ctx: EvalContext): Promise<Sample[] | null> {
  if (!isComparison(expr.op) || expr.returnBool) return null;
  const scalarOnLeft = expr.lhs.type === 'scalar';
  const [selector, scalarSide] = scalarOnLeft ? [expr.rhs, expr.lhs] : [expr.lhs, expr.rhs];
  if (selector.kind !== 'vector-selector' || scalarSide.type !== 'scalar') return null;
  const scalar = await evaluate(scalarSide, evalMs, ctx);
  if (scalar.type !== 'scalar') return null;
  return instantSelector(selector, evalMs, ctx, false, comparisonKeeps(expr, scalar.value, scalarOnLeft));
}

/** A call's arguments evaluated in order. */
export async function evaluateArgs(call: Call, evalMs: number, ctx: EvalContext): Promise<Value[]> {
  const args: Value[] = [];
  for (const a of call.args) args.push(await evaluate(a, evalMs, ctx));
  return args;
}

/** Evaluates `expr` at `evalMs`; between nodes it yields to the event loop when the request has held it for a slice. */
export async function evaluate(expr: Expr, evalMs: number, ctx: EvalContext): Promise<Value> {
  await ctx.budget.pause();
  switch (expr.kind) {
    case 'number':
      return { type: 'scalar', value: expr.value };
    case 'string':
      return { type: 'string', value: expr.value };
    case 'vector-selector':
      return vectorValue(instantSelector(expr, evalMs, ctx));
    case 'matrix-selector':
      return rangeSelector(expr.selector, expr.rangeMs, evalMs, ctx);
    case 'subquery':
      return subquery(expr, evalMs, ctx);
    case 'unary': {
      const inner = await evaluate(expr.expr, evalMs, ctx);
      if (!expr.negate) return inner;
      if (inner.type === 'scalar') return { type: 'scalar', value: -inner.value };
      if (inner.type !== 'vector') throw new Error('unary minus on a non-vector');
      return vectorValue(
        assertDistinct(inner.samples.map((s) => ({ labels: dropMetricName(s.labels), value: -s.value })))
      );
    }
    case 'call': {
      if (expr.name === 'timestamp' && expr.args[0].kind === 'vector-selector') {
        return vectorValue(assertDistinct(instantSelector(expr.args[0], evalMs, ctx, true)));
      }
      const result = ctx.computed?.get(expr) ?? evaluateCall(expr, await evaluateArgs(expr, evalMs, ctx), evalMs);
      return result.type === 'vector' ? vectorValue(assertDistinct(result.samples)) : result;
    }
    case 'aggregate': {
      const inner = await evaluate(expr.expr, evalMs, ctx);
      const param = expr.param ? await evaluate(expr.param, evalMs, ctx) : undefined;
      const samples = inner.type === 'vector' ? inner.samples : [];
      return vectorValue(aggregate(expr.op, samples, expr.grouping, param?.type === 'scalar' ? param.value : NaN));
    }
    case 'binary': {
      const filtered = await selectorComparedToScalar(expr, evalMs, ctx);
      if (filtered) return vectorValue(filtered);
      const lhs = await evaluate(expr.lhs, evalMs, ctx);
      const rhs = await evaluate(expr.rhs, evalMs, ctx);
      if (lhs.type === 'scalar' && rhs.type === 'scalar')
        return { type: 'scalar', value: scalarOp(expr.op, lhs.value, rhs.value, expr.returnBool) };
      let samples: Sample[];
      if (lhs.type === 'vector' && rhs.type === 'vector') samples = vectorVectorOp(expr, lhs.samples, rhs.samples);
      else if (lhs.type === 'vector' && rhs.type === 'scalar')
        samples = vectorScalarOp(expr, lhs.samples, rhs.value, false);
      else if (lhs.type === 'scalar' && rhs.type === 'vector')
        samples = vectorScalarOp(expr, rhs.samples, lhs.value, true);
      else throw new Error('binary operands must be scalars or instant vectors');
      return vectorValue(isArithmetic(expr.op) || expr.returnBool ? assertDistinct(samples) : samples);
    }
  }
}
