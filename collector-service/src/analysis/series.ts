/** A time series as the detectors take it: ascending timestamps (epoch ms) and finite values, plus small statistics. */

export interface Series {
  t: number[];
  v: number[];
}

export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  // A typed array sorts numerically without a comparator call per step: several times faster.
  const sorted = Float64Array.from(values).sort();
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values: readonly number[]) => quantile(values, 0.5);

/** Median absolute deviation from the median. */
export function mad(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

export interface RangeStats {
  latest: number;
  latestAt: number;
  min: number;
  max: number;
  avg: number;
  points: number;
}

export function rangeStats(s: Series): RangeStats | null {
  if (s.v.length === 0) return null;
  return {
    latest: s.v[s.v.length - 1],
    latestAt: s.t[s.t.length - 1],
    min: Math.min(...s.v),
    max: Math.max(...s.v),
    avg: mean(s.v),
    points: s.v.length,
  };
}
