/** Storage faults degrade service and lose nothing: Redis away, PostgreSQL away, and migrations applied by hand. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { SampleWriter } from '../../src/collection/sample-writer';
import { SegmentSpool } from '../../src/collection/spool/segment-spool';
import { RedisLatestCache } from '../../src/storage/latest-cache';
import { LatestReader } from '../../src/storage/latest-reader';
import { loadMigrations, migrate, MIGRATIONS_DIR } from '../../src/storage/migrate';
import { openStorage, type Storage } from '../../src/storage/open-storage';
import { connectPostgres } from '../../src/storage/sql-client';
import { checkStorage } from '../../src/storage/storage-health';
import { freePort } from '../support/ports';
import { recordsFor, sample } from '../support/samples';
import { createTestDatabase, POSTGRES_ADMIN_URL, silentLog, type TestDatabase } from '../support/services';

const run = promisify(execFile);
const NOW = Date.now();

async function setConnectionsAllowed(db: TestDatabase, allowed: boolean) {
  const admin = new Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`ALTER DATABASE ${db.name} ALLOW_CONNECTIONS ${allowed}`);
  if (!allowed)
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [db.name]);
  await admin.end();
}

describe('storage faults', () => {
  let db: TestDatabase;
  let storage: Storage;

  beforeEach(async () => {
    db = await createTestDatabase();
    storage = await openStorage({ databaseUrl: db.url, dataDir: '', redisKeyPrefix: '' }, silentLog);
  });
  afterEach(async () => {
    await storage.close();
    await setConnectionsAllowed(db, true);
    await db.drop();
  });

  test('with Redis unreachable, reads are served from the database and health says the cache is down', async () => {
    const redis = new RedisLatestCache(`redis://127.0.0.1:${await freePort()}`, 'x:', silentLog);
    try {
      const samples = [sample('A', NOW, { cpuUsage: 12 })];
      const writer = new SampleWriter({ store: storage.store, cache: redis, log: silentLog });
      expect(await writer.write({ servers: recordsFor(samples), samples })).toBe('database');
      const reader = new LatestReader(redis, storage.store, silentLog);
      expect(await reader.get('A')).toMatchObject({ source: 'database', sample: { cpuUsage: 12 } });
      const health = await checkStorage({ ...storage, cache: redis, reader });
      expect(health.database.ok).toBe(true);
      expect(health.cache).toMatchObject({ kind: 'redis', ok: false });
    } finally {
      await redis.close();
    }
  });

  test('batches written while PostgreSQL refuses connections go to the spool and land, once each, when it is back', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'om-faults-'));
    const spool = await SegmentSpool.open(dir, 16 * 1024 * 1024, silentLog);
    const writer = new SampleWriter({
      store: storage.store,
      cache: storage.cache,
      spool,
      log: silentLog,
      retryMinMs: 60_000,
    });
    try {
      await setConnectionsAllowed(db, false);
      const during = [sample('A', NOW - 20_000), sample('B', NOW - 20_000)];
      expect(await writer.write({ servers: recordsFor(during), samples: during })).toBe('spool');
      expect(writer.getStats()).toMatchObject({
        pendingSamples: 0,
        lastWriteError: expect.any(String),
        spool: { records: 1 },
      });
      // the newest values are still readable from the cache meanwhile
      expect((await storage.cache.get('A'))?.timestamp.getTime()).toBe(NOW - 20_000);

      await setConnectionsAllowed(db, true);
      const after = [sample('A', NOW)];
      // queued behind the spooled batch, so order is kept
      expect(await writer.write({ servers: recordsFor(after), samples: after })).toBe('spool');
      expect(await writer.replayNow()).toBe(true);
      // a record replayed twice (a crash after the insert, before it was marked consumed) adds nothing
      await storage.store.write({ servers: recordsFor(during), samples: during });
      const rows = await storage.store.sql.query<{ server_id: string }>(
        'SELECT server_id FROM server_metrics ORDER BY server_id, "timestamp"'
      );
      expect(rows.map((r) => r.server_id)).toEqual(['A', 'A', 'B']);
      expect(writer.getStats()).toMatchObject({
        pendingSamples: 0,
        lastWriteError: null,
        spool: { records: 0, dropped: 0 },
      });
      expect((await storage.store.getServer('A'))?.lastSeenAt?.getTime()).toBe(NOW);
    } finally {
      expect(await writer.close()).toBe(0);
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('rows the database refuses for a data reason are rejected alone; the rest of the batch lands', async () => {
    const writer = new SampleWriter({ store: storage.store, cache: storage.cache, log: silentLog });
    const good = Array.from({ length: 9 }, (_, i) => sample(`S${i}`, NOW));
    // PostgreSQL refuses a NUL in text and jsonb (SQLSTATE 22P05): this row must not block the others
    const bad = sample('S9', NOW, { rawData: { note: 'a\u0000b' } });
    const samples = [...good.slice(0, 4), bad, ...good.slice(4)];
    expect(await writer.write({ servers: recordsFor(samples), samples })).toBe('database');
    const rows = await storage.store.sql.query<{ server_id: string }>(
      'SELECT server_id FROM server_metrics ORDER BY server_id'
    );
    expect(rows.map((r) => r.server_id)).toEqual(good.map((s) => s.serverId));
    expect(writer.getStats()).toMatchObject({ rejectedRows: 1, pendingSamples: 0, lastWriteError: null });
  });

  test('health reports the database down without hanging', async () => {
    await setConnectionsAllowed(db, false);
    const health = await checkStorage(storage);
    expect(health.database).toMatchObject({ kind: 'postgres', ok: false, error: expect.any(String) });
  });
});

describe('migrations applied by hand with psql -f (as on Supabase)', () => {
  test('apply cleanly to an empty database, twice, and the service then finds nothing to do', async () => {
    const db = await createTestDatabase();
    try {
      const files = (await loadMigrations()).map((m) => `${MIGRATIONS_DIR}/${m.version}_${m.name}.sql`);
      for (let pass = 0; pass < 2; pass++) {
        for (const file of files) await run('psql', ['-v', 'ON_ERROR_STOP=1', '-q', '-X', '-f', file, db.url]);
      }
      const sql = connectPostgres(db.url, silentLog);
      try {
        expect(await migrate(sql)).toEqual([]);
        const tables = await sql.query<{ relname: string }>(
          `SELECT relname FROM pg_class WHERE relname IN ('servers', 'server_metrics', 'schema_migrations') ORDER BY 1`
        );
        expect(tables.map((t) => t.relname)).toEqual(['schema_migrations', 'server_metrics', 'servers']);
      } finally {
        await sql.close();
      }
    } finally {
      await db.drop();
    }
  });
});
