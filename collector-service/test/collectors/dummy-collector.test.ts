/** The simulator: the contract's fleet, deterministic per seed, and scenarios S1–S5 true in the data it generates. */
import { DummyCollector } from '../../src/collectors/dummy/dummy-collector';
import { CONTRACT_SERVER_IDS } from '../../src/collectors/dummy/fleet';
import type { ServerMetrics } from '../../src/domain/metrics';
import { DEFAULT_THRESHOLDS } from '../../src/domain/thresholds';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.UTC(2026, 10, 26, 9, 17);

function collector(seed = 42, servers = 30, now = NOW) {
  return new DummyCollector({ seed, servers, thresholds: DEFAULT_THRESHOLDS, now: () => now });
}

/** 24 h of 1-minute history, per server. */
function dayOfHistory(c: DummyCollector, end = NOW): Map<string, ServerMetrics[]> {
  const byServer = new Map<string, ServerMetrics[]>();
  for (const chunk of c.history(new Date(end - 24 * HOUR), new Date(end), MINUTE)) {
    for (const s of chunk) byServer.set(s.serverId, [...(byServer.get(s.serverId) ?? []), s]);
  }
  return byServer;
}

/** Least-squares slope per hour of y over time. */
function slopePerHour(samples: ServerMetrics[], pick: (s: ServerMetrics) => number): number {
  const xs = samples.map((s) => s.timestamp.getTime() / HOUR);
  const ys = samples.map(pick);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const num = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
  return num / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
}

/** Runs of consecutive samples between drops larger than `drop` (a clean-up or restart). */
function segments(samples: ServerMetrics[], pick: (s: ServerMetrics) => number, drop: number): ServerMetrics[][] {
  const out: ServerMetrics[][] = [[]];
  samples.forEach((s, i) => {
    if (i > 0 && pick(samples[i - 1]) - pick(s) > drop) out.push([]);
    out[out.length - 1].push(s);
  });
  return out;
}

describe('the simulated fleet', () => {
  test('is exactly the 30 servers of the contract, with provider, region and role', async () => {
    const servers = await collector().getServerList();
    expect(servers.map((s) => s.id)).toEqual([...CONTRACT_SERVER_IDS]);
    expect(servers).toHaveLength(30);
    expect(servers.find((s) => s.id === 'DB-EU-002')).toMatchObject({
      provider: 'aws',
      region: 'eu-west-1',
      role: 'database',
    });
    expect(servers.find((s) => s.id === 'K8S-MASTER-02')).toMatchObject({
      provider: 'kubernetes',
      region: 'ap-northeast-2',
      role: 'control-plane',
      labels: { cluster: 'prod-k8s' },
    });
    expect(servers.find((s) => s.id === 'ONPREM-LDAP-01')).toMatchObject({
      provider: 'onprem',
      region: 'seoul-dc1',
      role: 'directory',
    });
  });

  test('DUMMY_SERVERS adds generated servers up to 10,000, all distinct', async () => {
    const servers = await collector(42, 10_000).getServerList();
    expect(servers).toHaveLength(10_000);
    expect(new Set(servers.map((s) => s.id)).size).toBe(10_000);
    expect(servers.slice(0, 30).map((s) => s.id)).toEqual([...CONTRACT_SERVER_IDS]);
    expect(servers[30].id).toBe('SIM-00031');
  });

  test('is deterministic for a seed and differs between seeds', () => {
    const t = NOW - 5 * HOUR;
    expect(collector(7).sample('WEB-US-001', t)).toEqual(collector(7).sample('WEB-US-001', t));
    expect(collector(7).sample('WEB-US-001', t).cpuUsage).not.toBe(collector(8).sample('WEB-US-001', t).cpuUsage);
  });

  test('healthy servers vary with a daily cycle and stay below the warning thresholds', () => {
    const history = dayOfHistory(collector());
    const healthy = CONTRACT_SERVER_IDS.filter(
      (id) => !['DB-EU-002', 'ONPREM-FILE-01', 'K8S-WORKER-03', 'API-US-001', 'DB-EU-001', 'WEB-US-003'].includes(id)
    );
    for (const id of healthy) {
      const samples = history.get(id)!;
      expect(samples).toHaveLength(24 * 60);
      const cpu = samples.map((s) => s.cpuUsage!);
      expect(Math.max(...cpu)).toBeLessThan(DEFAULT_THRESHOLDS.cpu.warning);
      expect(Math.max(...cpu) - Math.min(...cpu)).toBeGreaterThan(5); // not a flat line
      expect(Math.max(...samples.map((s) => s.memoryUsage!))).toBeLessThan(DEFAULT_THRESHOLDS.memory.warning);
      expect(Math.max(...samples.map((s) => s.diskUsage!))).toBeLessThan(DEFAULT_THRESHOLDS.disk.warning);
      expect(samples.every((s) => s.status === 'online')).toBe(true);
    }
  });
});

