/**
 * The head and PostgreSQL answer the same reads alike: downsampled ranges (avg, max, min, p95 per
 * bucket) and raw samples, over random ranges and steps, on a messy data set (late and duplicate
 * samples, absent readings) — with the head filled by writes, and a second head loaded from the database.
 */
import fc from 'fast-check';
import { METRIC_NAMES, type MetricName, type ServerMetrics } from '../../../src/domain/metrics';
import type { Aggregation, SeriesSet } from '../../../src/storage/metrics-store';
import { openStorage, type Storage } from '../../../src/storage/open-storage';
import { HEAD_COLUMNS } from '../../../src/storage/head/series-buffer';
import { readRawSamples } from '../../../src/storage/raw-samples';
import { recordsFor, sample } from '../../support/samples';
import { createTestDatabase, silentLog, type TestDatabase } from '../../support/services';

const HOUR = 3_600_000;
const NOW = Math.floor(Date.now() / 1000) * 1000;
const SERVERS = ['P-1', 'P-2', 'P-3'];
const STATUSES = ['online', 'warning', 'critical', 'offline'] as const;

/** A reproducible, messy history: uneven times, absent readings, each batch out of order, some samples sent twice. */
function dataSet(): ServerMetrics[][] {
  const reading = fc.oneof(
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 6, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }) }
  );
  const row = fc.record({
    server: fc.constantFrom(...SERVERS),
    offsetMs: fc.integer({ min: 0, max: 6 * HOUR }),
    values: fc.array(reading, { minLength: 7, maxLength: 7 }),
    status: fc.constantFrom(...STATUSES),
  });
  const rows = fc.sample(fc.array(row, { minLength: 3000, maxLength: 3000 }), { seed: 20261204, numRuns: 1 })[0];
  const samples = rows.map((r) =>
    sample(r.server, NOW - r.offsetMs, {
      cpuUsage: r.values[0],
      memoryUsage: r.values[1],
      diskUsage: r.values[2],
      networkInBytes: r.values[3],
      networkOutBytes: r.values[4],
      load1m: r.values[5],
      uptimeSeconds: r.values[6],
      status: r.status,
    })
  );
  const batches: ServerMetrics[][] = [];
  for (let i = 0; i < samples.length; i += 500) batches.push(samples.slice(i, i + 500));
  batches.push(samples.slice(100, 300)); // a retried batch: every sample already stored
  return batches;
}

const close = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

function sameSeries(head: SeriesSet[], db: SeriesSet[], metrics: MetricName[]): boolean {
  if (head.length !== db.length) return false;
  return head.every((h, i) => {
    const d = db[i];
    if (h.serverId !== d.serverId || h.timestamps.join() !== d.timestamps.join()) return false;
    return metrics.every((m) => h.values[m]!.every((v, k) => close(v, d.values[m]![k])));
  });
}

describe('head and PostgreSQL give the same answers', () => {
  let db: TestDatabase;
  let storage: Storage;
  let reloaded: Storage;
  /** Loaded into a head too small for the whole history: it holds each server's newest samples only. */
  let small: Storage;

  beforeAll(async () => {
    db = await createTestDatabase();
    storage = await openStorage({ databaseUrl: db.url, dataDir: '', redisKeyPrefix: '' }, silentLog);
    await storage.headLoaded;
    for (const batch of dataSet()) await storage.store.write({ servers: recordsFor(batch), samples: batch });
    reloaded = await openStorage({ databaseUrl: db.url, dataDir: '', redisKeyPrefix: '' }, silentLog);
    await reloaded.headLoaded;
    small = await openStorage(
      { databaseUrl: db.url, dataDir: '', redisKeyPrefix: '', headMaxBytes: SERVERS.length * 200 * 66 * 1.125 },
      silentLog
    );
    await small.headLoaded;
  }, 120_000);
  afterAll(async () => {
    await storage?.close();
    await reloaded?.close();
    await small?.close();
    await db?.drop();
  });

  const query = fc.record({
    serverIds: fc.subarray(SERVERS, { minLength: 1 }),
    metrics: fc.subarray([...METRIC_NAMES], { minLength: 1 }),
    fromOffset: fc.integer({ min: -HOUR, max: 7 * HOUR }),
    lengthMs: fc.integer({ min: 1, max: 8 * HOUR }),
    stepMs: fc.oneof(
      fc.integer({ min: 1, max: 600 }).map((s) => s * 1000),
      fc.integer({ min: 1, max: 7_200_000 })
    ),
    aggregation: fc.constantFrom<Aggregation>('avg', 'max', 'min', 'p95'),
  });

  test('downsampled ranges: every bucket, every aggregation, within floating-point summation order', async () => {
    const [{ count }] = await storage.store.sql.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM server_metrics'
    );
    expect(count).toBeGreaterThan(1000);
    expect(storage.store.head.stats().samples).toBe(count);
    expect(reloaded.store.head.stats().samples).toBe(count);
    expect(small.store.head.stats().samples).toBeLessThanOrEqual(SERVERS.length * 210);
    expect(small.store.head.covers(NOW - 6 * HOUR)).toBe(false);
    expect(small.store.head.covers(NOW - 5 * 60_000)).toBe(true);
    await fc.assert(
      fc.asyncProperty(query, async (p) => {
        const q = {
          serverIds: p.serverIds,
          metrics: p.metrics,
          fromMs: NOW - p.fromOffset,
          toMs: NOW - p.fromOffset + p.lengthMs,
          stepMs: p.stepMs,
          aggregation: p.aggregation,
        };
        const fromDb = await storage.store.rangeFromDatabase(q);
        for (const head of [storage.store.head, reloaded.store.head]) {
          const fromHead = head.range(q);
          if (fromHead === null) return false;
          if (!sameSeries(fromHead, fromDb, p.metrics)) return false;
        }
        const fromSmall = small.store.head.range(q);
        return fromSmall === null ? !small.store.head.covers(q.fromMs) : sameSeries(fromSmall, fromDb, p.metrics);
      }),
      { numRuns: 150 }
    );
  }, 120_000);

  test('raw samples: the same times and readings in (from, to]', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SERVERS),
        fc.constantFrom(...HEAD_COLUMNS, 'status' as const),
        fc.integer({ min: -HOUR, max: 7 * HOUR }),
        fc.integer({ min: 0, max: 8 * HOUR }),
        async (server, column, fromOffset, lengthMs) => {
          const fromMs = NOW - fromOffset;
          const toMs = fromMs + lengthMs;
          const { rows } = await readRawSamples(
            storage.store.sql,
            { serverIds: [server], columns: [column], fromMs, toMs },
            100_000
          );
          const expected = rows.filter((r) => r[column] !== null).map((r) => [r.time_ms, r[column]]);
          for (const head of [storage.store.head, reloaded.store.head]) {
            const seen: Array<[number, number | string]> = [];
            if (!head.scan(server, column, fromMs, toMs, (t, v) => seen.push([t, v]))) return false;
            if (JSON.stringify(seen) !== JSON.stringify(expected)) return false;
          }
          return true;
        }
      ),
      { numRuns: 100 }
    );
  }, 120_000);
});
