/** The collection manager: parallel collectors, per-collector timeouts, no overlapping runs, one write per run. */
import type { CollectionResult, MetricCollector } from '../../src/domain/collector';
import { CollectionManager } from '../../src/collection/manager';
import { SampleWriter } from '../../src/collection/sample-writer';
import { openStorage, type Storage } from '../../src/storage/open-storage';
import { sample, serverInfo } from '../support/samples';
import { silentLog } from '../support/services';

/** A collector reporting fixed servers, whose collectAll can be held back by a gate. */
class ScriptedCollector implements MetricCollector {
  calls = 0;
  constructor(
    readonly name: string,
    private readonly ids: string[],
    private readonly behaviour: (signal: AbortSignal) => Promise<void> = async () => {},
    private readonly now = Date.now
  ) {}
  async getServerList() {
    return this.ids.map((id) => serverInfo(id, { collector: this.name }));
  }
  async collectMetrics(id: string) {
    return sample(id, this.now());
  }
  async isServerOnline() {
    return true;
  }
  async collectAll(signal: AbortSignal): Promise<CollectionResult> {
    this.calls++;
    await this.behaviour(signal);
    return {
      servers: await this.getServerList(),
      samples: this.ids.map((id) => sample(id, this.now())),
      unreachable: [],
    };
  }
}

const never = () => new Promise<void>(() => {});

describe('CollectionManager', () => {
  let storage: Storage;
  let writer: SampleWriter;

  beforeEach(async () => {
    storage = await openStorage({ dataDir: 'memory://', redisKeyPrefix: '' }, silentLog);
    writer = new SampleWriter({ store: storage.store, cache: storage.cache, log: silentLog });
  }, 30_000);
  afterEach(() => storage.close());

  const manager = (collectors: MetricCollector[], timeoutMs = 2_000) =>
    new CollectionManager({
      collectors,
      writer,
      intervalMs: 60_000,
      timeoutMs,
      retentionMs: 24 * 3_600_000,
      log: silentLog,
    });

  const storedServers = async () =>
    (
      await storage.store.sql.query<{ server_id: string }>('SELECT DISTINCT server_id FROM server_metrics ORDER BY 1')
    ).map((r) => r.server_id);

  test('runs collectors in parallel and writes everything they gathered', async () => {
    // each collector waits until the other has started: run one after the other, they would both time out
    let startedA!: () => void;
    let startedB!: () => void;
    const aStarted = new Promise<void>((r) => (startedA = r));
    const bStarted = new Promise<void>((r) => (startedB = r));
    const a = new ScriptedCollector('a', ['A1', 'A2'], async () => {
      startedA();
      await bStarted;
    });
    const b = new ScriptedCollector('b', ['B1'], async () => {
      startedB();
      await aStarted;
    });
    const m = manager([a, b], 1_000);
    expect(await m.tick()).toBe('ran');
    expect(m.collectorStatuses().map((s) => [s.name, s.state, s.samples])).toEqual([
      ['a', 'ok', 2],
      ['b', 'ok', 1],
    ]);
    expect(await storedServers()).toEqual(['A1', 'A2', 'B1']);
  });

  test('a collector that hangs times out with a clear error; the others still store data', async () => {
    const stuck = new ScriptedCollector('stuck', ['S1'], never);
    const fine = new ScriptedCollector('fine', ['F1']);
    const m = manager([stuck, fine], 200);
    await m.tick();
    const [stuckStatus, fineStatus] = m.collectorStatuses();
    expect(stuckStatus).toMatchObject({ state: 'error', lastError: 'timed out after 200 ms', consecutiveFailures: 1 });
    expect(fineStatus).toMatchObject({ state: 'ok', servers: 1, samples: 1, lastError: null });
    expect(await storedServers()).toEqual(['F1']);
  });

  test('the timeout aborts the collector’s signal so it can stop its requests', async () => {
    let aborted = false;
    const m = manager(
      [
        new ScriptedCollector(
          'slow',
          ['X'],
          (signal) => new Promise((resolve) => signal.addEventListener('abort', () => ((aborted = true), resolve())))
        ),
      ],
      100
    );
    await m.tick();
    expect(aborted).toBe(true);
  });

  test('a collector that throws is recorded with its message, then recovers', async () => {
    let fail = true;
    const flaky = new ScriptedCollector('flaky', ['Q1'], async () => {
      if (fail) throw new Error('connection refused by 10.0.0.1:9090');
    });
    const m = manager([flaky]);
    await m.tick();
    expect(m.collectorStatuses()[0]).toMatchObject({
      state: 'error',
      lastError: 'connection refused by 10.0.0.1:9090',
      failures: 1,
    });
    fail = false;
    await m.tick();
    expect(m.collectorStatuses()[0]).toMatchObject({
      state: 'ok',
      lastError: null,
      failures: 1,
      consecutiveFailures: 0,
      runs: 2,
    });
  });

  test("a collector's notices show in its status, beside its data, until a run without them", async () => {
    let notices: string[] | undefined = ['Prometheus has no kube-state-metrics series'];
    const partial = new (class extends ScriptedCollector {
      override async collectAll(signal: AbortSignal): Promise<CollectionResult> {
        return { ...(await super.collectAll(signal)), notices };
      }
    })('prometheus', ['N1']);
    const m = manager([partial]);
    await m.tick();
    expect(m.collectorStatuses()[0]).toMatchObject({ state: 'ok', samples: 1, notices });
    expect(await storedServers()).toEqual(['N1']);
    notices = undefined;
    await m.tick();
    expect(m.collectorStatuses()[0]).toMatchObject({ state: 'ok', notices: [] });
  });

  test('a tick while a run is still going is skipped and counted, never overlapped', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = new ScriptedCollector('slow', ['S1'], () => gate);
    const m = manager([slow]);
    const first = m.tick();
    expect(await m.tick()).toBe('skipped');
    expect(await m.tick()).toBe('skipped');
    release();
    expect(await first).toBe('ran');
    expect(slow.calls).toBe(1);
    expect(m.managerStats()).toMatchObject({ runs: 1, skippedRuns: 2 });
  });

  test('samples stamped in the future or of servers the collector did not list are refused and counted', async () => {
    const liar: MetricCollector = {
      name: 'liar',
      getServerList: async () => [serverInfo('L1')],
      collectMetrics: async () => null,
      isServerOnline: async () => true,
      collectAll: async () => ({
        servers: [serverInfo('L1')],
        samples: [sample('L1', Date.now()), sample('L1', Date.now() + 3_600_000), sample('GHOST', Date.now())],
        unreachable: [],
      }),
    };
    const m = manager([liar]);
    await m.tick();
    expect(m.collectorStatuses()[0]).toMatchObject({ samples: 1, rejected: 2 });
    expect(await storedServers()).toEqual(['L1']);
  });

  test('unreachable servers are marked so, keeping their last sample', async () => {
    const now = Date.now();
    const c: MetricCollector = {
      name: 'c',
      getServerList: async () => [serverInfo('UP'), serverInfo('DOWN')],
      collectMetrics: async () => null,
      isServerOnline: async () => true,
      collectAll: async () => ({
        servers: [serverInfo('UP'), serverInfo('DOWN')],
        samples: [sample('UP', now)],
        unreachable: ['DOWN'],
      }),
    };
    await manager([c]).tick();
    expect(
      (await storage.store.listServers()).map((s) => [s.id, s.reachable, s.lastSeenAt?.getTime() ?? null])
    ).toEqual([
      ['DOWN', false, null],
      ['UP', true, now],
    ]);
  });
});

