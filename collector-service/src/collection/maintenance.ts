/** Partition upkeep: create the next hours' partitions ahead of time and drop the expired ones. */
import type { Logger } from 'pino';
import type { PartitionManager } from '../storage/partitions';

const HOUR = 3_600_000;
const HOURS_AHEAD = 3;

export interface MaintenanceStats {
  lastRunAt: string | null;
  droppedPartitions: number;
  lastDropped: string[];
  lastError: string | null;
}

export class PartitionMaintenance {
  private timer: NodeJS.Timeout | null = null;
  private readonly stats: MaintenanceStats = {
    lastRunAt: null,
    droppedPartitions: 0,
    lastDropped: [],
    lastError: null,
  };

  constructor(
    private readonly partitions: PartitionManager,
    private readonly retentionHours: number,
    private readonly log: Logger,
    private readonly now: () => number = Date.now
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

  async runOnce(): Promise<string[]> {
    const now = this.now();
    try {
      await this.partitions.ensure(now - HOUR, now + HOURS_AHEAD * HOUR);
      const dropped = await this.partitions.dropExpired(now, this.retentionHours);
      this.stats.lastRunAt = new Date(now).toISOString();
      this.stats.lastDropped = dropped;
      this.stats.droppedPartitions += dropped.length;
      this.stats.lastError = null;
      if (dropped.length > 0) this.log.info({ dropped }, 'expired partitions dropped');
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
