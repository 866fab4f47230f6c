/** Partition upkeep: the next hours exist before rows need them, expired hours go whole. */
import { PartitionMaintenance } from '../../src/collection/maintenance';
import { RollupJob } from '../../src/collection/rollup-job';
import { openStorage, type Storage } from '../../src/storage/open-storage';
import { partitionName } from '../../src/storage/partitions';
import { recordsFor, sample } from '../support/samples';
import { silentLog } from '../support/services';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 26, 12, 20);
const hourOf = (t: number) => t - (t % HOUR);

describe('PartitionMaintenance', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openStorage({ dataDir: 'memory://', redisKeyPrefix: '' }, silentLog);
  }, 30_000);
  afterAll(() => storage.close());

  test('creates the coming hours ahead and drops those past retention', async () => {
    const old = [sample('A', NOW - 5 * HOUR)];
    await storage.store.write({ servers: recordsFor(old), samples: old });
    const maintenance = new PartitionMaintenance(
      [{ partitions: storage.store.partitions, retentionHours: 4 }],
      silentLog,
      () => NOW
    );

    expect(await maintenance.runOnce()).toEqual([partitionName(hourOf(NOW - 5 * HOUR))]);
    const hours = await storage.store.partitions.list();
    expect(hours).toEqual(expect.arrayContaining([0, 1, 2, 3].map((h) => hourOf(NOW) + h * HOUR)));
    expect(hours[0]).toBeGreaterThanOrEqual(hourOf(NOW - 4 * HOUR));
    expect(maintenance.getStats()).toMatchObject({
      droppedPartitions: 1,
      lastError: null,
      lastRunAt: new Date(NOW).toISOString(),
    });
  });

  test('each pass rolls the newly closed buckets up', async () => {
    const recent = Array.from({ length: 30 }, (_, i) => sample('B', NOW - 30 * 60_000 + i * 60_000));
    await storage.store.write({ servers: recordsFor(recent), samples: recent });
    const { rollups } = storage.store;
    const maintenance = new PartitionMaintenance(
      [{ partitions: rollups.partitions['5m'], retentionHours: 24 }],
      silentLog,
      () => NOW,
      new RollupJob(rollups, () => NOW)
    );
    await maintenance.runOnce();
    // 12:20 minus a minute to settle: buckets up to 12:15 are closed.
    expect(maintenance.getStats().lastRollup).toMatchObject({
      rolledUpTo: { '5m': new Date(NOW - 5 * 60_000).toISOString(), '1h': new Date(hourOf(NOW)).toISOString() },
    });
    const [{ n }] = await storage.store.sql.query<{ n: number }>(
      `SELECT sum(samples)::int AS n FROM metric_rollups_5m WHERE server_id = 'B'`
    );
    expect(n).toBe(25);
  });
});
