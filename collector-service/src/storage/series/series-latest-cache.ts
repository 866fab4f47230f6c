/**
 * The newest sample of every labelled series, per server: in Redis under `server:{id}:series:latest`
 * (a hash: one field per series, behind the same circuit breaker as the metrics' latest cache), or
 * in process when no Redis is configured. Entries live LATEST_TTL_SECONDS after their server's last
 * write; an older sample never replaces a newer one.
 */
import type Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { SeriesSample } from '../../domain/series';
import type { BreakerCache } from '../cache-breaker';
import { LATEST_TTL_SECONDS } from '../latest-cache';
import { newestPerSeries, seriesOfServerKey } from './series-key';

export interface SeriesLatestCache {
  readonly kind: 'redis' | 'memory';
  /** Keeps each sample as its series' newest, unless a newer one is cached. */
  setMany(samples: readonly SeriesSample[]): Promise<void>;
  /** Cached newest samples by server; servers with nothing cached are absent. */
  getMany(serverIds: readonly string[]): Promise<Map<string, SeriesSample[]>>;
  /** Empties what this process holds (tests, after the tables were emptied behind the store's back). */
  clearLocal(): void;
}

export const seriesLatestKey = (serverId: string) => `server:${serverId}:series:latest`;

const TTL_MS = LATEST_TTL_SECONDS * 1000;
/** A hash holding this many more fields than a write touches is swept of entries past the TTL (churned pods). */
const SWEEP_SLACK = 64;
const SET_MANY_CHUNK = 2_000;

/**
 * KEYS: one hash per sample; ARGV: TTL seconds, sweep cutoff (ms), then per sample field, time (ms), value.
 * A field holds "<time> <value>"; it is replaced only by a sample at least as new.
 */
const SET_MANY_SCRIPT = `
local ttl = tonumber(ARGV[1])
local cutoff = tonumber(ARGV[2])
local written = {}
for i, key in ipairs(KEYS) do
  local field = ARGV[i * 3]
  local t = tonumber(ARGV[i * 3 + 1])
  local old = redis.call('HGET', key, field)
  if (not old) or tonumber(string.match(old, '^%S+')) <= t then
    redis.call('HSET', key, field, ARGV[i * 3 + 1] .. ' ' .. ARGV[i * 3 + 2])
  end
  written[key] = (written[key] or 0) + 1
end
for key, n in pairs(written) do
  redis.call('EXPIRE', key, ttl)
  if redis.call('HLEN', key) > n + ${SWEEP_SLACK} then
    local all = redis.call('HGETALL', key)
    for j = 1, #all, 2 do
      if tonumber(string.match(all[j + 1], '^%S+')) < cutoff then redis.call('HDEL', key, all[j]) end
    end
  end
end
return #KEYS`;

function decodeField(serverId: string, field: string, entry: string): SeriesSample {
  const [name, labels] = JSON.parse(field) as [string, Record<string, string>];
  const space = entry.indexOf(' ');
  return {
    serverId,
    name,
    labels,
    timestamp: new Date(Number(entry.slice(0, space))),
    value: Number(entry.slice(space + 1)),
  };
}

export class RedisSeriesLatestCache implements SeriesLatestCache {
  readonly kind = 'redis';

  constructor(
    private readonly redis: Redis,
    private readonly breaker: BreakerCache,
    private readonly now: () => number = Date.now
  ) {}

  async setMany(samples: readonly SeriesSample[]): Promise<void> {
    const newest = newestPerSeries(samples);
    for (let i = 0; i < newest.length; i += SET_MANY_CHUNK) {
      const chunk = newest.slice(i, i + SET_MANY_CHUNK);
      const args: Array<string | number> = [LATEST_TTL_SECONDS, this.now() - TTL_MS];
      for (const s of chunk) args.push(seriesOfServerKey(s.name, s.labels), s.timestamp.getTime(), String(s.value));
      await this.breaker.execute(() =>
        this.redis.eval(SET_MANY_SCRIPT, chunk.length, ...chunk.map((s) => seriesLatestKey(s.serverId)), ...args)
      );
    }
  }

  async getMany(serverIds: readonly string[]): Promise<Map<string, SeriesSample[]>> {
    const found = new Map<string, SeriesSample[]>();
    if (serverIds.length === 0) return found;
    const results = await this.breaker.execute(async () => {
      const pipeline = this.redis.pipeline();
      for (const id of serverIds) pipeline.hgetall(seriesLatestKey(id));
      return (await pipeline.exec()) ?? [];
    });
    results.forEach(([err, hash], i) => {
      if (err) throw err;
      const fields = Object.entries(hash as Record<string, string>);
      if (fields.length > 0)
        found.set(
          serverIds[i],
          fields.map(([f, e]) => decodeField(serverIds[i], f, e))
        );
    });
    return found;
  }

  clearLocal(): void {}
}

export class MemorySeriesLatestCache implements SeriesLatestCache {
  readonly kind = 'memory';
  private readonly byServer: LRUCache<string, Map<string, SeriesSample>>;

  constructor(
    maxServers = 20_000,
    private readonly now: () => number = Date.now
  ) {
    this.byServer = new LRUCache({ max: maxServers, ttl: TTL_MS });
  }

  async setMany(samples: readonly SeriesSample[]): Promise<void> {
    const touched = new Map<string, number>();
    for (const s of samples) {
      const series = this.byServer.get(s.serverId) ?? new Map<string, SeriesSample>();
      const field = seriesOfServerKey(s.name, s.labels);
      const old = series.get(field);
      if (!old || old.timestamp <= s.timestamp) series.set(field, s);
      this.byServer.set(s.serverId, series); // refreshes the TTL
      touched.set(s.serverId, (touched.get(s.serverId) ?? 0) + 1);
    }
    const cutoff = this.now() - TTL_MS;
    for (const [serverId, n] of touched) {
      const series = this.byServer.get(serverId)!;
      if (series.size <= n + SWEEP_SLACK) continue;
      for (const [field, s] of series) if (s.timestamp.getTime() < cutoff) series.delete(field);
    }
  }

  async getMany(serverIds: readonly string[]): Promise<Map<string, SeriesSample[]>> {
    const found = new Map<string, SeriesSample[]>();
    for (const id of serverIds) {
      const series = this.byServer.get(id);
      if (series && series.size > 0) found.set(id, [...series.values()]);
    }
    return found;
  }

  clearLocal(): void {
    this.byServer.clear();
  }
}
