/** Ordinary least-squares line through (t, v), with the goodness of fit and the slope's standard error. */
import { HOUR_MS } from '../series';

export interface LinearFit {
  /** Units per hour. */
  slopePerHour: number;
  /** Fitted value at the last point. */
  endValue: number;
  /** Share of the variance the line explains, 0..1. */
  r2: number;
  /** Standard error of the slope, units per hour. */
  slopeStdErr: number;
  n: number;
}

/** Fits points [from, to) of the arrays; null with fewer than 3 points or no time spread. */
export function fitLine(t: readonly number[], v: readonly number[], from = 0, to = t.length): LinearFit | null {
  const n = to - from;
  if (n < 3) return null;
  const t0 = t[from];
  let sx = 0;
  let sy = 0;
  for (let i = from; i < to; i++) {
    sx += (t[i] - t0) / HOUR_MS;
    sy += v[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = from; i < to; i++) {
    const dx = (t[i] - t0) / HOUR_MS - mx;
    const dy = v[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const residual = Math.max(0, syy - slope * sxy);
  const r2 = syy === 0 ? 1 : 1 - residual / syy;
  const slopeStdErr = Math.sqrt(residual / Math.max(1, n - 2) / sxx);
  const endValue = my + slope * ((t[to - 1] - t0) / HOUR_MS - mx);
  return { slopePerHour: slope, endValue, r2, slopeStdErr, n };
}
