/** The resolution planner: which stored resolution answers a range read — the finest whose retention covers the range. */

export type Resolution = 'raw' | '5m' | '1h';

/** Bucket width of each rolled-up resolution. */
export const BUCKET_MS: Record<Exclude<Resolution, 'raw'>, number> = { '5m': 300_000, '1h': 3_600_000 };

/** How far back each resolution reaches from now. */
export interface RetentionWindows {
  rawMs: number;
  fiveMinuteMs: number;
  hourMs: number;
}

/** Raw partitions go by whole hour: raw samples reach back to the start of the hour holding now − retention. */
export function rawReach(nowMs: number, rawMs: number): number {
  return Math.floor((nowMs - rawMs) / BUCKET_MS['1h']) * BUCKET_MS['1h'];
}

/**
 * Raw when the raw retention covers `fromMs` (so "the last 24 hours" asked a moment ago stays raw), else 5-minute rollups when theirs does, else 1-hour ones.
 * A 5-minute read whose step is a whole number of hours goes to the hour rollups: the same
 * answer (avg, min and max compose exactly) from a twelfth of the rows.
 */
export function planResolution(fromMs: number, stepMs: number, nowMs: number, windows: RetentionWindows): Resolution {
  if (fromMs >= rawReach(nowMs, windows.rawMs)) return 'raw';
  const hourly = fromMs >= nowMs - windows.hourMs && stepMs >= BUCKET_MS['1h'] && stepMs % BUCKET_MS['1h'] === 0;
  if (fromMs >= nowMs - windows.fiveMinuteMs && !hourly) return '5m';
  return '1h';
}
