/** POST /api/query: Grafana data frames per refId, never more points than maxDataPoints, and nothing silent. */
import { CONTRACT_SERVER_IDS } from '../../src/collectors/dummy/fleet';
import type { DataFrameJson, QueryAnswer } from '@openmanager/contract';
import type { RunningService } from '../../src/service';
import { startTestService } from '../support/test-service';

const HOUR = 3_600_000;

describe('POST /api/query', () => {
  let service: RunningService;
  /** Once the history is in: a range ending now reaches back as far as raw samples do (not into the rollups). */
  let now: number;

  beforeAll(async () => {
    service = await startTestService({ env: { DUMMY_BACKFILL_HOURS: '24' } });
    await service.backfillDone;
    await service.context.manager.tick();
    now = Date.now();
  }, 120_000);
  afterAll(() => service.close());

  const query = async (body: unknown) => {
    const res = await service.app.request('/api/query', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    return {
      status: res.status,
      body: (await res.json()) as QueryAnswer & { error?: { code: string; message: string } },
    };
  };
  const frames = (answer: QueryAnswer, refId: string) => (answer.results[refId] as { frames: DataFrameJson[] }).frames;
  const notices = (fs: DataFrameJson[]) =>
    fs.flatMap((f) => f.schema.meta?.notices ?? []).map((n) => `${n.severity}: ${n.text}`);

  test('the contract example: one frame per server × metric with labels, unit and display name', async () => {
    const { status, body } = await query({
      range: { from: now - HOUR, to: now },
      intervalMs: 60_000,
      maxDataPoints: 1000,
      targets: [
        {
          refId: 'A',
          queryType: 'timeseries',
          servers: ['DB-EU-002', 'WEB-US-001'],
          metrics: ['cpu', 'memory'],
          aggregation: 'avg',
        },
      ],
    });
    expect(status).toBe(200);
    const fs = frames(body, 'A');
    expect(fs.map((f) => f.schema.name)).toEqual([
      'DB-EU-002 cpu',
      'DB-EU-002 memory',
      'WEB-US-001 cpu',
      'WEB-US-001 memory',
    ]);
    const [cpu] = fs;
    expect(cpu.schema.fields).toEqual([
      { name: 'time', type: 'time' },
      {
        name: 'cpu',
        type: 'number',
        labels: { server: 'DB-EU-002', provider: 'aws', region: 'eu-west-1', role: 'database' },
        config: { unit: 'percent', min: 0, max: 100, displayNameFromDS: 'DB-EU-002 cpu' },
      },
    ]);
    const [times, values] = cpu.data.values as [number[], number[]];
    expect(times.length).toBeGreaterThanOrEqual(59);
    expect(times.length).toBeLessThanOrEqual(61);
    expect(values.every((v) => v >= 80 && v <= 90)).toBe(true);
  });

  test('all 30 servers × 3 metrics over 24 h with maxDataPoints=1000: at most 1000 points per series', async () => {
    const { body } = await query({
      range: { from: new Date(now - 24 * HOUR).toISOString(), to: new Date(now).toISOString() },
      intervalMs: 10_000,
      maxDataPoints: 1000,
      targets: [{ refId: 'A', servers: [...CONTRACT_SERVER_IDS], metrics: ['cpu', 'memory', 'disk'] }],
    });
    const fs = frames(body, 'A');
    expect(fs).toHaveLength(90);
    for (const f of fs) expect((f.data.values[0] as number[]).length).toBeLessThanOrEqual(1000);
    expect(Math.max(...fs.map((f) => (f.data.values[0] as number[]).length))).toBeGreaterThan(900);
  });

  test.each([10, 100, 333])('maxDataPoints=%i is never exceeded', async (maxDataPoints) => {
    const { body } = await query({
      range: { from: now - 7 * HOUR - 1234, to: now },
      maxDataPoints,
      targets: [{ refId: 'A', servers: ['API-US-001'], metrics: ['cpu'], aggregation: 'p95' }],
    });
    expect((frames(body, 'A')[0].data.values[0] as number[]).length).toBeLessThanOrEqual(maxDataPoints);
  });

  test('alias templates name the series', async () => {
    const { body } = await query({
      range: { from: now - HOUR, to: now },
      targets: [
        { refId: 'A', servers: ['CACHE-EU-001'], metrics: ['network_in'], alias: '{{server}} in ({{region}})' },
      ],
    });
    const [f] = frames(body, 'A');
    expect(f.schema.fields[1].config).toMatchObject({ displayNameFromDS: 'CACHE-EU-001 in (eu-west-1)', unit: 'Bps' });
  });

  test('several targets answer independently; a bad target answers an error and the others still answer', async () => {
    const { status, body } = await query({
      range: { from: now - HOUR, to: now },
      targets: [
        { refId: 'A', servers: ['DB-EU-002'], metrics: ['cpu'] },
        { refId: 'B', servers: ['DB-EU-002'], metrics: ['temperature'] },
        { refId: 'C', queryType: 'servers' },
      ],
    });
    expect(status).toBe(200);
    expect(frames(body, 'A')).toHaveLength(1);
    expect(body.results.B).toEqual({
      error: expect.stringContaining('targets[1].metrics.0: expected metric names'),
      status: 400,
    });
    expect(frames(body, 'C')[0].data.values[0]).toHaveLength(30);
  });

  test('ad hoc filters apply to every target; an empty server list means all servers', async () => {
    const { body } = await query({
      range: { from: now - HOUR, to: now },
      filters: [
        { key: 'provider', operator: '=', value: 'aws' },
        { key: 'role', operator: '=~', value: 'web|api' },
      ],
      targets: [
        { refId: 'A', servers: [], metrics: ['cpu'] },
        { refId: 'B', queryType: 'latest', metrics: ['cpu'] },
      ],
    });
    expect(
      frames(body, 'A')
        .map((f) => f.schema.fields[1].labels!.server)
        .sort()
    ).toEqual(['API-US-001', 'API-US-002', 'WEB-US-001', 'WEB-US-002', 'WEB-US-003']);
    expect((frames(body, 'B')[0].data.values[0] as string[]).sort()).toEqual([
      'API-US-001',
      'API-US-002',
      'WEB-US-001',
      'WEB-US-002',
      'WEB-US-003',
    ]);
  });

  test('/api/query and /api/servers choose the same servers: an id in any case, provider, region and role', async () => {
    const listed = async (search: string) => {
      const res = await service.app.request(`/api/servers?${search}`);
      return ((await res.json()) as { servers: Array<{ id: string }> }).servers.map((s) => s.id).sort();
    };
    const selected = async (servers: string[], filters: Array<{ key: string; value: string }>) => {
      const { body } = await query({
        range: { from: now - HOUR, to: now },
        filters,
        targets: [{ refId: 'A', queryType: 'servers', servers }],
      });
      const fs = frames(body, 'A');
      return { ids: (fs[0].data.values[0] as string[]).sort(), notices: notices(fs) };
    };

    const one = (await (await service.app.request('/api/servers/db-eu-002')).json()) as { id: string };
    expect(one.id).toBe('DB-EU-002');
    expect(await selected(['db-eu-002', 'Web-Us-001'], [])).toEqual({
      ids: ['DB-EU-002', 'WEB-US-001'],
      notices: [],
    });

    const scopes: Array<Record<string, string>> = [
      { provider: 'aws' },
      { region: 'eu-west-1' },
      { role: 'database' },
      { provider: 'aws', role: 'web' },
    ];
    for (const scope of scopes) {
      const expected = await listed(new URLSearchParams(scope).toString());
      expect(expected.length).toBeGreaterThan(0);
      const filters = Object.entries(scope).map(([key, value]) => ({ key, value }));
      expect((await selected([], filters)).ids).toEqual(expected);
    }

    // PromQL keeps Prometheus's exact label matching.
    const promql = async (server: string) => {
      const q = encodeURIComponent(`openmanager_cpu_usage_percent{server="${server}"}`);
      const res = await service.app.request(`/prometheus/api/v1/query?query=${q}`);
      return ((await res.json()) as { data: { result: unknown[] } }).data.result.length;
    };
    expect(await promql('DB-EU-002')).toBe(1);
    expect(await promql('db-eu-002')).toBe(0);
  });

  test('a filter with a broken regular expression answers that target an error naming the filter', async () => {
    const { body } = await query({
      range: { from: now - HOUR, to: now },
      filters: [{ key: 'role', operator: '=~', value: '(web' }],
      targets: [{ refId: 'A', metrics: ['cpu'] }],
    });
    expect(body.results.A).toEqual({
      error: expect.stringMatching(/^filter role: "\(web" is not a usable regular expression/),
      status: 400,
    });
  });

  test('latest values come as one table, with notices for stale servers', async () => {
    const { body } = await query({
      range: { from: now - HOUR, to: now },
      targets: [{ refId: 'A', queryType: 'latest', servers: ['DB-EU-002', 'WEB-US-003'], metrics: ['cpu', 'memory'] }],
    });
    const [table] = frames(body, 'A');
    expect(table.schema.fields.map((f) => f.name)).toEqual([
      'server',
      'provider',
      'region',
      'role',
      'status',
      'time',
      'cpu',
      'memory',
    ]);
    expect(table.data.values[4]).toEqual(['critical', 'offline']);
    expect(notices([table])).toContain('warning: stale values, offline: WEB-US-003');
  });

  test('never a silent "No data": unknown servers, offline servers and empty selections say why', async () => {
    const { body } = await query({
      range: { from: now - HOUR, to: now },
      targets: [
        { refId: 'A', servers: ['WEB-US-003', 'NOPE-1'], metrics: ['cpu'] },
        { refId: 'B', servers: ['DB-EU-002'], metrics: ['cpu'] },
      ],
      filters: [],
    });
    expect(notices(frames(body, 'A'))).toEqual(
      expect.arrayContaining([
        'warning: unknown servers left out: NOPE-1',
        expect.stringMatching(/^warning: WEB-US-003 is offline \(newest sample at \d\d:\d\d UTC\)/),
      ])
    );
    const none = await query({
      range: { from: now - HOUR, to: now },
      filters: [{ key: 'region', value: 'mars-1' }],
      targets: [{ refId: 'A', metrics: ['cpu'] }],
    });
    expect(notices(frames(none.body, 'A'))).toEqual(['warning: no server matches this query and its filters']);
  });

  test('a failing collector reaches the user as a notice', async () => {
    const statuses = jest
      .spyOn(service.context.manager, 'collectorStatuses')
      .mockReturnValue([
        { ...service.context.manager.collectorStatuses()[0], state: 'error', lastError: 'timed out after 8000 ms' },
      ]);
    const { body } = await query({
      range: { from: now - HOUR, to: now },
      targets: [{ refId: 'A', servers: ['DB-EU-002'], metrics: ['cpu'] }],
    });
    expect(notices(frames(body, 'A'))).toContain(
      'warning: collector dummy failed on its last run (timed out after 8000 ms); data may be incomplete'
    );
    statuses.mockRestore();
  });

  test.each([
    ['invalid JSON', '{"range": ', 'invalid_json', 'body: expected a JSON document'],
    [
      'no targets',
      JSON.stringify({ range: { from: 0, to: 1 }, targets: [] }),
      'bad_request',
      'targets: expected at least one target',
    ],
    [
      'garbage range',
      JSON.stringify({ range: { from: 'soon', to: 'later' }, targets: [{ refId: 'A' }] }),
      'bad_request',
      'range.from: expected epoch milliseconds',
    ],
    [
      'maxDataPoints too large',
      JSON.stringify({ range: { from: 0, to: 1 }, maxDataPoints: 50_000, targets: [{ refId: 'A' }] }),
      'bad_request',
      'maxDataPoints: expected at most 10000',
    ],
    [
      'a bad filter',
      JSON.stringify({
        range: { from: 0, to: 1 },
        filters: [{ key: 'colour', value: 'x' }],
        targets: [{ refId: 'A' }],
      }),
      'bad_request',
      'filters.0.key',
    ],
  ])('%s → 400 naming the problem', async (_, body, code, message) => {
    const res = await service.app.request('/api/query', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { error: { code: string; message: string } };
    expect(answer.error.code).toBe(code);
    expect(answer.error.message).toContain(message);
  });
});

describe('GET /api/annotations', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startTestService({ env: { DUMMY_BACKFILL_HOURS: '24' } });
    await service.backfillDone;
  }, 120_000);
  afterAll(() => service.close());

  test('threshold breaches become regions: DB-EU-002 critical on memory for the whole range, API-US-001 cpu spikes as warnings', async () => {
    const to = Date.now();
    const from = to - 2 * 3_600_000;
    const res = await service.app.request(`/api/annotations?from=${from}&to=${to}&kinds=threshold`);
    expect(res.status).toBe(200);
    const { annotations } = (await res.json()) as { annotations: Array<Record<string, any>> };
    const dbMemory = annotations.filter((a) => a.serverId === 'DB-EU-002' && a.metric === 'memory');
    expect(dbMemory).toHaveLength(1);
    expect(dbMemory[0]).toMatchObject({
      kind: 'threshold',
      severity: 'critical',
      text: expect.stringMatching(/^DB-EU-002 memory ≥ 90% \(critical\), peak 9\d(\.\d)?%$/),
    });
    expect(dbMemory[0].timeEnd - dbMemory[0].time).toBeGreaterThan(100 * 60_000);
    const apiSpikes = annotations.filter((a) => a.serverId === 'API-US-001' && a.metric === 'cpu');
    expect(apiSpikes.length).toBeGreaterThanOrEqual(7);
    expect(apiSpikes.every((a) => a.severity === 'warning' && a.timeEnd - a.time <= 5 * 60_000)).toBe(true);
    // healthy servers have none
    expect(annotations.filter((a) => a.serverId === 'ONPREM-MAIL-01')).toEqual([]);
  });

  test('the server list narrows it; bad parameters are 400s', async () => {
    const to = Date.now();
    const res = await service.app.request(
      `/api/annotations?from=${to - 3_600_000}&to=${to}&servers=ONPREM-FILE-01&kinds=threshold`
    );
    const { annotations } = (await res.json()) as { annotations: Array<{ serverId: string; metric: string }> };
    expect(new Set(annotations.map((a) => `${a.serverId} ${a.metric}`))).toEqual(new Set(['ONPREM-FILE-01 disk']));
    const lowerCase = await service.app.request(
      `/api/annotations?from=${to - 3_600_000}&to=${to}&servers=onprem-file-01&kinds=threshold`
    );
    expect(((await lowerCase.json()) as { annotations: unknown }).annotations).toEqual(annotations);
    expect((await service.app.request(`/api/annotations?from=${to}&to=${to - 1}`)).status).toBe(400);
    expect((await service.app.request(`/api/annotations?from=${to - 1}&to=${to}&kinds=explosions`)).status).toBe(400);
    expect((await service.app.request('/api/annotations')).status).toBe(400);
  });

  test('anomalies further back than the detector’s 24 hours say so instead of answering nothing', async () => {
    const to = Date.now();
    const res = await service.app.request(`/api/annotations?from=${to - 48 * 3_600_000}&to=${to}&kinds=anomaly`);
    expect(await res.json()).toEqual({
      annotations: [],
      notice: 'anomalies are detected over the last 24 hours only; this range reaches further back',
    });
  });
});
