/**
 * Lagged correlation of two series on the same time grid: which lag lines them up best, and so
 * which one leads. Changes (first differences) are correlated rather than levels, so two servers
 * that merely share a daily cycle do not look related; spikes and jumps do.
 */

export interface LeadLag {
  /** Pearson coefficient of the changes at the best lag, -1..1. */
  r: number;
  /** Grid steps by which `a` leads `b` (> 0: a moves first; < 0: b moves first). */
  lagSteps: number;
  /** Pairs the coefficient rests on. */
  n: number;
}

export interface CorrelationOptions {
  maxLagSteps: number;
  minPairs: number;
  /** Coefficients below this are not a relation. */
  minR: number;
}

export const DEFAULT_CORRELATION_OPTIONS: CorrelationOptions = { maxLagSteps: 10, minPairs: 30, minR: 0.5 };

function differences(x: ArrayLike<number>): Float64Array {
  const d = new Float64Array(Math.max(0, x.length - 1));
  for (let i = 1; i < x.length; i++) d[i - 1] = x[i] - x[i - 1];
  return d;
}

/** Pearson coefficient of a[i] with b[i + lag] over the pairs where both are finite. */
export function laggedPearson(a: ArrayLike<number>, b: ArrayLike<number>, lag: number): { r: number; n: number } {
  let n = 0;
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  const start = Math.max(0, -lag);
  const end = Math.min(a.length, b.length - lag);
  for (let i = start; i < end; i++) {
    const x = a[i];
    const y = b[i + lag];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    n++;
    sa += x;
    sb += y;
    saa += x * x;
    sbb += y * y;
    sab += x * y;
  }
  if (n < 3) return { r: 0, n };
  const cov = sab - (sa * sb) / n;
  const va = saa - (sa * sa) / n;
  const vb = sbb - (sb * sb) / n;
  if (va <= 1e-12 || vb <= 1e-12) return { r: 0, n };
  return { r: cov / Math.sqrt(va * vb), n };
}

/** The best positive correlation of the two series' changes within ±maxLagSteps; null when none is strong enough. */
export function bestLeadLag(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: Partial<CorrelationOptions> = {}
): LeadLag | null {
  const o = { ...DEFAULT_CORRELATION_OPTIONS, ...options };
  const da = differences(a);
  const db = differences(b);
  let best: LeadLag | null = null;
  for (let lag = -o.maxLagSteps; lag <= o.maxLagSteps; lag++) {
    const { r, n } = laggedPearson(da, db, lag);
    if (n < o.minPairs) continue;
    // Ties go to the shorter lag: the simplest alignment explains as much.
    if (!best || r > best.r + 1e-9 || (Math.abs(r - best.r) <= 1e-9 && Math.abs(lag) < Math.abs(best.lagSteps)))
      best = { r, lagSteps: lag, n };
  }
  return best && best.r >= o.minR ? best : null;
}