describe.each([42, 1, 2026])('scenarios with seed %i', (seed) => {
  const c = collector(seed);
  const history = dayOfHistory(c);

  test('S1: DB-EU-002 runs cpu 80–90 % and memory 90–94 %, critical', () => {
    for (const s of history.get('DB-EU-002')!) {
      expect(s.cpuUsage).toBeGreaterThanOrEqual(80);
      expect(s.cpuUsage).toBeLessThanOrEqual(90);
      expect(s.memoryUsage).toBeGreaterThanOrEqual(90);
      expect(s.memoryUsage).toBeLessThanOrEqual(94);
      expect(s.status).toBe('critical');
    }
  });

  test('S2: ONPREM-FILE-01 disk is at least 80 % and rising at least 1 point an hour, full within 24 h', () => {
    const samples = history.get('ONPREM-FILE-01')!;
    expect(Math.min(...samples.map((s) => s.diskUsage!))).toBeGreaterThanOrEqual(80);
    const since = segments(samples, (s) => s.diskUsage!, 5).pop()!;
    const latest = since[since.length - 1].diskUsage!;
    const rate = slopePerHour(since.length > 30 ? since : samples.slice(-60), (s) => s.diskUsage!);
    expect(rate).toBeGreaterThanOrEqual(1);
    expect((100 - latest) / rate).toBeLessThan(24);
    // no other server's disk fills at all
    for (const [id, xs] of history)
      if (id !== 'ONPREM-FILE-01') expect(slopePerHour(xs.slice(-180), (s) => s.diskUsage!)).toBeLessThan(0.5);
  });

  test('S3: K8S-WORKER-03 memory climbs steadily and resets about every 6 hours', () => {
    const parts = segments(history.get('K8S-WORKER-03')!, (s) => s.memoryUsage!, 10);
    expect(parts.length).toBeGreaterThanOrEqual(4);
    expect(parts.length).toBeLessThanOrEqual(5);
    for (const part of parts.filter((p) => p.length > 60))
      expect(slopePerHour(part, (s) => s.memoryUsage!)).toBeGreaterThan(4);
  });

  test('S4: API-US-001 cpu spikes every 15 minutes and DB-EU-001 follows one minute later', () => {
    const spikes = (id: string) =>
      history
        .get(id)!
        .filter((s, i, xs) => s.cpuUsage! > 60 && (i === 0 || xs[i - 1].cpuUsage! <= 60))
        .map((s) => s.timestamp.getTime());
    const api = spikes('API-US-001');
    const db = spikes('DB-EU-001');
    expect(api.length).toBeGreaterThanOrEqual(95);
    expect(api.length).toBeLessThanOrEqual(97);
    for (let i = 1; i < api.length; i++) expect(api[i] - api[i - 1]).toBe(15 * MINUTE);
    const dbStarts = new Set(db);
    expect(api.filter((t) => dbStarts.has(t + MINUTE)).length).toBeGreaterThanOrEqual(api.length - 1);
  });

  test('S5: WEB-US-003 sends no fresh samples and is reported offline', async () => {
    const web3 = history.get('WEB-US-003')!;
    expect(web3[web3.length - 1].timestamp.getTime()).toBeLessThanOrEqual(c.offlineSince.getTime());
    expect(await c.isServerOnline('WEB-US-003')).toBe(false);
    expect(await c.collectMetrics('WEB-US-003')).toBeNull();
    const run = await c.collectAll();
    expect(run.unreachable).toEqual(['WEB-US-003']);
    expect(run.samples.map((s) => s.serverId)).not.toContain('WEB-US-003');
    expect(run.samples).toHaveLength(29);
  });
});
