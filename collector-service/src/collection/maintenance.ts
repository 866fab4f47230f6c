/**
 * Storage upkeep on a schedule: every partitioned table (raw samples by hour, rollups by day and
 * by month) gets its coming partitions ahead of time and loses those past its retention; then the
 * rollup job rolls the newly closed buckets up.
 */
import type { Logger } from 'pino';
import type { PartitionManager } from '../storage/partitions';
import type { RollupJob, RollupRun } from './rollup-job';

const HOUR = 3_600_000;
const HOURS_AHEAD = 3;

/** A partitioned table and how many hours of it to keep. */
export interface RetainedTable {
  partitions: PartitionManager;
  retentionHours: number;
}

export interface MaintenanceStats {
  lastRunAt: string | null;
  droppedPartitions: number;
  lastDropped: string[];
  lastError: string | null;
  /** The last rollup pass, null before one. */
  lastRollup: RollupRun | null;
}

export class PartitionMaintenance {
  private timer: NodeJS.Timeout | null = null;
  private readonly stats: MaintenanceStats = {
    lastRunAt: null,
    droppedPartitions: 0,
    lastDropped: [],
    lastError: null,
    lastRollup: null,
  };

  constructor(
    private readonly tables: RetainedTable[],
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
    private readonly rollups: RollupJob | null = null
  ) {}

  start(everyMs = 5 * 60_000): void {
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One pass; returns the names of the partitions dropped. */
  async runOnce(): Promise<string[]> {
    const now = this.now();
    try {
      const dropped: string[] = [];
      for (const { partitions, retentionHours } of this.tables) {
        await partitions.ensure(now - HOUR, now + HOURS_AHEAD * HOUR);
        dropped.push(...(await partitions.dropExpired(now, retentionHours)));
      }
      this.stats.lastRunAt = new Date(now).toISOString();
      this.stats.lastDropped = dropped;
      this.stats.droppedPartitions += dropped.length;
      if (dropped.length > 0) this.log.info({ dropped }, 'expired partitions dropped');
      if (this.rollups) this.stats.lastRollup = await this.rollups.runOnce();
      this.stats.lastError = null;
      return dropped;
    } catch (err) {
      this.stats.lastError = (err as Error).message;
      this.log.error({ err: (err as Error).message }, 'partition maintenance failed');
      return [];
    }
  }

  getStats(): MaintenanceStats {
    return { ...this.stats, lastDropped: [...this.stats.lastDropped] };
  }
}
