/** Hostile ids and strings from a collector: only their rows are refused, logged and counted; every other server keeps being stored. */
import { Writable } from 'node:stream';
import pino from 'pino';
import { CollectionManager } from '../../src/collection/manager';
import { SampleWriter } from '../../src/collection/sample-writer';
import type { MetricCollector } from '../../src/domain/collector';
import { registry } from '../../src/metrics/registry';
import { openStorage, type Storage } from '../../src/storage/open-storage';
import { sample, serverInfo } from '../support/samples';
import { createTestDatabase, type TestDatabase } from '../support/services';

const NUL_ID = 'ONPREM-\u0000-07';
const LONG_ID = 'X'.repeat(10_000);
const GOOD = ['ONPREM-A', 'ONPREM-B', 'ONPREM-C'];

function capturingLog() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), lines };
}

const onprem = (now: () => number): MetricCollector => {
  const ids = [GOOD[0], NUL_ID, GOOD[1], LONG_ID, GOOD[2]];
  const servers = () =>
    ids.map((id) =>
      serverInfo(id, {
        collector: 'onprem-api',
        labels: { 'team\u0007': 'ops\u0000\u001b[31m', note: 'y'.repeat(5_000) },
      })
    );
  return {
    name: 'onprem-api',
    getServerList: async () => servers(),
    collectMetrics: async () => null,
    isServerOnline: async () => true,
    collectAll: async () => ({
      servers: servers(),
      samples: ids.map((id) =>
        sample(id, now(), {
          rawData: { motd: 'hello\u0000world', deep: { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } } },
        })
      ),
      unreachable: [],
    }),
  };
};

describe('bad rows from a collector', () => {
  let db: TestDatabase;
  let storage: Storage;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());
  beforeEach(async () => {
    storage = await openStorage({ databaseUrl: db.url, dataDir: '', redisKeyPrefix: '' }, pino({ level: 'silent' }));
  });
  afterEach(() => storage.close());

  test('an id with \\u0000 and one of 10,000 characters are refused and logged; the others are stored run after run', async () => {
    const { log, lines } = capturingLog();
    let t = Date.now() - 60_000;
    const writer = new SampleWriter({ store: storage.store, cache: storage.cache, log });
    const manager = new CollectionManager({
      collectors: [onprem(() => t)],
      writer,
      intervalMs: 60_000,
      timeoutMs: 5_000,
      retentionMs: 3_600_000,
      log,
    });
    for (let run = 0; run < 3; run++, t += 10_000) await manager.tick();

    const rows = await storage.store.sql.query<{ server_id: string; n: number }>(
      'SELECT server_id, count(*)::int AS n FROM server_metrics GROUP BY server_id ORDER BY server_id'
    );
    expect(rows).toEqual(GOOD.map((id) => ({ server_id: id, n: 3 })));
    const [status] = manager.collectorStatuses();
    expect(status).toMatchObject({ state: 'ok', samples: 3, rejected: 2 });

    const refused = lines.filter((l) => l.msg === 'server refused at the collector boundary').map((l) => l.serverId);
    expect(refused).toEqual(
      expect.arrayContaining(['ONPREM-\\u0000-07', expect.stringMatching(/^X{120}…\(10000 chars\)$/)])
    );
    expect(await registry.getSingleMetricAsString('openmanager_rejected_rows_total')).toMatch(/stage="collector"} 6/);

    // labels and raw data are stored cleaned: no control characters, within their caps
    const [server] = await storage.store.listServers({ ids: [GOOD[0]] });
    expect(server.labels).toEqual({ team: 'ops[31m', note: 'y'.repeat(256) });
    const [stored] = await storage.store.latestSamples([GOOD[0]]);
    expect(stored.rawData).toMatchObject({ motd: 'helloworld', deep: { a: { b: { c: { d: { e: null } } } } } });
  });
});
