/** Writes through COPY on PostgreSQL: idempotent (a batch written again adds no rows), and text survives COPY's escaping. */
import { openStorage, type Storage } from '../../src/storage/open-storage';
import { recordsFor, sample } from '../support/samples';
import { createTestDatabase, silentLog, type TestDatabase } from '../support/services';

const NOW = Math.floor(Date.now() / 1000) * 1000;

describe('COPY ingest on PostgreSQL', () => {
  let db: TestDatabase;
  let storage: Storage;
  const rows = async () =>
    (await storage.store.sql.query<{ count: number }>('SELECT count(*)::int AS count FROM server_metrics'))[0].count;

  beforeAll(async () => {
    db = await createTestDatabase();
    storage = await openStorage({ databaseUrl: db.url, dataDir: '', redisKeyPrefix: '' }, silentLog);
  }, 60_000);
  afterAll(async () => {
    await storage.close();
    await db.drop();
  });

  test('a batch written twice is stored once; a batch half old, half new adds only the new half', async () => {
    const first = Array.from({ length: 10 }, (_, i) => sample(`C-${i % 3}`, NOW - 60_000 * (i + 1), { cpuUsage: i }));
    expect(await storage.store.write({ servers: recordsFor(first), samples: first })).toBe(10);
    expect(await storage.store.write({ servers: recordsFor(first), samples: first })).toBe(0);
    expect(await rows()).toBe(10);
    const mixed = [
      ...first.slice(0, 5),
      ...Array.from({ length: 5 }, (_, i) => sample(`C-${i % 3}`, NOW - 1000 * (i + 1))),
    ];
    expect(await storage.store.write({ servers: recordsFor(mixed), samples: mixed })).toBe(5);
    expect(await rows()).toBe(15);
    // a duplicate inside one batch is ignored too
    const twice = [sample('C-9', NOW), sample('C-9', NOW)];
    expect(await storage.store.write({ servers: recordsFor(twice), samples: twice })).toBe(1);
    // the first value stored stays, as with INSERT ... ON CONFLICT DO NOTHING
    const [kept] = await storage.store.sql.query<{ cpu_usage: number }>(
      `SELECT cpu_usage FROM server_metrics WHERE server_id = 'C-0' ORDER BY "timestamp" LIMIT 1`
    );
    expect(kept.cpu_usage).toBe(9);
  });

  test('a batch of several COPY chunks is stored whole, and written again adds nothing', async () => {
    const batch = Array.from({ length: 1_234 }, (_, i) => sample(`CHUNK-${i}`, NOW - 90_000, { cpuUsage: i }));
    expect(await storage.store.write({ servers: recordsFor(batch), samples: batch })).toBe(1_234);
    expect(await storage.store.write({ servers: recordsFor(batch), samples: batch })).toBe(0);
    const [stored] = await storage.store.sql.query<{ count: number; sum: number }>(
      `SELECT count(*)::int AS count, sum(cpu_usage)::int AS sum FROM server_metrics WHERE server_id LIKE 'CHUNK-%'`
    );
    expect(stored).toEqual({ count: 1_234, sum: (1_233 * 1_234) / 2 });
  });

  test('a retried batch that PostgreSQL refuses while it is still being sent is stored once, new rows and all', async () => {
    // Dozens of chunks, the refused row first: PostgreSQL answers while the later chunks are still being made.
    const old = Array.from({ length: 20_000 }, (_, i) =>
      sample(`LATE-${i}`, NOW - 120_000, { rawData: { note: 'x'.repeat(200) } })
    );
    expect(await storage.store.write({ servers: recordsFor(old), samples: old })).toBe(20_000);
    const retried = [...old, sample('LATE-NEW', NOW - 120_000)];
    expect(await storage.store.write({ servers: recordsFor(retried), samples: retried })).toBe(1);
    const [stored] = await storage.store.sql.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM server_metrics WHERE server_id LIKE 'LATE-%'`
    );
    expect(stored.count).toBe(20_001);
  }, 60_000);

  test('tabs, newlines and backslashes in ids and raw data survive COPY; absent and non-finite readings are NULL', async () => {
    const id = 'odd\tid\\with\nbreaks';
    const raw = { note: 'a\tb\\c\nd\re "quoted" 한글' };
    const s = sample(id, NOW - 5000, {
      rawData: raw,
      cpuUsage: null,
      memoryUsage: Number.NaN,
      diskUsage: Infinity,
      load1m: 1e-300,
    });
    expect(await storage.store.write({ servers: recordsFor([s]), samples: [s] })).toBe(1);
    const [row] = await storage.store.sql.query<Record<string, unknown>>(
      'SELECT server_id, raw_data, cpu_usage, memory_usage, disk_usage, load_1m FROM server_metrics WHERE server_id = $1',
      [id]
    );
    expect(row).toEqual({
      server_id: id,
      raw_data: raw,
      cpu_usage: null,
      memory_usage: null,
      disk_usage: null,
      load_1m: 1e-300,
    });
  });
});
