/** Rollups against real PostgreSQL and embedded PGlite: they agree with the raw samples, re-running never double counts, retention drops partitions. */
import fc from 'fast-check';
import { PartitionMaintenance } from '../../../src/collection/maintenance';
import { RollupJob } from '../../../src/collection/rollup-job';
import type { ServerMetrics } from '../../../src/domain/metrics';
import { FiveMinuteBuckets } from '../../../src/storage/rollups/bucket-rows';
import { schemePartitionName, ROLLUP_5M_PARTITIONS } from '../../../src/storage/partitions';
import { silentLog } from '../../support/services';
import { recordsFor, sample } from '../../support/samples';
import { STORAGE_ENGINES, type OpenedStorage } from '../../support/storage-engines';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Two whole hours of data, rolled up an hour later. */
const START = Date.UTC(2026, 10, 20, 6);
const NOW = START + 3 * HOUR;

interface Row {
  bucket: Date;
  samples: number;
  cpu_avg: number | null;
  cpu_min: number | null;
  cpu_max: number | null;
  cpu_last: number | null;
  cpu_count: number;
}

/** Samples at distinct seconds within [START, START + 2 h), cpu sometimes missing. */
const samplesArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 2 * 3600 - 1 }), { minLength: 1, maxLength: 80 })
  .chain((seconds) =>
    fc.tuple(
      fc.constant(seconds),
      fc.array(fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { freq: 5 }), {
        minLength: seconds.length,
        maxLength: seconds.length,
      })
    )
  )
  .map(([seconds, cpus]) => seconds.map((s, i) => sample('R-1', START + s * 1000, { cpuUsage: cpus[i] })));

function expectedBuckets(samples: ServerMetrics[], widthMs: number) {
  const byBucket = new Map<number, ServerMetrics[]>();
  for (const s of samples) {
    const b = Math.floor(s.timestamp.getTime() / widthMs) * widthMs;
    byBucket.set(b, [...(byBucket.get(b) ?? []), s]);
  }
  return [...byBucket.entries()]
    .sort(([a], [b]) => a - b)
    .map(([bucket, list]) => {
      const values = list.filter((s) => s.cpuUsage !== null).sort((a, b) => +a.timestamp - +b.timestamp);
      const cpus = values.map((s) => s.cpuUsage!);
      return {
        bucket,
        samples: list.length,
        count: cpus.length,
        mean: cpus.length ? cpus.reduce((a, b) => a + b, 0) / cpus.length : null,
        min: cpus.length ? Math.min(...cpus) : null,
        max: cpus.length ? Math.max(...cpus) : null,
        last: cpus.length ? cpus[cpus.length - 1] : null,
      };
    });
}

