/** Where a sawtooth series resets: a fall of at least `minDrop` within a few points (a clean-up, a process restart). */
import { mad } from '../series';

export interface ResetOptions {
  /** Smallest fall that counts, in the series' units; raised to 10× the typical point-to-point change. */
  minDrop: number;
  /** Points over which the fall may spread (1-minute buckets can split it). */
  maxSteps: number;
}

export const DEFAULT_RESET_OPTIONS: ResetOptions = { minDrop: 5, maxSteps: 3 };

/** Indexes of the first point after each fall, ascending. */
export function findResets(v: readonly number[], options: ResetOptions = DEFAULT_RESET_OPTIONS): number[] {
  if (v.length < 2) return [];
  const diffs: number[] = [];
  for (let i = 1; i < v.length; i++) diffs.push(v[i] - v[i - 1]);
  const minDrop = Math.max(options.minDrop, 10 * mad(diffs));
  const resets: number[] = [];
  for (let i = 1; i < v.length; i++) {
    let peak = -Infinity;
    for (let k = Math.max(0, i - options.maxSteps); k < i; k++) peak = Math.max(peak, v[k]);
    if (peak - v[i] < minDrop) continue;
    // A fall spread over several points is one reset, where the fall ends (noise after it does not move it).
    const previous = resets[resets.length - 1];
    if (previous !== undefined && i - previous <= options.maxSteps) {
      if (v[previous] - v[i] >= minDrop / 2) resets[resets.length - 1] = i;
    } else {
      resets.push(i);
    }
  }
  return resets;
}
