/** Numeric helpers shared by functions and aggregations: Kahan summation, quantiles, regression, Go's float semantics. */

/** Compensated (Kahan–Babuška) sum, as Prometheus sums. */
export function kahanSum(values: Iterable<number>): number {
  let sum = 0;
  let c = 0;
  for (const v of values) {
    const t = sum + v;
    if (Math.abs(sum) >= Math.abs(v)) c += sum - t + v;
    else c += v - t + sum;
    sum = t;
  }
  // Adding an infinite sum and a NaN compensation would give NaN where the sum is infinite.
  return Number.isFinite(sum) ? sum + c : sum;
}

export function mean(values: number[]): number {
  return kahanSum(values) / values.length;
}

/** Largest or smallest value; a NaN is replaced by any number, as in Prometheus's min and max. */
export function extremum(values: number[], largest: boolean): number {
  let best = values[0];
  for (const v of values) if ((largest ? v > best : v < best) || Number.isNaN(best)) best = v;
  return best;
}

/** Population variance (divides by n), as stdvar/stddev in PromQL. */
export function variance(values: number[]): number {
  const m = mean(values);
  return kahanSum(values.map((v) => (v - m) ** 2)) / values.length;
}

/** φ-quantile with linear interpolation between the closest ranks, Prometheus's definition. */
export function quantile(q: number, values: number[]): number {
  if (values.length === 0 || Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const sorted = [...values].sort(compareForSort);
  const rank = q * (sorted.length - 1);
  const lower = Math.max(0, Math.floor(rank));
  const upper = Math.min(sorted.length - 1, lower + 1);
  const weight = rank - Math.floor(rank);
  return sorted[lower] * (1 - weight) + sorted[upper] * weight;
}

/** Ascending with NaN first, as Go's sort of float64 does. */
function compareForSort(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  if (Number.isNaN(b)) return 1;
  return a - b;
}

/** Least-squares line through the points, x in seconds relative to `interceptMs`. */
export function linearRegression(
  times: number[],
  values: number[],
  interceptMs: number
): { slope: number; intercept: number } {
  const first = values[0];
  if (values.every((v) => v === first)) {
    return Number.isFinite(first) || Number.isNaN(first)
      ? { slope: 0, intercept: first }
      : { slope: NaN, intercept: NaN };
  }
  const xs = times.map((t) => (t - interceptMs) / 1000);
  const n = values.length;
  const sumX = kahanSum(xs);
  const sumY = kahanSum(values);
  const sumXY = kahanSum(xs.map((x, i) => x * values[i]));
  const sumX2 = kahanSum(xs.map((x) => x * x));
  const slope = (sumXY - (sumX * sumY) / n) / (sumX2 - (sumX * sumX) / n);
  return { slope, intercept: sumY / n - (slope * sumX) / n };
}

/** Go's math.Pow, which differs from Math.pow where 1 and ±0 meet NaN and ±Inf. */
export function goPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (x === -1 && !Number.isFinite(y) && !Number.isNaN(y)) return 1;
  return Math.pow(x, y);
}
