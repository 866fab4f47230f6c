/** The metrics store, cache and read path on both storage engines: real PostgreSQL + Redis, and embedded PGlite + memory. */
import { SampleWriter } from '../../src/collection/sample-writer';
import { latestKey } from '../../src/storage/latest-cache';
import { migrate } from '../../src/storage/migrate';
import { partitionName } from '../../src/storage/partitions';
import { recordsFor, sample, serverInfo } from '../support/samples';
import { redisKeys, redisTtl, silentLog } from '../support/services';
import { STORAGE_ENGINES, type OpenedStorage } from '../support/storage-engines';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 26, 12, 30);

/** Tables, columns, indexes and row-level-security flags: what a migration could change. */
async function catalogSnapshot(opened: OpenedStorage) {
  return opened.storage.store.sql.query(
    `SELECT c.relname, c.relkind, c.relrowsecurity,
            (SELECT string_agg(a.attname || ':' || format_type(a.atttypid, a.atttypmod), ',' ORDER BY a.attnum)
               FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' ORDER BY c.relname`
  );
}

describe.each(STORAGE_ENGINES)('storage on $name', (engine) => {
  let opened: OpenedStorage;

  beforeAll(async () => {
    opened = await engine.open();
  }, 60_000);
  afterAll(async () => {
    await opened.dispose();
  });
  beforeEach(async () => {
    await opened.reset();
  });

  test('migrations applied at open are recorded, and applying them again changes nothing', async () => {
    const before = await catalogSnapshot(opened);
    const versions = await opened.storage.store.sql.query<{ version: string }>('SELECT version FROM schema_migrations');
    expect(versions.map((v) => v.version)).toContain('001');

    expect(await migrate(opened.storage.store.sql)).toEqual([]);
    expect(await catalogSnapshot(opened)).toEqual(before);
  });

  test('row level security is on for every table, partitions included', async () => {
    const { store } = opened.storage;
    await store.write({ servers: [], samples: [sample('A', NOW)] });
    const tables = await store.sql.query<{ relname: string; relrowsecurity: boolean }>(
      `SELECT relname, relrowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND relkind IN ('r', 'p')`
    );
    expect(tables.map((t) => t.relname)).toEqual(
      expect.arrayContaining(['servers', 'server_metrics', 'schema_migrations', partitionName(NOW - (NOW % HOUR))])
    );
    expect(tables.filter((t) => !t.relrowsecurity)).toEqual([]);
  });

  test('a batch lands in server_metrics and servers in one write; duplicates are ignored', async () => {
    const { store } = opened.storage;
    const samples = ['A', 'B', 'C'].flatMap((id) =>
      [0, 1, 2, 3, 4].map((i) => sample(id, NOW - i * 10_000, { cpuUsage: i }))
    );
    expect(await store.write({ servers: recordsFor(samples), samples })).toBe(15);
    expect(await store.write({ servers: recordsFor(samples), samples })).toBe(0);

    const [{ count }] = await store.sql.query<{ count: number }>('SELECT count(*)::int AS count FROM server_metrics');
    expect(count).toBe(15);
    const servers = await store.listServers();
    expect(servers.map((s) => [s.id, s.lastSeenAt?.getTime()])).toEqual([
      ['A', NOW],
      ['B', NOW],
      ['C', NOW],
    ]);
  });

  test('a late, older batch does not move a server’s newest state backwards', async () => {
    const { store } = opened.storage;
    const fresh = [sample('A', NOW, { status: 'critical', cpuUsage: 95 })];
    const old = [sample('A', NOW - HOUR, { status: 'online' })];
    await store.write({ servers: recordsFor(fresh), samples: fresh });
    await store.write({ servers: recordsFor(old), samples: old });
    const a = await store.getServer('A');
    expect(a?.lastSeenAt?.getTime()).toBe(NOW);
    expect(a?.lastStatus).toBe('critical');
    expect((await store.latestSamples(['A']))[0].cpuUsage).toBe(95);
  });

  test('the servers table follows a changed label or status at once, and an unchanged server only once a minute', async () => {
    const { store } = opened.storage;
    const row = async () =>
      (
        await store.sql.query<{ labels: Record<string, string>; last_status: string; last_seen_at: Date }>(
          `SELECT labels, last_status, last_seen_at FROM servers WHERE id = 'A'`
        )
      )[0];
    const write = (timeMs: number, labels: Record<string, string>, status: 'online' | 'warning' = 'online') => {
      const samples = [sample('A', timeMs, { status })];
      return store.write({ servers: recordsFor(samples, [serverInfo('A', { labels })]), samples });
    };
    await write(NOW, { rack: '1' });
    await write(NOW + 1_000, { rack: '1' });
    expect(await row()).toMatchObject({ labels: { rack: '1' }, last_seen_at: new Date(NOW) });
    await write(NOW + 2_000, { rack: '2' });
    expect(await row()).toMatchObject({ labels: { rack: '2' }, last_seen_at: new Date(NOW + 2_000) });
    await write(NOW + 3_000, { rack: '2' }, 'warning');
    expect(await row()).toMatchObject({ last_status: 'warning', last_seen_at: new Date(NOW + 3_000) });
    await write(NOW + 63_000, { rack: '2' }, 'warning');
    expect(await row()).toMatchObject({ last_seen_at: new Date(NOW + 63_000) });
  });

  test('filters the inventory by provider, region and role', async () => {
    const { store } = opened.storage;
    const infos = [
      serverInfo('K1', { provider: 'kubernetes', role: 'worker' }),
      serverInfo('W1', { provider: 'aws', region: 'us-east-1', role: 'web' }),
    ];
    const samples = infos.map((i) => sample(i.id, NOW));
    await store.write({ servers: recordsFor(samples, infos), samples });
    expect((await store.listServers({ provider: 'aws' })).map((s) => s.id)).toEqual(['W1']);
    expect((await store.listServers({ region: 'us-east-1', role: 'web' })).map((s) => s.id)).toEqual(['W1']);
    expect((await store.listServers({ role: 'worker' })).map((s) => s.id)).toEqual(['K1']);
    expect(await store.listServers({ provider: 'onprem' })).toEqual([]);
  });

  test('range downsamples in SQL: avg, max, min and p95 per bucket', async () => {
    const { store } = opened.storage;
    const start = NOW - (NOW % 60_000) - 10 * 60_000;
    // 10 minutes at 10 s: cpu counts 0, 1, 2, … so every bucket's answer is known
    const samples = Array.from({ length: 60 }, (_, i) =>
      sample('A', start + i * 10_000, { cpuUsage: i, memoryUsage: 100 - i })
    );
    await store.write({ servers: recordsFor(samples), samples });
    const query = {
      serverIds: ['A'],
      metrics: ['cpu', 'memory'] as const,
      fromMs: start,
      toMs: start + 10 * 60_000,
      stepMs: 60_000,
    };
    const buckets = Array.from({ length: 10 }, (_, b) => Array.from({ length: 6 }, (_, k) => b * 6 + k));
    const p95 = (xs: number[]) => xs[0] + 0.95 * (xs[xs.length - 1] - xs[0]); // linear interpolation on consecutive integers

    const [avg] = await store.range({ ...query, metrics: [...query.metrics], aggregation: 'avg' });
    expect(avg.timestamps).toEqual(buckets.map((_, b) => start + b * 60_000));
    expect(avg.values.cpu).toEqual(buckets.map((xs) => xs.reduce((a, x) => a + x, 0) / xs.length));
    const [max] = await store.range({ ...query, metrics: ['cpu'], aggregation: 'max' });
    expect(max.values.cpu).toEqual(buckets.map((xs) => Math.max(...xs)));
    const [min] = await store.range({ ...query, metrics: ['memory'], aggregation: 'min' });
    expect(min.values.memory).toEqual(buckets.map((xs) => 100 - Math.max(...xs)));
    const [pct] = await store.range({ ...query, metrics: ['cpu'], aggregation: 'p95' });
    pct.values.cpu!.forEach((v, b) => expect(v).toBeCloseTo(p95(buckets[b]), 6));
  });

  test('a collection batch is cached under server:{id}:latest with a TTL of at most 300 s', async () => {
    const { store, cache } = opened.storage;
    const writer = new SampleWriter({ store, cache, log: silentLog });
    const samples = [sample('A', NOW - 10_000), sample('A', NOW, { cpuUsage: 42 }), sample('B', NOW)];
    await writer.write({ servers: recordsFor(samples), samples });
    expect((await cache.get('A'))?.cpuUsage).toBe(42);
    if (opened.redisPrefix) {
      expect(await redisKeys(opened.redisPrefix)).toEqual([latestKey('A'), latestKey('B')]);
      const ttl = await redisTtl(opened.redisPrefix, latestKey('A'));
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(300);
    }
  });

  test('a cache miss is served from the database and re-cached', async () => {
    const { store, cache, reader } = opened.storage;
    const samples = [sample('A', NOW, { cpuUsage: 77 })];
    await store.write({ servers: recordsFor(samples), samples }); // straight to the database: cache stays cold
    expect(await cache.get('A')).toBeNull();

    const first = await reader.get('A');
    expect(first).toMatchObject({ source: 'database', sample: { serverId: 'A', cpuUsage: 77 } });
    expect(first?.sample.timestamp.getTime()).toBe(NOW);
    expect((await cache.get('A'))?.cpuUsage).toBe(77);
    if (opened.redisPrefix) expect(await redisKeys(opened.redisPrefix)).toEqual([latestKey('A')]);
    expect((await reader.get('A'))?.source).toBe('cache');
  });

  test('concurrent misses for the same server share one database query', async () => {
    const { store, reader } = opened.storage;
    const samples = [sample('A', NOW)];
    await store.write({ servers: recordsFor(samples), samples });
    const queries = jest.spyOn(store, 'latestSamples');
    const reads = await Promise.all(Array.from({ length: 10 }, () => reader.get('A')));
    expect(reads.every((r) => r?.source === 'database')).toBe(true);
    expect(queries).toHaveBeenCalledTimes(1);
  });

  test('many servers at once: one cache round-trip, one query for the misses', async () => {
    const { store, reader, cache } = opened.storage;
    const samples = ['A', 'B', 'C'].map((id) => sample(id, NOW));
    await store.write({ servers: recordsFor(samples), samples });
    await cache.setMany([samples[0]]);
    const reads = await reader.getMany(['A', 'B', 'C', 'NOPE']);
    expect([...reads.entries()].map(([id, r]) => [id, r.source]).sort()).toEqual([
      ['A', 'cache'],
      ['B', 'database'],
      ['C', 'database'],
    ]);
    expect((await cache.getMany(['B', 'C'])).size).toBe(2);
  });

  test('retention drops whole expired partitions and keeps the rest', async () => {
    const { store } = opened.storage;
    const old = [sample('A', NOW - 30 * HOUR), sample('A', NOW - 26 * HOUR)];
    const recent = [sample('A', NOW - 23 * HOUR), sample('A', NOW - HOUR), sample('A', NOW)];
    await store.write({ servers: recordsFor([...old, ...recent]), samples: [...old, ...recent] });

    const dropped = await store.partitions.dropExpired(NOW, 24);
    // every hour that ended before the 24 h cut-off (12:30 the day before): 06:00 … 11:00
    const firstHour = NOW - 30 * HOUR - ((NOW - 30 * HOUR) % HOUR);
    expect(dropped.sort()).toEqual([0, 1, 2, 3, 4, 5].map((h) => partitionName(firstHour + h * HOUR)));
    const rows = await store.sql.query<{ t: Date }>('SELECT "timestamp" AS t FROM server_metrics ORDER BY 1');
    expect(rows.map((r) => new Date(r.t).getTime())).toEqual(recent.map((s) => s.timestamp.getTime()));
    expect(await store.partitions.dropExpired(NOW, 24)).toEqual([]);
  });
});