describe('servers of the same name from two collectors', () => {
  let storage: Storage;
  beforeAll(async () => {
    storage = await openStorage({ dataDir: 'memory://', redisKeyPrefix: '' }, silentLog);
  }, 30_000);
  afterAll(() => storage.close());

  test('are kept apart by provider, and keep their ids run after run', async () => {
    const writer = new SampleWriter({ store: storage.store, cache: storage.cache, log: silentLog });
    const now = Date.now();
    const reporting = (name: string, provider: 'aws' | 'onprem', fails = () => false): MetricCollector => ({
      name,
      getServerList: async () => [serverInfo('web-1', { provider, collector: name })],
      collectMetrics: async () => null,
      isServerOnline: async () => true,
      collectAll: async () => {
        if (fails()) throw new Error('down');
        return {
          servers: [serverInfo('web-1', { provider, collector: name })],
          samples: [sample('web-1', now, { cpuUsage: provider === 'aws' ? 11 : 22 })],
          unreachable: [],
        };
      },
    });
    let cloudDown = false;
    const m = new CollectionManager({
      collectors: [reporting('cloudwatch', 'aws', () => cloudDown), reporting('custom-api', 'onprem')],
      writer,
      intervalMs: 60_000,
      timeoutMs: 1_000,
      retentionMs: 3_600_000,
      log: silentLog,
    });
    await m.tick();
    cloudDown = true; // the first owner missing a run must not hand its id to the other
    await m.tick();
    const servers = await storage.store.listServers();
    expect(servers.map((s) => [s.id, s.provider, s.collector])).toEqual([
      ['web-1', 'aws', 'cloudwatch'],
      ['web-1@onprem', 'onprem', 'custom-api'],
    ]);
    expect(
      (await storage.store.latestSamples(['web-1', 'web-1@onprem'])).map((s) => [s.serverId, s.cpuUsage]).sort()
    ).toEqual([
      ['web-1', 11],
      ['web-1@onprem', 22],
    ]);
  });
});
