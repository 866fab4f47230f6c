/** The values an expression evaluates to: scalars, strings, instant vectors and range vectors. */
import type { Labels } from '../labels';

/** One element of an instant vector: a series' labels and its value at the evaluation time. */
export interface Sample {
  labels: Labels;
  value: number;
}

/** A series' points in a window, oldest first; times in epoch milliseconds. */
export interface RangeSeries {
  labels: Labels;
  times: number[];
  values: number[];
}

export type Value =
  | { type: 'scalar'; value: number }
  | { type: 'string'; value: string }
  | { type: 'vector'; samples: Sample[] }
  | { type: 'matrix'; series: RangeSeries[]; window: Window };

/** The time span (start exclusive, end inclusive) a range vector was selected over; rate() extrapolates to it. */
export interface Window {
  startMs: number;
  endMs: number;
}

/** A stored series as the data source hands it over: every sample in the window it was asked for. Read-only: a source may share arrays between series. */
export interface StoredSeries {
  labels: Labels;
  /** Epoch milliseconds, ascending. */
  times: number[];
  values: number[];
  /**
   * Times of Prometheus staleness markers, ascending: the series ended there, so an instant
   * selector does not look back past one to an older sample (the alerting's ALERTS series have them).
   */
  stale?: number[];
}

/** Index of the first element of the sorted `times` greater than `t`. */
export function upperBound(times: number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
