/** Opens the storage the configuration asks for: PostgreSQL or embedded PGlite, Redis or an in-process cache. */
import type { Logger } from 'pino';
import type { Config } from '../config';
import { BreakerCache } from './cache-breaker';
import { MemoryLatestCache, RedisLatestCache, type LatestCache } from './latest-cache';
import { LatestReader } from './latest-reader';
import { MetricsStore } from './metrics-store';
import { migrate } from './migrate';
import { connectPostgres, openEmbedded, type SqlClient } from './sql-client';

export interface Storage {
  store: MetricsStore;
  cache: LatestCache;
  reader: LatestReader;
  close(): Promise<void>;
}

type StorageConfig = Pick<Config, 'databaseUrl' | 'dataDir' | 'redisUrl' | 'redisKeyPrefix'>;

export async function openStorage(config: StorageConfig, log: Logger): Promise<Storage> {
  const sql: SqlClient = config.databaseUrl ? connectPostgres(config.databaseUrl, log) : await openEmbedded(config.dataDir);
  const applied = await migrate(sql);
  log.info({ database: sql.kind, migrationsApplied: applied }, 'database ready');

  const store = new MetricsStore(sql);
  let cache: LatestCache;
  if (config.redisUrl) {
    const redis = new RedisLatestCache(config.redisUrl, config.redisKeyPrefix, log);
    // Not fatal: the read path serves from the database while Redis is away.
    await redis.ready().catch((err: Error) => log.warn({ err: err.message }, 'redis not reachable at start'));
    const refill = async () => {
      const servers = await store.listServers();
      await cache.setMany(await store.latestSamples(servers.map((s) => s.id)));
    };
    cache = new BreakerCache(redis, log, { onRecover: refill });
  } else {
    cache = new MemoryLatestCache();
  }
  log.info({ cache: cache.kind }, 'latest-value cache ready');

  return {
    store,
    cache,
    reader: new LatestReader(cache, store, log),
    async close() {
      await Promise.allSettled([cache.close(), sql.close()]);
    },
  };
}
