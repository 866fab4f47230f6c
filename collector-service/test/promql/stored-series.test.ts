/** Stored rows as Prometheus series, on both storage engines: label narrowing, time spans, missing readings, openmanager_up, row limits. */
import { newMatcher, type MatchType } from '../../src/promql/matchers';
import { StoredSeriesSource } from '../../src/promql/store/stored-series';
import { ServerQueries } from '../../src/servers/query';
import { budget } from './support/memory-source';
import { SampleHead } from '../../src/storage/head/sample-head';
import { BYTES_PER_SAMPLE } from '../../src/storage/head/series-buffer';
import { recordsFor, sample, serverInfo } from '../support/samples';
import { STORAGE_ENGINES, type OpenedStorage } from '../support/storage-engines';

const T = Date.UTC(2026, 0, 1, 12);
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const m = (name: string, type: MatchType, value: string) => newMatcher(name, type, value);
const INFOS = [
  serverInfo('web-1', { provider: 'aws', region: 'us-east-1', role: 'web' }),
  serverInfo('db-1', { provider: 'onprem', region: 'dc1', role: 'database' }),
];

describe.each(STORAGE_ENGINES)('$name', (engine) => {
  let opened: OpenedStorage;
  const source = () => {
    const { store, reader } = opened.storage;
    const servers = new ServerQueries({
      store,
      reader,
      lastCollected: () => undefined,
      collectIntervalMs: MIN,
      now: () => T,
    });
    return new StoredSeriesSource(servers, store, store.sql);
  };

  beforeAll(async () => {
    opened = await engine.open();
    const samples = [0, 1, 2, 3].flatMap((i) => [
      sample('web-1', T + i * MIN, {
        cpuUsage: 10 + i,
        load1m: i === 2 ? null : i,
        status: i === 3 ? 'offline' : 'online',
      }),
      sample('db-1', T + i * MIN, { cpuUsage: 50 + i }),
    ]);
    await opened.storage.store.write({ servers: recordsFor(samples, INFOS), samples });
  }, 60_000);
  afterAll(() => opened.dispose());

  test('a selector reads its metric for the servers its labels match, in (from, to]', async () => {
    const series = await source().select(
      [m('__name__', '=', 'openmanager_cpu_usage_percent'), m('provider', '=', 'aws')],
      T,
      T + 2 * MIN,
      budget()
    );
    expect(series).toEqual([
      {
        labels: {
          __name__: 'openmanager_cpu_usage_percent',
          server: 'web-1',
          provider: 'aws',
          region: 'us-east-1',
          role: 'web',
        },
        times: [T + MIN, T + 2 * MIN],
        values: [11, 12],
      },
    ]);
  });

  test('regex and negative matchers on any label, the metric name included', async () => {
    const series = await source().select(
      [m('__name__', '=~', 'openmanager_(cpu_usage_percent|load1)'), m('role', '!=', 'web'), m('server', '=~', '.+-1')],
      T - 1,
      T + 10 * MIN,
      budget()
    );
    expect(series.map((s) => `${s.labels.__name__} ${s.labels.server} ${s.values.join(',')}`)).toEqual([
      'openmanager_cpu_usage_percent db-1 50,51,52,53',
      'openmanager_load1 db-1 0.5,0.5,0.5,0.5',
    ]);
  });

  test('a missing reading is a missing sample, never 0; openmanager_up is 0 for offline samples', async () => {
    const [load] = await source().select(
      [m('__name__', '=', 'openmanager_load1'), m('server', '=', 'web-1')],
      T - 1,
      T + 10 * MIN,
      budget()
    );
    expect(load.times).toEqual([T, T + MIN, T + 3 * MIN]);
    const [up] = await source().select(
      [m('__name__', '=', 'openmanager_up'), m('server', '=', 'web-1')],
      T - 1,
      T + 10 * MIN,
      budget()
    );
    expect(up.values).toEqual([1, 1, 1, 0]);
  });

  test('names and labels OpenManager does not have select nothing', async () => {
    expect(
      await source().select([m('__name__', '=', 'node_cpu_seconds_total')], T - 1, T + 10 * MIN, budget())
    ).toEqual([]);
    expect(
      await source().select(
        [m('__name__', '=', 'openmanager_up'), m('job', '=', 'node')],
        T - 1,
        T + 10 * MIN,
        budget()
      )
    ).toEqual([]);
    expect(
      await source().select([m('__name__', '=', 'openmanager_up'), m('job', '=', '')], T - 1, T + 10 * MIN, budget())
    ).toHaveLength(2);
  });

  test('a selector that would read more samples than the budget is refused (422), not answered from part of the data', async () => {
    await expect(
      source().select([m('__name__', '=', 'openmanager_up')], T - 1, T + 10 * MIN, budget({ maxSamples: 3 }))
    ).rejects.toMatchObject({
      code: 'samples_limit',
      status: 422,
      message: expect.stringContaining('QUERY_MAX_SAMPLES=3'),
    });
  });

  test('times beyond what storage holds select nothing more and fail nothing', async () => {
    const all = await source().select([m('__name__', '=', 'openmanager_up')], -1e18, 1e30, budget());
    expect(all.map((s) => s.times.length)).toEqual([4, 4]);
  });

  test('a span older than the rollups reads up and uptime raw for all of it, not only after what was rolled up', async () => {
    // Rolled up to between the second and third minute: cpu's first samples are now in the rollups (none written
    // here), openmanager_up has no rollup and must still count every raw sample (an offline server's last ones too).
    const { rollups } = opened.storage.store;
    for (const resolution of ['5m', '1h'] as const) await rollups.setRolledUpTo(resolution, T + 1.5 * MIN);
    try {
      const up = await source().select([m('__name__', '=', 'openmanager_up')], -1e18, 1e30, budget());
      expect(up.map((s) => s.times.length)).toEqual([4, 4]);
      const cpu = await source().select([m('__name__', '=', 'openmanager_cpu_usage_percent')], -1e18, 1e30, budget());
      expect(cpu.map((s) => s.times)).toEqual([
        [T + 2 * MIN, T + 3 * MIN],
        [T + 2 * MIN, T + 3 * MIN],
      ]);
    } finally {
      await opened.storage.store.sql.exec('TRUNCATE rollup_progress');
    }
  });

  test('an instant selector asks for the newest sample alone: the last of each series a full read gives, missing readings skipped', async () => {
    for (const name of ['openmanager_load1', 'openmanager_cpu_usage_percent', 'openmanager_up']) {
      const matchers = [m('__name__', '=', name)];
      const full = await source().select(matchers, T - 1, T + 2 * MIN, budget());
      const newest = await source().select(matchers, T - 1, T + 2 * MIN, budget(), { newestOnly: true });
      expect(newest).toEqual(full.map((s) => ({ ...s, times: s.times.slice(-1), values: s.values.slice(-1) })));
    }
    const [load] = await source().select(
      [m('__name__', '=', 'openmanager_load1'), m('server', '=', 'web-1')],
      T - 1,
      T + 2 * MIN,
      budget(),
      { newestOnly: true }
    );
    expect(load).toMatchObject({ times: [T + MIN], values: [1] }); // the reading at T + 2 min is missing
  });

  test('a newest-only read with a filter leaves out the series whose newest sample it refuses', async () => {
    const matchers = [m('__name__', '=', 'openmanager_cpu_usage_percent')];
    const newest = await source().select(matchers, T - 1, T + 2 * MIN, budget(), { newestOnly: true });
    const kept = await source().select(matchers, T - 1, T + 2 * MIN, budget(), {
      newestOnly: true,
      keeps: (v) => v >= 50,
    });
    expect(newest.map((s) => s.values)).toEqual([[52], [12]]);
    expect(kept).toEqual(newest.filter((s) => s.values[0] >= 50));
  });

  test('a newest-only read asks the database only for the series the head cannot answer, the rest from the head', async () => {
    // A small head: web-1's many samples push what it covers past db-1's only (older) sample.
    const head = new SampleHead({ maxBytes: 64 * BYTES_PER_SAMPLE, spanMs: DAY, now: () => T + 10 * MIN });
    head.clear();
    head.append([sample('db-1', T, { cpuUsage: 99 })]);
    head.append(Array.from({ length: 200 }, (_, i) => sample('web-1', T + MIN + i * 100, { cpuUsage: 70 })));
    const { store } = opened.storage;
    const servers = new ServerQueries({
      store,
      reader: opened.storage.reader,
      lastCollected: () => undefined,
      collectIntervalMs: MIN,
      now: () => T,
    });
    const mixed = new StoredSeriesSource(servers, { head, rollups: store.rollups, history: store.history }, store.sql);
    const newest = await mixed.select(
      [m('__name__', '=', 'openmanager_cpu_usage_percent')],
      T - 1,
      T + 2 * MIN,
      budget(),
      {
        newestOnly: true,
      }
    );
    expect(Object.fromEntries(newest.map((s) => [s.labels.server, [s.times, s.values]]))).toEqual({
      'web-1': [[T + MIN + 199 * 100], [70]], // the head's (the database holds 12 at T + 2 min)
      'db-1': [[T + 2 * MIN], [52]], // the database's: the head's 99 at T is older than what it covers
    });
  });

  test('series labels: any of several selectors, only series with samples in the span', async () => {
    const labels = await source().seriesLabels(
      [[m('__name__', '=', 'openmanager_load1')], [m('__name__', '=', 'openmanager_up'), m('server', '=', 'db-1')]],
      budget(),
      T + 2 * MIN - 1,
      T + 2 * MIN
    );
    expect(labels.map((l) => `${l.__name__} ${l.server}`).sort()).toEqual([
      'openmanager_load1 db-1',
      'openmanager_up db-1',
    ]);
    expect(await source().seriesLabels([], budget(), T + 10 * MIN, T + 20 * MIN)).toEqual([]);
    expect(await source().seriesLabels([], budget())).toHaveLength(16);
  });

  test('a server moved to another region is selected with its new labels by the same source', async () => {
    const selectMoved = async (src: StoredSeriesSource) =>
      (
        await src.select(
          [m('__name__', '=', 'openmanager_cpu_usage_percent'), m('server', '=', 'moved-1')],
          T,
          T + 3 * MIN,
          budget(),
          { newestOnly: true }
        )
      ).map((s) => s.labels.region);
    const write = (region: string, timeMs: number) => {
      const samples = [sample('moved-1', timeMs)];
      return opened.storage.store.write({
        servers: recordsFor(samples, [serverInfo('moved-1', { region })]),
        samples,
      });
    };
    const src = source();
    await write('dc1', T + MIN);
    expect(await selectMoved(src)).toEqual(['dc1']);
    await write('dc2', T + 2 * MIN);
    expect(await selectMoved(src)).toEqual(['dc2']);
  });
});
