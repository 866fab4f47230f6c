/**
 * The alerts as clients read them: GET /api/alerts (read key), Prometheus's /api/v1/rules and
 * /api/v1/alerts, ALERTS / ALERTS_FOR_STATE through /prometheus queries, and the `alerts` ask
 * intent (now and history), over a service whose rules are evaluated at chosen times.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunningService } from '../../src/service';
import { recordsFor, sample, serverInfo } from '../support/samples';
import { bearer, startTestService } from '../support/test-service';

const READ_KEY = 'alerts-reader-key-0001';
const MIN = 60_000;

const RULES = `
groups:
  - name: memory
    rules:
      - alert: MemoryHigh
        expr: openmanager_memory_usage_percent >= 90
        for: 2m
        labels: { severity: critical, metric: memory }
        annotations:
          summary: '{{ $labels.server }} memory at {{ $value }}%'
`;

describe('alerts over HTTP and ask', () => {
  let service: RunningService;
  let dir: string;
  const t0 = Math.floor(Date.now() / MIN) * MIN - 4 * MIN;
  const get = async (url: string, key: string | null = READ_KEY) => {
    const res = await service.app.request(url, { headers: key ? bearer(key) : {} });
    return { status: res.status, body: (await res.json()) as any };
  };
  const ask = async (question: string) => {
    const res = await service.app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(READ_KEY) },
      body: JSON.stringify({ question }),
    });
    return (await res.json()) as any;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'om-alert-routes-'));
    await writeFile(path.join(dir, 'rules.yml'), RULES);
    service = await startTestService({
      collectors: [],
      env: {
        API_KEYS: `panel:read:${READ_KEY}`,
        ALERT_RULES_FILE: path.join(dir, 'rules.yml'),
        ALERT_EVALUATION_INTERVAL_MS: '60000',
      },
    });
    const infos = [serverInfo('DB-EU-002', { role: 'database' }), serverInfo('WEB-US-001', { role: 'web' })];
    const samples = [0, 1, 2, 3].flatMap((i) => [
      sample('DB-EU-002', t0 + i * MIN, { memoryUsage: 91 + i }),
      sample('WEB-US-001', t0 + i * MIN, { memoryUsage: 40 }),
    ]);
    await service.context.storage.store.write({ servers: recordsFor(samples, infos), samples });
    // Evaluated at 0, 1, 2, 3 minutes: pending from 0, firing from 2 (for: 2m).
    for (let i = 0; i <= 3; i++) await service.context.alerting.evaluateGroup(0, t0 + i * MIN);
  }, 60_000);
  afterAll(async () => {
    await service?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('GET /api/alerts needs the read key', async () => {
    expect((await get('/api/alerts', null)).status).toBe(401);
  });

  it('GET /api/alerts lists the firing alert with its labels, summary, explanation and dashboard link', async () => {
    const { status, body } = await get('/api/alerts');
    expect(status).toBe(200);
    expect(body.alerts).toHaveLength(1);
    expect(body.alerts[0]).toMatchObject({
      name: 'MemoryHigh',
      state: 'firing',
      server: 'DB-EU-002',
      severity: 'critical',
      labels: {
        alertname: 'MemoryHigh',
        server: 'DB-EU-002',
        severity: 'critical',
        metric: 'memory',
        role: 'database',
      },
      summary: 'DB-EU-002 memory at 94%',
      value: 94,
      activeAt: new Date(t0).toISOString(),
      firedAt: new Date(t0 + 2 * MIN).toISOString(),
      for: '2m',
      generatorURL: 'http://localhost:3000/d/openmanager-fleet/openmanager-fleet?var-server=DB-EU-002',
    });
    expect(body.alerts[0].description).toMatch(/DB-EU-002/);
  });

  it("/prometheus/api/v1/rules answers in Prometheus's shape", async () => {
    const { status, body } = await get('/prometheus/api/v1/rules');
    expect(status).toBe(200);
    expect(body.status).toBe('success');
    const [group] = body.data.groups;
    expect(group).toMatchObject({
      name: 'memory',
      interval: 60,
      limit: 0,
      lastEvaluation: new Date(t0 + 3 * MIN).toISOString(),
    });
    expect(group.rules[0]).toMatchObject({
      type: 'alerting',
      name: 'MemoryHigh',
      query: 'openmanager_memory_usage_percent >= 90',
      duration: 120,
      keepFiringFor: 0,
      state: 'firing',
      health: 'ok',
      labels: { metric: 'memory', severity: 'critical' },
      annotations: { summary: '{{ $labels.server }} memory at {{ $value }}%' },
      alerts: [expect.objectContaining({ state: 'firing', value: '9.4e+01', activeAt: new Date(t0).toISOString() })],
    });
    expect((await get('/prometheus/api/v1/rules?type=record')).body.data.groups).toEqual([]);
    expect((await get('/prometheus/api/v1/rules?rule_name[]=Other')).body.data.groups).toEqual([]);
  });

  it('/prometheus/api/v1/alerts lists the alert', async () => {
    const { body } = await get('/prometheus/api/v1/alerts');
    expect(body.data.alerts).toEqual([
      expect.objectContaining({
        state: 'firing',
        labels: expect.objectContaining({ alertname: 'MemoryHigh', server: 'DB-EU-002' }),
      }),
    ]);
  });

  it('ALERTS and ALERTS_FOR_STATE are queryable: pending, then firing', async () => {
    const q = (query: string, at: number) =>
      get(`/prometheus/api/v1/query?${new URLSearchParams({ query, time: String(at / 1000) })}`);
    const state = async (at: number) => (await q('ALERTS', at)).body.data.result.map((r: any) => r.metric.alertstate);
    expect(await state(t0 + 1 * MIN)).toEqual(['pending']);
    expect(await state(t0 + 3 * MIN)).toEqual(['firing']);
    const forState = (await q('ALERTS_FOR_STATE', t0 + 3 * MIN)).body.data.result;
    expect(forState).toEqual([expect.objectContaining({ value: [(t0 + 3 * MIN) / 1000, String(t0 / 1000)] })]);
    const labels = (await get('/prometheus/api/v1/label/alertstate/values')).body.data;
    expect(labels).toEqual(['firing', 'pending']);
  });

  it('answers "지금 울리는 알림 있어?" and "What is firing?" from the alert state', async () => {
    const ko = await ask('지금 울리는 알림 있어?');
    expect(ko).toMatchObject({ intent: 'alerts', language: 'ko', severity: 'critical' });
    expect(ko.answer).toMatch(/울리는 알림 1건/);
    expect(ko.answer).toMatch(/MemoryHigh \(DB-EU-002\) \[위험\]/);
    const en = await ask('What is firing?');
    expect(en).toMatchObject({ intent: 'alerts', language: 'en', severity: 'critical' });
    expect(en.answer).toMatch(/1 alert firing:\n- MemoryHigh on DB-EU-002 \(critical\), firing since/);
    expect(en.findings).toEqual([
      expect.objectContaining({ serverId: 'DB-EU-002', metric: 'memory', level: 'critical' }),
    ]);
  });

  it('answers how many alerts fired in a past range from the history', async () => {
    const hour = await ask('지난 1시간 동안 알림 몇 번 왔어?');
    expect(hour.intent).toBe('alerts');
    expect(hour.answer).toMatch(/알림 1건:\n- .* MemoryHigh \(DB-EU-002\) \[위험\], 아직 울리는 중/);
    const night = await ask('어제 밤에 알림 몇 번 왔어?');
    expect(night.intent).toBe('alerts');
    expect(night.answer).toMatch(/사이 알림 \d+건/);
  });
});
