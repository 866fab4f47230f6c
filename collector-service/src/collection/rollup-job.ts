/**
 * Rolls closed buckets up: raw samples into 5-minute rows, closed hours of those into hourly rows.
 * Incremental (it resumes from the recorded progress) and idempotent (a bucket is recomputed from
 * its sources and upserted, never added to), so a re-run or a second replica never double counts.
 */
import type { RollupStore } from '../storage/rollups/rollup-store';
import { BUCKET_MS } from '../storage/rollups/resolution';

/** Samples may land this long after their timestamp (a collection run's duration): a bucket closes after it. */
export const SETTLE_MS = 60_000;
/** Span one statement aggregates, so a long catch-up is many bounded statements with progress between them. */
const RAW_CHUNK_MS = 6 * 3_600_000;
const HOUR_CHUNK_MS = 7 * 86_400_000;

export interface RollupRun {
  fiveMinuteRows: number;
  hourRows: number;
  /** End of the newest closed bucket written per resolution (ISO), null before any. */
  rolledUpTo: { '5m': string | null; '1h': string | null };
}

const floorTo = (ms: number, step: number) => Math.floor(ms / step) * step;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export class RollupJob {
  private running: Promise<RollupRun> | null = null;

  constructor(
    private readonly rollups: RollupStore,
    private readonly now: () => number = Date.now
  ) {}

  /** One pass; a call while one runs joins it. */
  runOnce(): Promise<RollupRun> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<RollupRun> {
    const fiveMinuteTo = await this.rollUpRaw(floorTo(this.now() - SETTLE_MS, BUCKET_MS['5m']));
    const hour = await this.rollUpHours(fiveMinuteTo);
    return {
      fiveMinuteRows: fiveMinuteTo.rows,
      hourRows: hour.rows,
      rolledUpTo: { '5m': iso(fiveMinuteTo.to), '1h': iso(hour.to) },
    };
  }

  /** Raw → 5 minutes up to `closedMs`; starts after the recorded progress, or at the oldest raw sample. */
  private async rollUpRaw(closedMs: number): Promise<{ rows: number; to: number | null }> {
    const progress = await this.rollups.rolledUpTo('5m');
    const oldest = await this.rollups.oldestRaw();
    if (oldest === null) return { rows: 0, to: progress };
    // Raw partitions past retention are gone: nothing before the oldest raw sample is left to roll up.
    let from = Math.max(progress ?? -Infinity, floorTo(oldest, BUCKET_MS['5m']));
    let rows = 0;
    let done = progress;
    while (from < closedMs) {
      const to = Math.min(closedMs, from + RAW_CHUNK_MS);
      rows += await this.rollups.rollUpRaw(from, to);
      await this.rollups.setRolledUpTo('5m', to);
      from = done = to;
    }
    return { rows, to: done };
  }

  /** 5 minutes → hours, for every hour whose 5-minute buckets are all written. */
  private async rollUpHours(fiveMinute: { to: number | null }): Promise<{ rows: number; to: number | null }> {
    const progress = await this.rollups.rolledUpTo('1h');
    if (fiveMinute.to === null) return { rows: 0, to: progress };
    const closedMs = floorTo(fiveMinute.to, BUCKET_MS['1h']);
    const oldest = progress ?? (await this.rollups.oldestFiveMinute());
    if (oldest === null) return { rows: 0, to: progress };
    let from = floorTo(oldest, BUCKET_MS['1h']);
    let rows = 0;
    let done = progress;
    while (from < closedMs) {
      const to = Math.min(closedMs, from + HOUR_CHUNK_MS);
      rows += await this.rollups.rollUpHours(from, to);
      await this.rollups.setRolledUpTo('1h', to);
      from = done = to;
    }
    return { rows, to: done };
  }
}
