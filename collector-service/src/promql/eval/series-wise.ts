/**
 * Range queries whose expression turns each stored series into one output series on its own — a selector,
 * or a range function over a selector (`avg_over_time(x[90s])`, `rate(x[5m])`, the shape of most panels) —
 * evaluated series by series, a window sliding over the steps. The step-by-step evaluator looks every
 * series up again at every step (binary searches, a vector and a label key per step); this reads each
 * series once. Same answers: a property test holds the two together.
 */
import type { Expr, VectorSelector } from '../parse/ast';
import { KEEPS_METRIC_NAME } from './function-signatures';
import { LOOKBACK_MS, type EvalContext } from './evaluator';
import { dropMetricName, labelsKey, type Labels } from '../labels';
import { RANGE_FUNCTIONS, type RangeFunction } from './range-functions';
import type { StoredSeries } from './values';
import type { QueryBudget } from '../../limits';

export interface Steps {
  startMs: number;
  stepMs: number;
  count: number;
}

/** One output series: its labels and its points (times in epoch ms), oldest first. */
export interface SeriesPoints {
  labels: Labels;
  times: number[];
  values: number[];
}

/** How one stored series becomes its output points over all steps. */
type PerSeries = (series: StoredSeries, steps: Steps, out: SeriesPoints, budget: QueryBudget) => Promise<void>;

/**
 * Samples looked at between two checks of the deadline (a yield to the event loop when the request has held it
 * for a slice): one series over 11,000 steps of a day-long window is billions of them.
 */
const WORK_BETWEEN_CHECKS = 4_096;

interface SeriesWisePlan {
  selector: VectorSelector;
  outputLabels: (labels: Labels) => Labels;
  perSeries: PerSeries;
}

/** The newest sample within the lookback at each step, unless a staleness marker ended the series after it. */
function instantPoints(offsetMs: number): PerSeries {
  return async ({ times, values, stale }, steps, out, budget) => {
    let next = 0; // first sample after the step's time
    let nextMarker = 0;
    for (let i = 0; i < steps.count; i++) {
      if (i % WORK_BETWEEN_CHECKS === WORK_BETWEEN_CHECKS - 1) await budget.pause();
      const t = steps.startMs + i * steps.stepMs;
      const ts = t - offsetMs;
      while (next < times.length && times[next] <= ts) next++;
      const newest = next - 1;
      if (newest < 0 || times[newest] <= ts - LOOKBACK_MS) continue;
      if (stale) {
        while (nextMarker < stale.length && stale[nextMarker] <= ts) nextMarker++;
        if (nextMarker > 0 && stale[nextMarker - 1] > times[newest]) continue;
      }
      out.times.push(t);
      out.values.push(values[newest]);
    }
  };
}

/** A range function over the samples in (t - offset - range, t - offset] at each step. */
function windowPoints(fn: RangeFunction, rangeMs: number, offsetMs: number, scalars: number[]): PerSeries {
  return async ({ times, values }, steps, out, budget) => {
    let from = 0;
    let to = 0;
    let work = 0;
    for (let i = 0; i < steps.count; i++) {
      if ((work += 1 + to - from) >= WORK_BETWEEN_CHECKS) {
        work = 0;
        await budget.pause();
      }
      const t = steps.startMs + i * steps.stepMs;
      const endMs = t - offsetMs;
      const startMs = endMs - rangeMs;
      while (from < times.length && times[from] <= startMs) from++;
      while (to < times.length && times[to] <= endMs) to++;
      if (to <= from) continue;
      const window = { startMs, endMs };
      const value = fn({ times: times.slice(from, to), values: values.slice(from, to), window, evalMs: t }, scalars);
      if (value === null) continue;
      out.times.push(t);
      out.values.push(value);
    }
  };
}

/** The plan for expressions of a supported shape, or null (then the step-by-step evaluator answers). */
function planOf(expr: Expr): SeriesWisePlan | null {
  if (expr.kind === 'vector-selector') {
    if (expr.at) return null;
    return { selector: expr, outputLabels: (labels) => labels, perSeries: instantPoints(expr.offsetMs) };
  }
  if (expr.kind !== 'call') return null;
  const fn = RANGE_FUNCTIONS[expr.name];
  const matrix = expr.args.find((a) => a.kind === 'matrix-selector');
  if (!fn || !matrix || matrix.kind !== 'matrix-selector' || matrix.selector.at) return null;
  const scalars: number[] = [];
  for (const arg of expr.args) {
    if (arg === matrix) continue;
    if (arg.kind !== 'number') return null;
    scalars.push(arg.value);
  }
  const keep = KEEPS_METRIC_NAME.has(expr.name);
  return {
    selector: matrix.selector,
    outputLabels: keep ? (labels) => labels : dropMetricName,
    perSeries: windowPoints(fn, matrix.rangeMs, matrix.selector.offsetMs, scalars),
  };
}

/**
 * Every output series of `expr` over the steps, or null when `expr` is not of a series-wise shape, or when
 * two stored series would give the same labels (the step-by-step evaluator then says whether they meet at a step).
 */
export async function evaluateSeriesWise(expr: Expr, steps: Steps, ctx: EvalContext): Promise<SeriesPoints[] | null> {
  const plan = planOf(expr);
  if (!plan) return null;
  const stored = ctx.data.get(plan.selector) ?? [];
  const outputs = stored.map((s) => plan.outputLabels(s.labels));
  if (new Set(outputs.map(labelsKey)).size !== outputs.length) return null;
  const result: SeriesPoints[] = [];
  for (let i = 0; i < stored.length; i++) {
    await ctx.budget.pause();
    const out: SeriesPoints = { labels: outputs[i], times: [], values: [] };
    await plan.perSeries(stored[i], steps, out, ctx.budget);
    ctx.budget.charge(out.times.length);
    if (out.times.length > 0) result.push(out);
  }
  return result;
}
