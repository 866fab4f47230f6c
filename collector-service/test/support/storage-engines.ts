/**
 * The two storage set-ups every storage test runs against: a PostgreSQL server with Redis,
 * and the embedded default (PGlite with the in-process cache).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openStorage, type Storage } from '../../src/storage/open-storage';
import type { LatestCache } from '../../src/storage/latest-cache';
import { NearLatestCache } from '../../src/storage/near-latest-cache';
import { createTestDatabase, deleteRedisPrefix, silentLog, uniqueRedisPrefix, REDIS_URL } from './services';

export interface OpenedStorage {
  storage: Storage;
  /** Set for the Redis engine. */
  redisPrefix?: string;
  databaseUrl?: string;
  /** Empties tables, partitions and cache between tests. */
  reset(): Promise<void>;
  dispose(): Promise<void>;
}

export interface StorageEngine {
  name: string;
  open(): Promise<OpenedStorage>;
}

async function emptyTables(storage: Storage): Promise<void> {
  const end = Date.UTC(9999, 0, 1);
  for (const p of [storage.store.partitions, ...Object.values(storage.store.rollups.partitions)])
    await p.dropExpired(end, 1);
  await storage.store.sql.exec('TRUNCATE servers, server_metrics, series_index, server_series, rollup_progress');
  storage.store.forgetMemory();
}

async function emptyMemoryCache(cache: LatestCache): Promise<void> {
  await cache.close(); // the in-process cache's close() empties it and leaves it usable
}

export const STORAGE_ENGINES: StorageEngine[] = [
  {
    name: 'PostgreSQL + Redis',
    async open() {
      const db = await createTestDatabase();
      const redisPrefix = uniqueRedisPrefix();
      const storage = await openStorage(
        { databaseUrl: db.url, dataDir: '', redisUrl: REDIS_URL, redisKeyPrefix: redisPrefix },
        silentLog
      );
      return {
        storage,
        redisPrefix,
        databaseUrl: db.url,
        async reset() {
          await emptyTables(storage);
          await deleteRedisPrefix(redisPrefix);
          if (storage.cache instanceof NearLatestCache) await storage.cache.forgetNear();
        },
        async dispose() {
          await storage.close();
          await deleteRedisPrefix(redisPrefix);
          await db.drop();
        },
      };
    },
  },
  {
    name: 'embedded PGlite + memory cache',
    async open() {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'om-pglite-'));
      const storage = await openStorage({ dataDir, redisKeyPrefix: '' }, silentLog);
      return {
        storage,
        async reset() {
          await emptyTables(storage);
          await emptyMemoryCache(storage.cache);
        },
        async dispose() {
          await storage.close();
          await rm(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
];
