/** The server routes through the public surface (app.request), on a dummy-mode service with embedded storage. */
import { CONTRACT_SERVER_IDS } from '../../src/collectors/dummy/fleet';
import type { MetricsAnswer, ServerDetail, ServerView } from '@openmanager/contract';
import type { RunningService } from '../../src/service';
import { startTestService } from '../support/test-service';

describe('server routes', () => {
  let service: RunningService;
  const get = async <T>(path: string) => {
    const res = await service.app.request(path);
    return { status: res.status, body: (await res.json()) as T };
  };

  beforeAll(async () => {
    service = await startTestService({ env: { DUMMY_BACKFILL_HOURS: '2' } });
    await service.backfillDone;
    await service.context.manager.tick();
  }, 60_000);
  afterAll(() => service.close());

  test('GET /api/servers lists exactly the 30 contract servers with their status', async () => {
    const { status, body } = await get<{ servers: ServerView[]; total: number }>('/api/servers');
    expect(status).toBe(200);
    expect(body.servers.map((s) => s.id).sort()).toEqual([...CONTRACT_SERVER_IDS].sort());
    expect(body.total).toBe(30);
    const byId = new Map(body.servers.map((s) => [s.id, s]));
    expect(byId.get('DB-EU-002')?.status).toBe('critical');
    expect(byId.get('WEB-US-003')).toMatchObject({ status: 'offline', reachable: false });
    expect(byId.get('ONPREM-MAIL-01')).toMatchObject({
      status: 'online',
      provider: 'onprem',
      region: 'seoul-dc1',
      role: 'mail',
    });
  });

  test.each([
    ['provider=kubernetes', 10],
    ['provider=aws&region=eu-west-1', 3],
    ['role=web', 5],
    ['status=offline', 1],
  ])('GET /api/servers?%s filters to %i servers', async (query, count) => {
    const { body } = await get<{ servers: ServerView[] }>(`/api/servers?${query}`);
    expect(body.servers).toHaveLength(count);
  });

  test('GET /api/servers?status=critical lists only critical servers, DB-EU-002 among them', async () => {
    // S2's disk and S4's spikes cross thresholds at some times of day, so the set is not fixed
    const { body } = await get<{ servers: ServerView[] }>('/api/servers?status=critical');
    expect(body.servers.map((s) => s.id)).toContain('DB-EU-002');
    expect(body.servers.every((s) => s.status === 'critical')).toBe(true);
  });

  test('GET /api/servers/DB-EU-002 shows cpu 80–90, memory 90–94, critical, from the cache after a run', async () => {
    const { status, body } = await get<ServerDetail>('/api/servers/DB-EU-002');
    expect(status).toBe(200);
    expect(body.status).toBe('critical');
    expect(body.source).toBe('cache');
    expect(body.metrics!.cpu).toBeGreaterThanOrEqual(80);
    expect(body.metrics!.cpu).toBeLessThanOrEqual(90);
    expect(body.metrics!.memory).toBeGreaterThanOrEqual(90);
    expect(body.metrics!.memory).toBeLessThanOrEqual(94);
  });

  test('the offline server answers its last sample from the database, status offline', async () => {
    const { body } = await get<ServerDetail>('/api/servers/WEB-US-003');
    expect(body).toMatchObject({ status: 'offline', source: 'database' });
    expect(Date.parse(body.metrics!.timestamp)).toBeLessThan(Date.now() - 10 * 60_000);
  });

  test('GET /api/servers/:id/metrics returns a downsampled series with the asked step and metrics', async () => {
    const to = Date.now();
    const from = to - 60 * 60_000;
    const { status, body } = await get<MetricsAnswer>(
      `/api/servers/DB-EU-002/metrics?from=${from}&to=${to}&step=5m&metrics=cpu,memory`
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'DB-EU-002', stepSeconds: 300, aggregation: 'avg', metrics: ['cpu', 'memory'] });
    expect(body.points.length).toBeGreaterThanOrEqual(12);
    expect(body.points.length).toBeLessThanOrEqual(13);
    for (const p of body.points) {
      expect(Object.keys(p).sort()).toEqual(['cpu', 'memory', 'timestamp']);
      expect(p.memory).toBeGreaterThanOrEqual(90);
      expect(Date.parse(p.timestamp) % 300_000).toBe(0);
    }
  });

  test('ISO-8601 and relative times are accepted, and max aggregation is never below avg', async () => {
    const to = new Date().toISOString();
    const avg = await get<MetricsAnswer>(`/api/servers/API-US-001/metrics?from=now-1h&to=${to}&step=15m&metrics=cpu`);
    const max = await get<MetricsAnswer>(
      `/api/servers/API-US-001/metrics?from=now-1h&to=${to}&step=15m&metrics=cpu&aggregation=max`
    );
    expect(avg.status).toBe(200);
    expect(max.body.points.length).toBe(avg.body.points.length);
    max.body.points.forEach((p, i) => expect(p.cpu!).toBeGreaterThanOrEqual(avg.body.points[i].cpu!));
    // every 15-minute bucket holds one of API-US-001's spikes
    expect(Math.max(...max.body.points.map((p) => p.cpu!))).toBeGreaterThan(70);
  });

  test('without parameters the last hour comes back at no more than 1,000 points', async () => {
    const { status, body } = await get<MetricsAnswer>('/api/servers/K8S-WORKER-01/metrics');
    expect(status).toBe(200);
    expect(body.points.length).toBeGreaterThan(0);
    expect(body.points.length).toBeLessThanOrEqual(1000);
    expect(body.metrics).toEqual(['cpu', 'memory', 'disk', 'network_in', 'network_out', 'load']);
  });
});
