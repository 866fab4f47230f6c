/** The labelled series store on both storage engines: idempotent writes, selection, newest values from the cache and the database, retention. */
import { SampleWriter } from '../../src/collection/sample-writer';
import type { SeriesSample } from '../../src/domain/series';
import { LimitError } from '../../src/limits';
import { openStorage, type Storage } from '../../src/storage/open-storage';
import { partitionName } from '../../src/storage/partitions';
import { seriesLatestKey } from '../../src/storage/series/series-latest-cache';
import { ownRedis, type OwnRedis } from '../support/own-servers';
import {
  createTestDatabase,
  deleteRedisPrefix,
  redisKeys,
  redisTtl,
  silentLog,
  type TestDatabase,
} from '../support/services';
import { STORAGE_ENGINES, type OpenedStorage } from '../support/storage-engines';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 26, 12, 30);

function point(
  serverId: string,
  name: string,
  labels: Record<string, string>,
  timeMs: number,
  value: number
): SeriesSample {
  return { serverId, name, labels, timestamp: new Date(timeMs), value };
}

const pod = (serverId: string, podName: string, phase: string, timeMs: number, value = 1) =>
  point(serverId, 'openmanager_pod_status', { namespace: 'payments', pod: podName, phase }, timeMs, value);
const unit = (serverId: string, service: string, timeMs: number, value: number) =>
  point(serverId, 'openmanager_service_up', { service }, timeMs, value);

/** Rows of server_series. */
async function storedRows(opened: OpenedStorage): Promise<number> {
  const [{ n }] = await opened.storage.series.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM server_series');
  return n;
}

