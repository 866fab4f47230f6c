/** Labelled series from collector to table: refused at the boundary when malformed, renamed with their server, spooled and replayed, isolated when the database refuses one, backfilled. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backfill } from '../../src/collection/backfill';
import { CollectionManager } from '../../src/collection/manager';
import { SampleWriter } from '../../src/collection/sample-writer';
import { SegmentSpool } from '../../src/collection/spool/segment-spool';
import { encodeBatch } from '../../src/collection/spool/batch-codec';
import type { CollectionResult, HistoryCollector, MetricCollector } from '../../src/domain/collector';
import type { SeriesSample } from '../../src/domain/series';
import { recordsFor, sample, serverInfo } from '../support/samples';
import { silentLog } from '../support/services';
import { STORAGE_ENGINES, type OpenedStorage } from '../support/storage-engines';

const HOUR = 3_600_000;

const up = (serverId: string, service: string, timeMs: number, value = 1, over: Partial<SeriesSample> = {}) => ({
  serverId,
  name: 'openmanager_service_up',
  labels: { service },
  timestamp: new Date(timeMs),
  value,
  ...over,
});

function collector(
  name: string,
  provider: 'onprem' | 'aws',
  ids: string[],
  series: () => SeriesSample[]
): MetricCollector {
  const servers = () => ids.map((id) => serverInfo(id, { collector: name, provider }));
  return {
    name,
    getServerList: async () => servers(),
    collectMetrics: async () => null,
    isServerOnline: async () => true,
    collectAll: async (): Promise<CollectionResult> => ({
      servers: servers(),
      samples: ids.map((id) => sample(id, Date.now() - 1_000)),
      unreachable: [],
      series: series(),
    }),
  };
}

describe.each(STORAGE_ENGINES)('labelled series write path on $name', (engine) => {
  let opened: OpenedStorage;
  beforeAll(async () => {
    opened = await engine.open();
  }, 60_000);
  afterAll(() => opened.dispose());
  beforeEach(() => opened.reset());

  /** Every stored series sample as [server, service or name, value]. */
  const stored = async () =>
    (
      await opened.storage.series.sql.query<{ server_id: string; what: string; value: number }>(
        `SELECT i.server_id, coalesce(i.labels ->> 'service', i.name) AS what, s.value
           FROM server_series s JOIN series_index i ON i.id = s.series_id ORDER BY 1, 2, s.ts`
      )
    ).map((r) => [r.server_id, r.what, Number(r.value)]);

  test('the manager stores the series collectors report; malformed ones are refused alone and counted', async () => {
    const t = Date.now() - 1_000;
    const onprem = collector('onprem-api', 'onprem', ['MAIL'], () => [
      up('MAIL', 'postfix.service', t, 0),
      up('MAIL', 'cron.service', t, 1),
      up('MAIL', 'bad', t, 1, { name: 'openmanager service up' }),
      up('MAIL', 'nan.service', t, Number.NaN),
      up('MAIL', 'inf.service', t, Number.POSITIVE_INFINITY),
      up('MAIL', 'bad', t, 1, { labels: { 'bad-label': 'x' } }),
      up('MAIL', 'bad', t, 1, { labels: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`l${i}`, 'x'])) }),
      up('MAIL', 'long', t, 1, { labels: { service: 'x'.repeat(300) } }),
      up('MAIL', 'ctl', t, 1, { labels: { service: 'post\u0000fix' } }),
      up('NOT-LISTED', 'postfix.service', t, 1),
      up('MAIL', 'ancient.service', t - 48 * HOUR, 1),
    ]);
    // a second collector reporting a server of the same id: its series follow the server to MAIL@aws
    const aws = collector('cloudwatch', 'aws', ['MAIL'], () => [up('MAIL', 'ebs', t, 7)]);
    const writer = new SampleWriter({ store: opened.storage.store, cache: opened.storage.cache, log: silentLog });
    const manager = new CollectionManager({
      collectors: [onprem, aws],
      writer,
      intervalMs: 60_000,
      timeoutMs: 5_000,
      retentionMs: 24 * HOUR,
      log: silentLog,
    });
    await manager.tick();

    expect(await stored()).toEqual([
      ['MAIL', 'cron.service', 1],
      ['MAIL', 'postfix.service', 0],
      ['MAIL@aws', 'ebs', 7],
    ]);
    const statuses = Object.fromEntries(manager.collectorStatuses().map((s) => [s.name, s.rejected]));
    expect(statuses).toEqual({ 'onprem-api': 9, cloudwatch: 0 });
    const latest = await opened.storage.series.latest(['MAIL'], t - 60_000);
    expect(latest.map((s) => [s.labels.service, s.value]).sort()).toEqual([
      ['cron.service', 1],
      ['postfix.service', 0],
    ]);
  });

  test('a series row the database refuses is rejected alone; the rest of the batch lands', async () => {
    const t = Date.now() - 1_000;
    const writer = new SampleWriter({ store: opened.storage.store, cache: opened.storage.cache, log: silentLog });
    const samples = [sample('A', t)];
    // jsonb cannot hold \u0000 (SQLSTATE 22P05): written past the collector boundary, only this row is lost
    const series = [
      up('A', 'one.service', t),
      up('A', 'two.service', t),
      up('A', 'nul\u0000.service', t),
      up('A', 'three.service', t),
    ];
    expect(await writer.write({ servers: recordsFor(samples), samples, series })).toBe('database');
    expect(await stored()).toEqual([
      ['A', 'one.service', 1],
      ['A', 'three.service', 1],
      ['A', 'two.service', 1],
    ]);
    expect(writer.getStats()).toMatchObject({ rejectedRows: 1, pendingSamples: 0, lastWriteError: null });
    const [{ n }] = await opened.storage.store.sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM server_metrics'
    );
    expect(n).toBe(1);
  });

  test('spooled batches replay with their series; a record spooled before batches had series still replays', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'om-series-spool-'));
    try {
      const t = Date.now() - 60_000;
      const spool = await SegmentSpool.open(dir, 16 * 1024 * 1024, silentLog);
      const old = [sample('OLD', t - 10_000)];
      // the payload an earlier version wrote: no `series` field at all
      await spool.append(Buffer.from(JSON.stringify({ servers: recordsFor(old), samples: old }), 'utf8'));
      const fresh = [sample('NEW', t)];
      await spool.append(
        encodeBatch({ servers: recordsFor(fresh), samples: fresh, series: [up('NEW', 'postfix.service', t, 0)] })
      );
      const writer = new SampleWriter({
        store: opened.storage.store,
        cache: opened.storage.cache,
        spool,
        log: silentLog,
        retryMinMs: 60_000,
      });
      expect(await writer.replayNow()).toBe(true);
      expect(await writer.close()).toBe(0);

      const servers = await opened.storage.store.sql.query<{ server_id: string }>(
        'SELECT server_id FROM server_metrics ORDER BY 1'
      );
      expect(servers.map((r) => r.server_id)).toEqual(['NEW', 'OLD']);
      expect(await stored()).toEqual([['NEW', 'postfix.service', 0]]);
      expect(spool.stats()).toMatchObject({ records: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('backfill writes a history collector’s series history for the raw retention only (series have no rollups)', async () => {
    const end = Date.now() - (Date.now() % 60_000);
    const history: HistoryCollector = {
      ...collector('sim', 'onprem', ['SIM'], () => []),
      *history(from, to, stepMs) {
        for (let t = from.getTime(); t < to.getTime(); t += stepMs) yield [sample('SIM', t)];
      },
      *seriesHistory(from, to, stepMs) {
        for (let t = from.getTime(); t < to.getTime(); t += stepMs) yield [up('SIM', 'postfix.service', t, 1)];
      },
    };
    const writer = new SampleWriter({ store: opened.storage.store, cache: opened.storage.cache, log: silentLog });
    await backfill(history, writer, opened.storage.store.rollups, { hours: 3, rawHours: 1, endMs: end }, silentLog);
    const [found] = await opened.storage.series.select({
      name: 'openmanager_service_up',
      serverIds: ['SIM'],
      fromMs: end - 3 * HOUR,
      toMs: end,
    });
    const rawFrom = Math.ceil((end - HOUR) / HOUR) * HOUR;
    expect(found.timestampsMs[0]).toBe(rawFrom);
    expect(found.timestampsMs.length).toBe((end - rawFrom) / 60_000);
  });
});
