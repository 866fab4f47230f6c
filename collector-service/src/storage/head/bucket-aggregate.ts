/**
 * Per-bucket aggregation of one series' samples, computed as PostgreSQL computes the SQL read
 * path: buckets of `stepMs` aligned to the epoch (`date_bin`), nulls skipped, `avg` as sum/count,
 * `p95` as `percentile_cont(0.95)` (linear interpolation between the sorted values).
 */
import type { Aggregation } from '../metrics-store';
import type { SeriesBuffer } from './series-buffer';

export interface Bucketed {
  timestamps: number[];
  /** One array per asked column, null where a bucket holds no reading. */
  values: Array<Array<number | null>>;
}

/** percentile_cont(p) of sorted values [0, n). */
function percentile(sorted: Float64Array, n: number, p: number): number {
  const pos = p * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  if (lo === hi) return sorted[lo];
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** One aggregate of col[from, to), NaN readings skipped; null when none is left. */
export function aggregate(
  col: Float64Array,
  from: number,
  to: number,
  aggregation: Aggregation,
  scratch: Float64Array
): number | null {
  let n = 0;
  if (aggregation === 'avg') {
    let sum = 0;
    for (let i = from; i < to; i++) {
      const v = col[i];
      if (v === v) {
        sum += v;
        n++;
      }
    }
    return n === 0 ? null : sum / n;
  }
  if (aggregation === 'max' || aggregation === 'min') {
    let best = aggregation === 'max' ? -Infinity : Infinity;
    for (let i = from; i < to; i++) {
      const v = col[i];
      if (v === v) {
        n++;
        if (aggregation === 'max' ? v > best : v < best) best = v;
      }
    }
    return n === 0 ? null : best;
  }
  for (let i = from; i < to; i++) {
    const v = col[i];
    if (v === v) scratch[n++] = v;
  }
  if (n === 0) return null;
  const sorted = scratch.subarray(0, n).sort();
  return percentile(sorted, n, 0.95);
}

/** Buckets of [fromMs, toMs) holding at least one sample, each column aggregated. */
export function bucketize(
  buffer: SeriesBuffer,
  columns: readonly number[],
  fromMs: number,
  toMs: number,
  stepMs: number,
  aggregation: Aggregation
): Bucketed {
  const out: Bucketed = { timestamps: [], values: columns.map(() => []) };
  const first = buffer.lowerBound(fromMs);
  const last = buffer.lowerBound(toMs);
  const times = buffer.doubles; // the times come first
  const scratch = aggregation === 'p95' ? new Float64Array(last - first) : new Float64Array(0);
  let i = first;
  while (i < last) {
    const bucket = Math.floor(times[i] / stepMs);
    const bucketEnd = (bucket + 1) * stepMs;
    let j = i + 1;
    while (j < last && times[j] < bucketEnd) j++;
    out.timestamps.push(bucket * stepMs);
    for (let c = 0; c < columns.length; c++) {
      const at = buffer.columnStart(columns[c]);
      out.values[c].push(aggregate(buffer.doubles, at + i, at + j, aggregation, scratch));
    }
    i = j;
  }
  return out;
}
