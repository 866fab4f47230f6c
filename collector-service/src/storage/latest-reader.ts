/**
 * The read path for a server's newest sample: cache first, the database on a miss, then
 * re-cache. Concurrent misses for the same server share one database query. A cache that
 * is down counts as a miss, so reads keep working from the database.
 */
import type { Logger } from 'pino';
import type { ServerMetrics } from '../domain/metrics';
import { cacheLookups } from '../metrics/registry';
import type { LatestCache } from './latest-cache';
import type { MetricsStore } from './metrics-store';

export type LatestSource = 'cache' | 'database';

export interface LatestRead {
  sample: ServerMetrics;
  source: LatestSource;
}

export class LatestReader {
  private readonly inFlight = new Map<string, Promise<ServerMetrics | null>>();

  constructor(
    private readonly cache: LatestCache,
    private readonly store: MetricsStore,
    private readonly log: Logger
  ) {}

  /** The cached newest sample when this process holds it (see LatestCache.peek); null means ask get(). */
  peek(serverId: string): LatestRead | null {
    const cached = this.cache.peek(serverId);
    if (!cached) return null;
    cacheLookups.inc({ result: 'hit' });
    return { sample: cached, source: 'cache' };
  }

  async get(serverId: string): Promise<LatestRead | null> {
    let available = true;
    const cached = await this.cache.get(serverId).catch((err) => ((available = false), this.cacheFailed(err)));
    cacheLookups.inc({ result: cached ? 'hit' : available ? 'miss' : 'unavailable' });
    if (cached) return { sample: cached, source: 'cache' };
    const sample = await this.loadShared(serverId);
    return sample ? { sample, source: 'database' } : null;
  }

  /** Newest samples of many servers: one cache round-trip, one database query for all misses. */
  async getMany(serverIds: string[]): Promise<Map<string, LatestRead>> {
    const reads = new Map<string, LatestRead>();
    let available = true;
    const cached = await this.cache
      .getMany(serverIds)
      .catch((err) => ((available = false), this.cacheFailed(err) ?? new Map<string, ServerMetrics>()));
    for (const [id, sample] of cached) reads.set(id, { sample, source: 'cache' });
    const missing = serverIds.filter((id) => !reads.has(id));
    cacheLookups.inc({ result: 'hit' }, cached.size);
    if (missing.length > 0) cacheLookups.inc({ result: available ? 'miss' : 'unavailable' }, missing.length);
    if (missing.length > 0) {
      const loaded = await this.store.latestSamples(missing);
      for (const sample of loaded) reads.set(sample.serverId, { sample, source: 'database' });
      await this.recache(loaded);
    }
    return reads;
  }

  private loadShared(serverId: string): Promise<ServerMetrics | null> {
    let pending = this.inFlight.get(serverId);
    if (!pending) {
      pending = this.store
        .latestSamples([serverId])
        .then(async ([sample]) => {
          if (sample) await this.recache([sample]);
          return sample ?? null;
        })
        .finally(() => this.inFlight.delete(serverId));
      this.inFlight.set(serverId, pending);
    }
    return pending;
  }

  private async recache(samples: ServerMetrics[]): Promise<void> {
    await this.cache.setMany(samples).catch((err) => this.cacheFailed(err));
  }

  private cacheFailed(err: unknown): null {
    this.log.debug({ err: (err as Error).message }, 'latest cache unavailable, using the database');
    return null;
  }
}
