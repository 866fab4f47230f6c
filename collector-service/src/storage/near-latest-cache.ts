/**
 * An in-process copy in front of a shared latest-value cache: every sample stored or found there is
 * kept here too (same TTL), so a hit is answered without a round-trip; a miss here asks the shared cache.
 */
import type { ServerMetrics } from '../domain/metrics';
import { MemoryLatestCache, type LatestCache } from './latest-cache';

export class NearLatestCache implements LatestCache {
  private readonly near: MemoryLatestCache;

  constructor(
    private readonly far: LatestCache,
    maxServers?: number
  ) {
    this.near = new MemoryLatestCache(maxServers);
  }

  get kind() {
    return this.far.kind;
  }

  async get(serverId: string): Promise<ServerMetrics | null> {
    const near = this.near.peek(serverId);
    if (near) return near;
    const far = await this.far.get(serverId);
    if (far) this.near.setOne(far);
    return far;
  }

  peek(serverId: string): ServerMetrics | null {
    return this.near.peek(serverId);
  }

  async getMany(serverIds: string[]): Promise<Map<string, ServerMetrics>> {
    const found = new Map<string, ServerMetrics>();
    const missing: string[] = [];
    for (const id of serverIds) {
      const s = this.near.peek(id);
      if (s) found.set(id, s);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    for (const [id, s] of await this.far.getMany(missing)) {
      found.set(id, s);
      this.near.setOne(s);
    }
    return found;
  }

  async setMany(samples: ServerMetrics[]): Promise<void> {
    await this.near.setMany(samples);
    await this.far.setMany(samples);
  }

  /** Empties the in-process copy only (after the shared cache was emptied behind its back). */
  async forgetNear(): Promise<void> {
    await this.near.close();
  }

  ping(): Promise<number> {
    return this.far.ping();
  }

  async close(): Promise<void> {
    await this.near.close();
    await this.far.close();
  }
}
