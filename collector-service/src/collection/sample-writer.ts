/**
 * Persists each run's batch: one database write, then the newest samples into the cache.
 * A batch the database refuses is kept and retried before the next one, so an outage
 * delays data instead of losing it (up to a bound, past which the oldest samples go and are counted).
 */
import type { Logger } from 'pino';
import type { ServerMetrics } from '../domain/metrics';
import type { ServerRecord } from '../domain/server-state';
import type { LatestCache } from '../storage/latest-cache';
import type { MetricsStore, WriteBatch } from '../storage/metrics-store';

export interface WriterStats {
  pendingSamples: number;
  droppedSamples: number;
  lastWriteError: string | null;
  lastWriteAt: string | null;
}

const DEFAULT_MAX_PENDING_SAMPLES = 200_000;

export class SampleWriter {
  private pending: WriteBatch[] = [];
  private stats: WriterStats = { pendingSamples: 0, droppedSamples: 0, lastWriteError: null, lastWriteAt: null };

  constructor(
    private readonly store: MetricsStore,
    private readonly cache: LatestCache,
    private readonly log: Logger,
    private readonly maxPendingSamples = DEFAULT_MAX_PENDING_SAMPLES,
  ) {}

  /** Writes the batch (after any batches still pending). Resolves true when everything reached the database. */
  async write(batch: WriteBatch, { cacheLatest = true } = {}): Promise<boolean> {
    this.pending.push(batch);
    // The cache does not wait for the database: both writes go out together.
    const [flushed] = await Promise.all([this.flush(), cacheLatest ? this.cacheNewest(batch.samples) : undefined]);
    return flushed;
  }

  /** Retries pending batches in order; stops at the first failure. */
  async flush(): Promise<boolean> {
    while (this.pending.length > 0) {
      const merged = mergeBatches(this.pending);
      try {
        await this.store.write(merged);
        this.pending = [];
        this.stats.lastWriteError = null;
        this.stats.lastWriteAt = new Date().toISOString();
      } catch (err) {
        this.stats.lastWriteError = (err as Error).message;
        this.pending = [merged];
        this.trimPending();
        this.log.error({ err: (err as Error).message, pendingSamples: merged.samples.length }, 'database write failed; batch kept for retry');
        this.stats.pendingSamples = this.pending[0]?.samples.length ?? 0;
        return false;
      }
    }
    this.stats.pendingSamples = 0;
    return true;
  }

  getStats(): WriterStats {
    return { ...this.stats };
  }

  private async cacheNewest(samples: ServerMetrics[]): Promise<void> {
    try {
      await this.cache.setMany(newestPerServer(samples));
    } catch (err) {
      this.log.debug({ err: (err as Error).message }, 'cache write failed; readers will use the database');
    }
  }

  private trimPending(): void {
    const [batch] = this.pending;
    const excess = batch.samples.length - this.maxPendingSamples;
    if (excess > 0) {
      batch.samples.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
      batch.samples.splice(0, excess);
      this.stats.droppedSamples += excess;
      this.log.error({ dropped: excess }, 'pending write buffer full: oldest samples dropped');
    }
  }
}

function newestPerServer(samples: ServerMetrics[]): ServerMetrics[] {
  const newest = new Map<string, ServerMetrics>();
  for (const s of samples) {
    const seen = newest.get(s.serverId);
    if (!seen || s.timestamp > seen.timestamp) newest.set(s.serverId, s);
  }
  return [...newest.values()];
}

/** One batch from several: all samples, and each server's newest state. */
function mergeBatches(batches: WriteBatch[]): WriteBatch {
  if (batches.length === 1) return batches[0];
  const servers = new Map<string, ServerRecord>();
  for (const b of batches) {
    for (const s of b.servers) {
      const prev = servers.get(s.id);
      const newerSample = !prev || (s.lastSeenAt?.getTime() ?? -Infinity) >= (prev.lastSeenAt?.getTime() ?? -Infinity);
      servers.set(s.id, newerSample ? s : { ...s, lastSeenAt: prev.lastSeenAt, lastStatus: prev.lastStatus });
    }
  }
  return { servers: [...servers.values()], samples: batches.flatMap((b) => b.samples) };
}
