/** The newest sample of every server, by id, with a TTL: in Redis, or in process when no Redis is configured. */
import Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { ServerMetrics } from '../domain/metrics';

export const LATEST_TTL_SECONDS = 300;

export interface LatestCache {
  readonly kind: 'redis' | 'memory';
  get(serverId: string): Promise<ServerMetrics | null>;
  /** The newest sample this process holds for the server, without a round-trip; null where it would take one. */
  peek(serverId: string): ServerMetrics | null;
  /** Cached samples of the ids asked for; misses are absent from the map. */
  getMany(serverIds: string[]): Promise<Map<string, ServerMetrics>>;
  /** Stores each sample as its server's newest, in one round-trip. */
  setMany(samples: ServerMetrics[]): Promise<void>;
  ping(): Promise<number>;
  close(): Promise<void>;
}

export const latestKey = (serverId: string) => `server:${serverId}:latest`;

const encode = (s: ServerMetrics) => JSON.stringify(s);
function decode(text: string): ServerMetrics {
  const parsed = JSON.parse(text) as ServerMetrics & { timestamp: string };
  return { ...parsed, timestamp: new Date(parsed.timestamp) };
}

/**
 * SETEX of every key with the TTL in ARGV[1] and its value from ARGV[2], the values in KEYS order one
 * per line (JSON holds no raw newline): one string per call rather than one per sample.
 */
const SET_MANY_SCRIPT = `local values, from = ARGV[2], 1
for _, key in ipairs(KEYS) do
  local eol = string.find(values, '\\n', from, true) or #values + 1
  redis.call('SETEX', key, ARGV[1], string.sub(values, from, eol - 1))
  from = eol + 1
end
return #KEYS`;
/** Samples per script call: few round trips per run, each call's keys few enough (~60 KB) to die young. */
const SET_MANY_CHUNK = 1_000;

export class RedisLatestCache implements LatestCache {
  readonly kind = 'redis';
  /** The connection, shared with the labelled series' newest-value cache. */
  readonly redis: Redis;

  constructor(url: string, keyPrefix: string, log: Logger) {
    this.redis = new Redis(url, {
      keyPrefix,
      lazyConnect: false,
      // Fail fast while Redis is away: the read path falls back to the database instead of queueing.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
    });
    let reported = false;
    this.redis.on('error', (err) => {
      if (!reported) log.warn({ err: err.message }, 'redis unavailable; serving from the database until it returns');
      reported = true;
    });
    this.redis.on('ready', () => {
      if (reported) log.info('redis connection restored');
      reported = false;
    });
  }

  /** Resolves once connected (or rejects after the connect timeout). */
  async ready(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('redis did not become ready within 3 s')), 3_000);
      this.redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async get(serverId: string): Promise<ServerMetrics | null> {
    const text = await this.redis.get(latestKey(serverId));
    return text === null ? null : decode(text);
  }

  /** Redis answers only over a round-trip. */
  peek(): null {
    return null;
  }

  async getMany(serverIds: string[]): Promise<Map<string, ServerMetrics>> {
    const found = new Map<string, ServerMetrics>();
    if (serverIds.length === 0) return found;
    const texts = await this.redis.mget(serverIds.map(latestKey));
    texts.forEach((text, i) => {
      if (text !== null) found.set(serverIds[i], decode(text));
    });
    return found;
  }

  /** One script call per chunk rather than a command per server: far less work on both sides at 10,000 servers. */
  async setMany(samples: ServerMetrics[]): Promise<void> {
    for (let i = 0; i < samples.length; i += SET_MANY_CHUNK) {
      const chunk = samples.slice(i, i + SET_MANY_CHUNK);
      await this.redis.eval(
        SET_MANY_SCRIPT,
        chunk.length,
        ...chunk.map((s) => latestKey(s.serverId)),
        LATEST_TTL_SECONDS,
        Buffer.from(chunk.map(encode).join('\n'))
      );
    }
  }

  async ping(): Promise<number> {
    const started = performance.now();
    await this.redis.ping();
    return performance.now() - started;
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

export class MemoryLatestCache implements LatestCache {
  readonly kind = 'memory';
  private readonly lru: LRUCache<string, ServerMetrics>;

  constructor(maxServers = 20_000) {
    this.lru = new LRUCache({ max: maxServers, ttl: LATEST_TTL_SECONDS * 1000 });
  }

  async get(serverId: string) {
    return this.peek(serverId);
  }

  peek(serverId: string): ServerMetrics | null {
    return this.lru.get(serverId) ?? null;
  }

  setOne(sample: ServerMetrics): void {
    this.lru.set(sample.serverId, sample);
  }

  async getMany(serverIds: string[]) {
    const found = new Map<string, ServerMetrics>();
    for (const id of serverIds) {
      const s = this.lru.get(id);
      if (s) found.set(id, s);
    }
    return found;
  }

  async setMany(samples: ServerMetrics[]) {
    for (const s of samples) this.lru.set(s.serverId, s);
  }

  async ping() {
    return 0;
  }

  async close() {
    this.lru.clear();
  }
}
