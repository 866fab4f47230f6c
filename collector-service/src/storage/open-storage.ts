/** Opens the storage the configuration asks for: PostgreSQL or embedded PGlite, Redis or an in-process cache. */
import type { Logger } from 'pino';
import type { Config } from '../config';
import { BreakerCache } from './cache-breaker';
import { MemoryLatestCache, RedisLatestCache, type LatestCache } from './latest-cache';
import { LatestReader } from './latest-reader';
import { DEFAULT_HEAD, defaultHistory, MetricsStore } from './metrics-store';
import { migrate } from './migrate';
import { NearLatestCache } from './near-latest-cache';
import { MemorySeriesLatestCache, RedisSeriesLatestCache, type SeriesLatestCache } from './series/series-latest-cache';
import type { SeriesStore } from './series/series-store';
import { connectPostgres, openEmbedded, type SqlClient } from './sql-client';

export interface Storage {
  store: MetricsStore;
  /** Labelled series (pods, services, volumes, application metrics): the same database, written with each batch. */
  series: SeriesStore;
  cache: LatestCache;
  /** The circuit breaker in front of Redis, when there is one: `open` means reads skip the cache. */
  breaker: BreakerCache | null;
  reader: LatestReader;
  /** Resolves when the head holds the retention window (reads go to the database until then). */
  headLoaded: Promise<void>;
  close(): Promise<void>;
}

type StorageConfig = Pick<Config, 'databaseUrl' | 'dataDir' | 'redisUrl' | 'redisKeyPrefix'> &
  Partial<Pick<Config, 'retentionHours' | 'headMaxBytes' | 'rollups'>>;

const DAY = 86_400_000;

export async function openStorage(config: StorageConfig, log: Logger, now: () => number = Date.now): Promise<Storage> {
  const sql: SqlClient = config.databaseUrl
    ? connectPostgres(config.databaseUrl, log)
    : await openEmbedded(config.dataDir);
  const applied = await migrate(sql);
  log.info({ database: sql.kind, migrationsApplied: applied }, 'database ready');

  let cache: LatestCache;
  let seriesCache: SeriesLatestCache;
  let breaker: BreakerCache | null = null;
  if (config.redisUrl) {
    const redis = new RedisLatestCache(config.redisUrl, config.redisKeyPrefix, log);
    // Not fatal: the read path serves from the database while Redis is away.
    await redis.ready().catch((err: Error) => log.warn({ err: err.message }, 'redis not reachable at start'));
    const refill = async () => {
      const servers = await store.listServers();
      await cache.setMany(await store.latestSamples(servers.map((s) => s.id)));
    };
    breaker = new BreakerCache(redis, log, { onRecover: refill });
    cache = new NearLatestCache(breaker);
    seriesCache = new RedisSeriesLatestCache(redis.redis, breaker);
  } else {
    cache = new MemoryLatestCache();
    seriesCache = new MemorySeriesLatestCache();
  }
  const rawMs = config.retentionHours ? config.retentionHours * 3_600_000 : DEFAULT_HEAD.spanMs;
  const history = defaultHistory(rawMs);
  const store = new MetricsStore(
    sql,
    { maxBytes: config.headMaxBytes ?? DEFAULT_HEAD.maxBytes, spanMs: rawMs },
    seriesCache,
    {
      now,
      windows: {
        rawMs,
        fiveMinuteMs: config.rollups ? config.rollups.fiveMinuteDays * DAY : history.windows.fiveMinuteMs,
        hourMs: config.rollups ? config.rollups.hourDays * DAY : history.windows.hourMs,
      },
    }
  );
  log.info({ cache: cache.kind }, 'latest-value cache ready');

  const { headLoaded } = await store.warm();
  const started = performance.now();
  const loaded = headLoaded.then(
    () =>
      log.info({ ...store.head.stats(), ms: Math.round(performance.now() - started) }, 'head of recent samples loaded'),
    (err: Error) => log.error({ err: err.message }, 'head of recent samples failed to load; reads use the database')
  );

  return {
    store,
    series: store.series,
    cache,
    breaker,
    reader: new LatestReader(cache, store, log),
    headLoaded: loaded,
    async close() {
      await loaded;
      await Promise.allSettled([cache.close(), sql.close()]);
    },
  };
}
