/** A step change in a series (a traffic jump): the recent level against the level before it, beyond the usual spread. */
import { mad, median, type Series } from '../series';

export interface LevelShift {
  before: number;
  after: number;
  /** after / before */
  ratio: number;
  /** When the new level began: the first point of the final run past the midpoint of the two levels (ms). */
  sinceMs: number;
}

export interface LevelShiftOptions {
  recentMs: number;
  baselineMs: number;
  /** The recent median must differ from the baseline median by this factor... */
  minRatio: number;
  /** ...and by this many baseline MADs. */
  minMads: number;
  minPoints: number;
}

export const DEFAULT_LEVEL_SHIFT_OPTIONS: LevelShiftOptions = {
  recentMs: 15 * 60_000,
  baselineMs: 60 * 60_000,
  minRatio: 1.5,
  minMads: 5,
  minPoints: 5,
};

/** An upward or downward jump in the last `recentMs` of `s`, or null. */
export function detectLevelShift(s: Series, options: Partial<LevelShiftOptions> = {}): LevelShift | null {
  const o = { ...DEFAULT_LEVEL_SHIFT_OPTIONS, ...options };
  if (s.t.length === 0) return null;
  const end = s.t[s.t.length - 1];
  const since = end - o.recentMs;
  const recent: number[] = [];
  const baseline: number[] = [];
  s.t.forEach((t, i) => {
    if (t > since) recent.push(s.v[i]);
    else if (t > since - o.baselineMs) baseline.push(s.v[i]);
  });
  if (recent.length < o.minPoints || baseline.length < o.minPoints) return null;
  const before = median(baseline);
  const after = median(recent);
  const spread = Math.max(mad(baseline), 1e-9);
  const ratio = before > 0 ? after / before : Infinity;
  const big = ratio >= o.minRatio || ratio <= 1 / o.minRatio;
  if (!big || Math.abs(after - before) < o.minMads * spread) return null;
  const mid = (before + after) / 2;
  const past = (v: number) => (after > before ? v > mid : v < mid);
  let start = s.t.length - 1;
  while (start > 0 && past(s.v[start - 1])) start--;
  return { before, after, ratio, sinceMs: s.t[start] };
}