describe.each(STORAGE_ENGINES)('rollups on $name', (engine) => {
  let opened: OpenedStorage;
  beforeAll(async () => {
    opened = await engine.open();
  }, 60_000);
  afterAll(() => opened.dispose());
  beforeEach(() => opened.reset());

  const store = () => opened.storage.store;
  const rowsOf = (table: string) =>
    store().sql.query<Row>(
      `SELECT bucket, samples, cpu_avg, cpu_min, cpu_max, cpu_last, cpu_count FROM ${table} WHERE server_id = 'R-1' ORDER BY bucket`
    );

  async function writeAndRollUp(samples: ServerMetrics[]) {
    await opened.reset();
    await store().write({ servers: recordsFor(samples), samples });
    await new RollupJob(store().rollups, () => NOW).runOnce();
  }

  function expectAgreement(rows: Row[], expected: ReturnType<typeof expectedBuckets>) {
    expect(rows.map((r) => new Date(r.bucket).getTime())).toEqual(expected.map((e) => e.bucket));
    rows.forEach((row, i) => {
      const e = expected[i];
      expect(row.samples).toBe(e.samples);
      expect(row.cpu_count).toBe(e.count);
      expect(row.cpu_min).toBe(e.min);
      expect(row.cpu_max).toBe(e.max);
      expect(row.cpu_last).toBe(e.last);
      if (e.mean === null) expect(row.cpu_avg).toBeNull();
      else {
        expect(row.cpu_avg).toBeCloseTo(e.mean, 9);
        expect(row.cpu_min! - 1e-9).toBeLessThanOrEqual(row.cpu_avg!);
        expect(row.cpu_avg!).toBeLessThanOrEqual(row.cpu_max! + 1e-9);
      }
    });
  }

  test('a bucket holds the mean, extremes and newest value of its raw samples, at 5 minutes and at 1 hour', async () => {
    await fc.assert(
      fc.asyncProperty(samplesArb, async (samples) => {
        await writeAndRollUp(samples);
        expectAgreement(await rowsOf('metric_rollups_5m'), expectedBuckets(samples, 5 * MIN));
        expectAgreement(await rowsOf('metric_rollups_1h'), expectedBuckets(samples, HOUR));
      }),
      { numRuns: 12 }
    );
  }, 120_000);

  test('the same range read over raw samples and over rollups agrees for avg, min and max', async () => {
    await fc.assert(
      fc.asyncProperty(samplesArb, fc.constantFrom(15 * MIN, 30 * MIN, HOUR), async (samples, stepMs) => {
        await writeAndRollUp(samples);
        for (const aggregation of ['avg', 'min', 'max'] as const) {
          const q = {
            serverIds: ['R-1'],
            metrics: ['cpu' as const],
            fromMs: START,
            toMs: START + 2 * HOUR,
            stepMs,
            aggregation,
          };
          const [raw] = await store().rangeFromDatabase(q);
          for (const resolution of ['5m', '1h'] as const) {
            if (resolution === '1h' && stepMs < HOUR) continue;
            const [rolled] = await store().rollups.range(resolution, q);
            // Buckets with only missing cpu show as null in both.
            expect(rolled.timestamps).toEqual(raw.timestamps);
            rolled.values.cpu!.forEach((v, i) => {
              const r = raw.values.cpu![i];
              if (r === null) expect(v).toBeNull();
              else expect(v).toBeCloseTo(r, 9);
            });
          }
        }
      }),
      { numRuns: 8 }
    );
  }, 120_000);

  test('re-running the job, or rolling the same span again, never double counts', async () => {
    const samples = Array.from({ length: 120 }, (_, i) => sample('R-1', START + i * MIN, { cpuUsage: i }));
    await writeAndRollUp(samples);
    const once = { fine: await rowsOf('metric_rollups_5m'), hours: await rowsOf('metric_rollups_1h') };
    expect(once.fine).toHaveLength(24);
    expect(once.hours.map((h) => h.samples)).toEqual([60, 60]);

    const job = new RollupJob(store().rollups, () => NOW);
    const again = await job.runOnce();
    expect(again).toMatchObject({ fiveMinuteRows: 0, hourRows: 0 });
    await store().rollups.rollUpRaw(START, START + 2 * HOUR);
    await store().rollups.rollUpHours(START, START + 2 * HOUR);
    expect(await rowsOf('metric_rollups_5m')).toEqual(once.fine);
    expect(await rowsOf('metric_rollups_1h')).toEqual(once.hours);
    expect(await store().rollups.rolledUpTo('5m')).toBe(NOW - 5 * MIN);
    expect(await store().rollups.rolledUpTo('1h')).toBe(NOW - HOUR);
  });

  test('an open bucket waits: samples arriving for it later are counted once it closes', async () => {
    const first = [sample('R-1', NOW - 2 * MIN, { cpuUsage: 10 })];
    await store().write({ servers: recordsFor(first), samples: first });
    const job = new RollupJob(store().rollups, () => NOW);
    await job.runOnce();
    expect(await rowsOf('metric_rollups_5m')).toEqual([]);

    const late = [sample('R-1', NOW - 1 * MIN, { cpuUsage: 30 })];
    await store().write({ servers: recordsFor(late), samples: late });
    await new RollupJob(store().rollups, () => NOW + 10 * MIN).runOnce();
    const [row] = await rowsOf('metric_rollups_5m');
    expect(row).toMatchObject({ samples: 2, cpu_avg: 20, cpu_last: 30 });
  });

  test('retention drops whole day partitions of 5-minute rollups and month partitions of hourly ones', async () => {
    const now = Date.UTC(2026, 11, 4, 10);
    const days = [40, 31, 29, 1].map((d) => now - d * DAY);
    // Straight into the rollups (as the backfill writes them): raw partitions for 40 days would only slow this down.
    const buckets = new FiveMinuteBuckets();
    for (const t of days) buckets.add(sample('R-1', t));
    await store().rollups.writeFiveMinute(buckets.drain());
    await store().rollups.rollUpHours(now - 41 * DAY, now);
    const { rollups } = store();
    const maintenance = new PartitionMaintenance(
      [
        { partitions: rollups.partitions['5m'], retentionHours: 30 * 24 },
        { partitions: rollups.partitions['1h'], retentionHours: 30 * 24 },
      ],
      silentLog,
      () => now
    );
    const dropped = await maintenance.runOnce();
    const dayOf = (t: number) => t - (t % DAY);
    expect(dropped).toEqual(
      expect.arrayContaining([days[0], days[1]].map((t) => schemePartitionName(ROLLUP_5M_PARTITIONS, dayOf(t))))
    );
    // October ended more than 30 days before Dec 4; November did not.
    expect(dropped).toContain('metric_rollups_1h_p202610');
    expect(dropped).not.toContain('metric_rollups_1h_p202611');
    const left = await store().sql.query<{ bucket: Date }>('SELECT bucket FROM metric_rollups_5m ORDER BY bucket');
    expect(left.map((r) => new Date(r.bucket).getTime())).toEqual([days[2], days[3]].map((t) => t - (t % (5 * MIN))));
  });
});
