/** The simulator's labelled series: pods, volumes, services, application metrics, and scenarios S6 and S7 true in them. */
import { DummyCollector } from '../../src/collectors/dummy/dummy-collector';
import { CONTRACT_SERVER_IDS } from '../../src/collectors/dummy/fleet';
import { APP_SERIES_PREFIX, SERIES_NAMES, type SeriesSample } from '../../src/domain/series';
import { DEFAULT_THRESHOLDS } from '../../src/domain/thresholds';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.UTC(2026, 10, 26, 9, 17);

function collector(seed = 42, now = NOW) {
  return new DummyCollector({ seed, servers: 30, thresholds: DEFAULT_THRESHOLDS, now: () => now });
}

function history(c: DummyCollector, from: number, to: number, stepMs = MINUTE): SeriesSample[] {
  return [...c.seriesHistory(new Date(from), new Date(to), stepMs)].flat();
}

const key = (s: SeriesSample) => `${s.serverId}|${s.name}|${JSON.stringify(s.labels)}`;

describe('the simulated workloads', () => {
  test('every contract server reports series of its kind: pods on Kubernetes, volumes on AWS, services on-premises', async () => {
    const { series = [], unreachable } = await collector().collectAll();
    const names = (id: string) => new Set(series.filter((s) => s.serverId === id).map((s) => s.name));
    for (const id of CONTRACT_SERVER_IDS) {
      if (unreachable.includes(id)) {
        expect(names(id).size).toBe(0);
        continue;
      }
      const expected = id.startsWith('K8S-')
        ? [SERIES_NAMES.podStatus, SERIES_NAMES.podRestarts]
        : id.startsWith('ONPREM-')
          ? [SERIES_NAMES.serviceUp]
          : [SERIES_NAMES.volumeReadBytes, SERIES_NAMES.volumeWriteBytes];
      for (const name of expected) expect(names(id)).toContain(name);
    }
    expect(series.some((s) => s.name.startsWith(APP_SERIES_PREFIX) && s.serverId.startsWith('ONPREM-'))).toBe(true);
    const phases = series.filter((s) => s.name === SERIES_NAMES.podStatus).map((s) => s.labels.phase);
    expect(phases.filter((p) => p === 'Running').length).toBeGreaterThan(phases.length * 0.9);
    expect(series.find((s) => s.name === SERIES_NAMES.serviceUp && s.labels.service === 'sshd.service')).toBeDefined();
  });

  test('is the same for the same seed and time, and backfill agrees with live collection', async () => {
    const live = (await collector().collectAll()).series ?? [];
    expect((await collector().collectAll()).series).toEqual(live);
    const backfilled = history(collector(), NOW - MINUTE, NOW + 1);
    const atNow = backfilled.filter((s) => s.timestamp.getTime() === NOW);
    expect(atNow).toEqual(live);
    const other = (await collector(7).collectAll()).series ?? [];
    const volume = (xs: SeriesSample[]) =>
      xs.filter((s) => s.name === SERIES_NAMES.volumeReadBytes).map((s) => s.value);
    expect(volume(other)).not.toEqual(volume(live));
  });

  test('volumes read and write more in the local afternoon than at night', () => {
    const series = history(collector(), NOW - 24 * HOUR, NOW, 10 * MINUTE).filter(
      (s) => s.serverId === 'DB-EU-002' && s.name === SERIES_NAMES.volumeWriteBytes
    );
    const at = (utcHour: number) =>
      series.filter((s) => s.timestamp.getUTCHours() === utcHour).reduce((a, s) => a + s.value, 0);
    // eu-west-1 is UTC+0 here: busiest around 14:00, quietest around 02:00.
    expect(at(14)).toBeGreaterThan(1.5 * at(2));
  });

  test('S6: postfix on ONPREM-MAIL-01 has been down about two hours while the host is healthy', async () => {
    const c = collector();
    const postfix = history(c, NOW - 4 * HOUR, NOW + 1).filter(
      (s) => s.serverId === 'ONPREM-MAIL-01' && s.labels.service === 'postfix.service'
    );
    const firstDown = postfix.find((s) => s.value === 0)!.timestamp.getTime();
    expect(NOW - firstDown).toBeGreaterThanOrEqual(110 * MINUTE);
    expect(NOW - firstDown).toBeLessThanOrEqual(130 * MINUTE);
    expect(postfix.filter((s) => s.timestamp.getTime() >= firstDown).every((s) => s.value === 0)).toBe(true);
    expect(postfix.filter((s) => s.timestamp.getTime() < firstDown).every((s) => s.value === 1)).toBe(true);
    const others = ((await c.collectAll()).series ?? []).filter(
      (s) => s.name === SERIES_NAMES.serviceUp && s.value !== 1
    );
    expect(others.map(key)).toEqual(['ONPREM-MAIL-01|openmanager_service_up|{"service":"postfix.service"}']);
    const host = c.sample('ONPREM-MAIL-01', NOW);
    expect(host.status).toBe('online');
  });

  test('S7: payment-api on K8S-WORKER-03 restarts exactly when the S3 memory leak resets, and no other pod does', () => {
    const c = collector();
    const from = NOW - 24 * HOUR;
    const series = history(c, from, NOW + 1);
    const restarts = new Map<string, SeriesSample[]>();
    for (const s of series.filter((x) => x.name === SERIES_NAMES.podRestarts))
      restarts.set(key(s), [...(restarts.get(key(s)) ?? []), s]);
    const increases = (xs: SeriesSample[]) =>
      xs.flatMap((s, i) => (i > 0 && s.value > xs[i - 1].value ? [s.timestamp.getTime()] : []));
    const restarting = [...restarts].filter(([, xs]) => increases(xs).length > 0).map(([k]) => k);
    expect(restarting).toEqual([
      'K8S-WORKER-03|openmanager_pod_restarts_total|{"namespace":"payments","pod":"payment-api-7d9f"}',
    ]);

    const podRestarts = increases(restarts.get(restarting[0])!);
    const memory: Array<{ t: number; v: number }> = [];
    for (let t = from; t <= NOW; t += MINUTE) memory.push({ t, v: c.sample('K8S-WORKER-03', t).memoryUsage ?? NaN });
    const memoryResets = memory.flatMap((m, i) => (i > 0 && memory[i - 1].v - m.v > 20 ? [m.t] : []));
    expect(memoryResets.length).toBe(4);
    expect(podRestarts).toEqual(memoryResets);
  });
});