describe.each(STORAGE_ENGINES)('labelled series on $name', (engine) => {
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

  test('the same server, name, labels and timestamp written twice is one row, whatever the labels’ order', async () => {
    const { series } = opened.storage;
    const batch = [
      pod('K8S-WORKER-03', 'payment-api-7d9f', 'Running', NOW),
      unit('ONPREM-MAIL-01', 'postfix.service', NOW, 0),
    ];
    expect(await series.write(batch)).toBe(2);
    expect(await series.write(batch)).toBe(0);
    const reordered = point(
      'K8S-WORKER-03',
      'openmanager_pod_status',
      { phase: 'Running', pod: 'payment-api-7d9f', namespace: 'payments' },
      NOW,
      1
    );
    expect(await series.write([reordered, reordered])).toBe(0);
    expect(await storedRows(opened)).toBe(2);
    const [{ n }] = await series.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM series_index');
    expect(n).toBe(2);
  });

  test('ids survive a process forgetting them: a second store on the same tables writes to the same series', async () => {
    const { series } = opened.storage;
    await series.write([unit('A', 'nginx.service', NOW - 10_000, 1)]);
    series.forgetMemory();
    await series.write([unit('A', 'nginx.service', NOW, 0)]);
    const [found] = await series.select({ name: 'openmanager_service_up', fromMs: NOW - HOUR, toMs: NOW });
    expect(found).toEqual({
      serverId: 'A',
      name: 'openmanager_service_up',
      labels: { service: 'nginx.service' },
      timestampsMs: [NOW - 10_000, NOW],
      values: [1, 0],
    });
  });

  describe('select', () => {
    beforeEach(async () => {
      const samples: SeriesSample[] = [];
      for (let i = 0; i < 6; i++) {
        const t = NOW - i * 60_000;
        samples.push(pod('K8S-WORKER-03', 'payment-api-7d9f', 'Running', t));
        samples.push(pod('K8S-WORKER-01', 'web-5c4b', 'Running', t));
        samples.push(unit('ONPREM-MAIL-01', 'postfix.service', t, i < 3 ? 0 : 1));
        samples.push(point('ONPREM-APP-01', 'openmanager_app_http_requests_total', { route: '/api' }, t, 100 - i));
      }
      await opened.storage.series.write(samples);
    });

    test('by exact name: every series of that name, samples in time order within [from, to]', async () => {
      const found = await opened.storage.series.select({
        name: 'openmanager_pod_status',
        fromMs: NOW - 2 * 60_000,
        toMs: NOW,
      });
      expect(found.map((s) => [s.serverId, s.labels.pod, s.timestampsMs])).toEqual([
        ['K8S-WORKER-01', 'web-5c4b', [NOW - 120_000, NOW - 60_000, NOW]],
        ['K8S-WORKER-03', 'payment-api-7d9f', [NOW - 120_000, NOW - 60_000, NOW]],
      ]);
    });

    test('by a predicate over names, by labels and by servers', async () => {
      const { series } = opened.storage;
      const apps = await series.select({ name: (n) => n.startsWith('openmanager_app_'), fromMs: 0, toMs: NOW });
      expect(apps.map((s) => [s.name, s.labels, s.values])).toEqual([
        ['openmanager_app_http_requests_total', { route: '/api' }, [95, 96, 97, 98, 99, 100]],
      ]);
      const payments = await series.select({
        name: 'openmanager_pod_status',
        labels: { pod: 'payment-api-7d9f' },
        fromMs: 0,
        toMs: NOW,
      });
      expect(payments.map((s) => s.serverId)).toEqual(['K8S-WORKER-03']);
      const ofOneServer = await series.select({
        name: (n) => n.startsWith('openmanager_'),
        serverIds: ['ONPREM-MAIL-01'],
        fromMs: NOW - 60_000,
        toMs: NOW,
      });
      expect(ofOneServer).toEqual([
        {
          serverId: 'ONPREM-MAIL-01',
          name: 'openmanager_service_up',
          labels: { service: 'postfix.service' },
          timestampsMs: [NOW - 60_000, NOW],
          values: [0, 0],
        },
      ]);
      expect(await series.select({ name: 'openmanager_pod_status', serverIds: [], fromMs: 0, toMs: NOW })).toEqual([]);
      expect(await series.select({ name: 'no_such_series', fromMs: 0, toMs: NOW })).toEqual([]);
    });

    test('stops with a samples_limit error past maxSamples, and answers when within it', async () => {
      const { series } = opened.storage;
      const selector = { name: 'openmanager_pod_status', fromMs: 0, toMs: NOW };
      await expect(series.select({ ...selector, maxSamples: 11 })).rejects.toMatchObject({
        constructor: LimitError,
        code: 'samples_limit',
      });
      expect((await series.select({ ...selector, maxSamples: 12 })).length).toBe(2);
    });

    test('an aborted signal stops the read', async () => {
      const aborted = AbortSignal.abort(new Error('client left'));
      await expect(
        opened.storage.series.select({ name: 'openmanager_pod_status', fromMs: 0, toMs: NOW }, aborted)
      ).rejects.toThrow('client left');
    });

    test('names and label values', async () => {
      const { series } = opened.storage;
      expect(await series.names()).toEqual([
        'openmanager_app_http_requests_total',
        'openmanager_pod_status',
        'openmanager_service_up',
      ]);
      expect(await series.labelValues('openmanager_pod_status', 'pod')).toEqual(['payment-api-7d9f', 'web-5c4b']);
      expect(await series.labelValues('openmanager_pod_status', 'service')).toEqual([]);
    });
  });

  describe('latest', () => {
    const now = () => Date.now() - (Date.now() % 1000);

    test('answers from the cache, then from the database once the cache is emptied', async () => {
      const { series } = opened.storage;
      const t = now();
      const samples = [
        unit('ONPREM-MAIL-01', 'postfix.service', t - 20_000, 1),
        unit('ONPREM-MAIL-01', 'postfix.service', t - 10_000, 0),
        pod('K8S-WORKER-03', 'payment-api-7d9f', 'Running', t - 10_000),
      ];
      await series.write(samples);
      await series.cacheLatest(samples);
      const expected = [samples[1], samples[2]].map((s) => ({ ...s }));
      const sorted = (list: SeriesSample[]) => [...list].sort((a, b) => a.serverId.localeCompare(b.serverId));

      // from the cache: the table emptied behind its back does not change the answer
      await series.sql.exec('TRUNCATE server_series');
      expect(sorted(await series.latest(undefined, t - 60_000))).toEqual(sorted(expected));
      expect(await series.latest(['ONPREM-MAIL-01'], t - 60_000)).toEqual([expected[0]]);

      // cache emptied (Redis flushed): the database answers
      if (opened.redisPrefix) await deleteRedisPrefix(opened.redisPrefix);
      series.cache.clearLocal();
      await series.write(samples);
      expect(sorted(await series.latest(undefined, t - 60_000))).toEqual(sorted(expected));
      expect(await series.latest(['ONPREM-MAIL-01'], t - 5_000)).toEqual([]);
    });

    test('an older sample never replaces a newer one in the cache, and a window older than the cache reads the database', async () => {
      const { series } = opened.storage;
      const t = now();
      const newer = unit('ONPREM-MAIL-01', 'postfix.service', t - 5_000, 0);
      const older = unit('ONPREM-MAIL-01', 'postfix.service', t - 50_000, 1);
      const hourAgo = unit('ONPREM-MAIL-01', 'cron.service', t - HOUR, 1);
      await series.write([newer, older, hourAgo]);
      await series.cacheLatest([newer]);
      await series.cacheLatest([older]);
      expect(await series.latest(['ONPREM-MAIL-01'], t - 60_000)).toEqual([newer]);
      const sinceTwoHours = await series.latest(['ONPREM-MAIL-01'], t - 2 * HOUR);
      expect(sinceTwoHours.sort((a, b) => a.labels.service.localeCompare(b.labels.service))).toEqual([hourAgo, newer]);
    });

    test('Redis holds one hash per server under server:{id}:series:latest with the latest TTL', async () => {
      if (!opened.redisPrefix) return;
      const t = now();
      await opened.storage.series.cacheLatest([unit('ONPREM-MAIL-01', 'postfix.service', t, 0)]);
      expect(await redisKeys(opened.redisPrefix)).toContain(seriesLatestKey('ONPREM-MAIL-01'));
      expect(await redisTtl(opened.redisPrefix, seriesLatestKey('ONPREM-MAIL-01'))).toBeGreaterThan(290);
    });
  });

  test('retention drops whole series partitions past RETENTION_HOURS with the metrics’ ones', async () => {
    const { store, series } = opened.storage;
    await series.write([unit('A', 'nginx.service', NOW - 30 * HOUR, 1), unit('A', 'nginx.service', NOW, 1)]);
    const dropped = await store.partitions.dropExpired(NOW, 24);
    expect(dropped).toContain(partitionName(NOW - 30 * HOUR - ((NOW - 30 * HOUR) % HOUR), 'server_series'));
    const [found] = await series.select({ name: 'openmanager_service_up', fromMs: 0, toMs: NOW });
    expect(found.timestampsMs).toEqual([NOW]);
    const hours = await store.partitions.list('server_series');
    expect(hours[0]).toBeGreaterThanOrEqual(NOW - 24 * HOUR - (NOW % HOUR));
    expect(hours).toContain(NOW - (NOW % HOUR));
  });
});

describe('labelled series while Redis is away', () => {
  let db: TestDatabase;
  let redis: OwnRedis;
  let storage: Storage;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await ownRedis();
    await redis.start();
    storage = await openStorage(
      { databaseUrl: db.url, redisUrl: redis.url, dataDir: '', redisKeyPrefix: 'om:' },
      silentLog
    );
  }, 30_000);
  afterAll(async () => {
    await storage.close();
    await redis.stop();
    await db.drop();
  });

  test('a run is stored whole and the newest values are read from the database', async () => {
    const writer = new SampleWriter({ store: storage.store, cache: storage.cache, log: silentLog });
    const t = Date.now() - 5_000;
    const first = [unit('MAIL', 'postfix.service', t - 10_000, 1)];
    await writer.write({ servers: [], samples: [], series: first });
    expect(await storage.series.latest(['MAIL'], t - 60_000)).toEqual(first);

    await redis.stop();
    const second = [unit('MAIL', 'postfix.service', t, 0)];
    expect(await writer.write({ servers: [], samples: [], series: second })).toBe('database');
    expect(await storage.series.latest(['MAIL'], t - 60_000)).toEqual(second);
    await redis.start();
  }, 60_000);
});
