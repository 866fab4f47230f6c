/** Functions over each series of a range vector (`*_over_time`, rate family, deriv, predict_linear): points → one value. */
import { extremum, kahanSum, linearRegression, mean, quantile, variance } from './math';
import type { Window } from './values';

export interface RangePoints {
  times: number[];
  values: number[];
  window: Window;
  /** Evaluation time of the enclosing expression. */
  evalMs: number;
}

/** One value per series, or null when the series gives no sample (e.g. rate over fewer than two points). */
export type RangeFunction = (points: RangePoints, scalarArgs: number[]) => number | null;

/**
 * increase/rate/delta: the change over the window, extrapolated to its edges the way Prometheus
 * does (no further than half a sample interval beyond the outermost samples, not below zero for counters).
 */
function extrapolatedRate(isCounter: boolean, isRate: boolean): RangeFunction {
  return ({ times, values, window }) => {
    const n = values.length;
    if (n < 2) return null;
    let result = values[n - 1] - values[0];
    if (isCounter) {
      let last = 0;
      for (const v of values) {
        if (v < last) result += last;
        last = v;
      }
    }
    let toStart = (times[0] - window.startMs) / 1000;
    let toEnd = (window.endMs - times[n - 1]) / 1000;
    const sampled = (times[n - 1] - times[0]) / 1000;
    const averageGap = sampled / (n - 1);
    const threshold = averageGap * 1.1;
    if (toStart >= threshold) toStart = averageGap / 2;
    if (isCounter && result > 0 && values[0] >= 0) {
      // A counter started at zero: extrapolate no further back than that.
      toStart = Math.min(toStart, sampled * (values[0] / result));
    }
    if (toEnd >= threshold) toEnd = averageGap / 2;
    let factor = (sampled + toStart + toEnd) / sampled;
    if (isRate) factor /= (window.endMs - window.startMs) / 1000;
    return result * factor;
  };
}

/** irate/idelta: from the last two samples. */
function instantValue(isRate: boolean): RangeFunction {
  return ({ times, values }) => {
    const n = values.length;
    if (n < 2) return null;
    const last = values[n - 1];
    const previous = values[n - 2];
    let result = isRate && last < previous ? last : last - previous;
    if (isRate) {
      const seconds = (times[n - 1] - times[n - 2]) / 1000;
      if (seconds === 0) return null;
      result /= seconds;
    }
    return result;
  };
}

const nonEmpty =
  (fn: (values: number[]) => number): RangeFunction =>
  ({ values }) =>
    values.length === 0 ? null : fn(values);

function countChanges(values: number[], changed: (previous: number, current: number) => boolean): number {
  let count = 0;
  for (let i = 1; i < values.length; i++) if (changed(values[i - 1], values[i])) count++;
  return count;
}

export const RANGE_FUNCTIONS: Record<string, RangeFunction> = {
  avg_over_time: nonEmpty(mean),
  sum_over_time: nonEmpty(kahanSum),
  min_over_time: nonEmpty((values) => extremum(values, false)),
  max_over_time: nonEmpty((values) => extremum(values, true)),
  count_over_time: nonEmpty((values) => values.length),
  last_over_time: nonEmpty((values) => values[values.length - 1]),
  present_over_time: nonEmpty(() => 1),
  stddev_over_time: nonEmpty((values) => Math.sqrt(variance(values))),
  stdvar_over_time: nonEmpty(variance),
  quantile_over_time: ({ values }, [q]) => (values.length === 0 ? null : quantile(q, values)),
  changes: nonEmpty((values) => countChanges(values, (a, b) => a !== b && !(Number.isNaN(a) && Number.isNaN(b)))),
  resets: nonEmpty((values) => countChanges(values, (a, b) => b < a)),
  rate: extrapolatedRate(true, true),
  increase: extrapolatedRate(true, false),
  delta: extrapolatedRate(false, false),
  irate: instantValue(true),
  idelta: instantValue(false),
  deriv: ({ times, values }) => (values.length < 2 ? null : linearRegression(times, values, times[0]).slope),
  predict_linear: ({ times, values, evalMs }, [seconds]) => {
    if (values.length < 2) return null;
    const { slope, intercept } = linearRegression(times, values, evalMs);
    return intercept + slope * seconds;
  },
};
