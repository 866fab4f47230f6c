/** The Prometheus-compatible read API under /prometheus, on a service running the simulator with history. */
import { CONTRACT_SERVER_IDS } from '../../src/collectors/dummy/fleet';
import { s2LastCleanup } from '../../src/collectors/dummy/scenarios';
import type { RunningService } from '../../src/service';
import { bearer, startTestService } from '../support/test-service';

const BASE = '/prometheus/api/v1';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const METRICS = [
  'openmanager_cpu_usage_percent',
  'openmanager_disk_usage_percent',
  'openmanager_load1',
  'openmanager_memory_usage_percent',
  'openmanager_network_receive_bytes_per_second',
  'openmanager_network_transmit_bytes_per_second',
  'openmanager_up',
  'openmanager_uptime_seconds',
];

/** What the simulator shows beyond the six metrics: pods, services, volumes, application metrics. */
const SERIES_IN_DUMMY_MODE = [
  'openmanager_app_db_connections',
  'openmanager_app_http_requests_per_second',
  'openmanager_pod_restarts_total',
  'openmanager_pod_status',
  'openmanager_service_up',
  'openmanager_volume_read_bytes_per_second',
  'openmanager_volume_write_bytes_per_second',
];

type Body = { status: string; data?: any; errorType?: string; error?: string; warnings?: string[] };

describe('Prometheus API on the simulated fleet', () => {
  let service: RunningService;
  const nowS = () => Date.now() / 1000;

  beforeAll(async () => {
    service = await startTestService({ env: { DUMMY_BACKFILL_HOURS: '2' } });
    await service.backfillDone;
    await service.context.manager.tick();
  }, 120_000);
  afterAll(() => service.close());

  const get = async (path: string, params: Record<string, string | string[]> = {}) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) search.append(k, one);
    const res = await service.app.request(`${BASE}/${path}?${search}`);
    return { status: res.status, body: (await res.json()) as Body };
  };
  const post = async (path: string, params: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) body.append(k, one);
    const res = await service.app.request(`${BASE}/${path}`, { method: 'POST', headers: FORM, body: body.toString() });
    return { status: res.status, body: (await res.json()) as Body };
  };
  const vector = (body: Body) => {
    expect(body).toMatchObject({ status: 'success', data: { resultType: 'vector' } });
    return body.data.result as Array<{ metric: Record<string, string>; value: [number, string] }>;
  };

  test('DB-EU-002 cpu: one series with the contract labels, a value between 80 and 90 at the evaluation time', async () => {
    const time = String(Math.floor(nowS()));
    const { status, body } = await get('query', { query: 'openmanager_cpu_usage_percent{server="DB-EU-002"}', time });
    expect(status).toBe(200);
    const [only, ...rest] = vector(body);
    expect(rest).toEqual([]);
    expect(only.metric).toEqual({
      __name__: 'openmanager_cpu_usage_percent',
      server: 'DB-EU-002',
      provider: 'aws',
      region: 'eu-west-1',
      role: 'database',
    });
    expect(only.value[0]).toBe(Number(time));
    expect(Number(only.value[1])).toBeGreaterThanOrEqual(80);
    expect(Number(only.value[1])).toBeLessThanOrEqual(90);
  });

  test('WEB-US-003 is absent now (no sample within 5 minutes) and was up an hour ago', async () => {
    expect(vector((await get('query', { query: 'openmanager_up{server="WEB-US-003"}' })).body)).toEqual([]);
    const before = vector(
      (await get('query', { query: 'openmanager_up{server="WEB-US-003"}', time: String(nowS() - 3600) })).body
    );
    expect(before.map((s) => s.value[1])).toEqual(['1']);
    expect(vector((await get('query', { query: 'absent(openmanager_up{server="WEB-US-003"})' })).body)).toEqual([
      { metric: { server: 'WEB-US-003' }, value: [expect.any(Number), '1'] },
    ]);
  });

  test('count(openmanager_up == 1) is the 29 servers that report', async () => {
    expect(vector((await get('query', { query: 'count(openmanager_up == 1)' })).body).map((s) => s.value[1])).toEqual([
      '29',
    ]);
  });

  test('max by (provider) of memory: one series per provider; aws holds DB-EU-002 at 90 % or more', async () => {
    const result = vector((await get('query', { query: 'max by (provider) (openmanager_memory_usage_percent)' })).body);
    const byProvider = Object.fromEntries(result.map((s) => [s.metric.provider, Number(s.value[1])]));
    expect(Object.keys(byProvider).sort()).toEqual(['aws', 'kubernetes', 'onprem']);
    expect(result.every((s) => Object.keys(s.metric).join() === 'provider')).toBe(true);
    expect(byProvider.aws).toBeGreaterThanOrEqual(90);
    expect(byProvider.onprem).toBeLessThan(90);
  });

  test('the disk that fills fastest is ONPREM-FILE-01 (topk of deriv)', async () => {
    // Within an hour of S2's clean-up the last hour also holds the drop: ask just before it instead.
    const cleanup = s2LastCleanup(service.context.config.dummy.seed, Date.now());
    const time = Date.now() - cleanup < 60 * 60_000 ? cleanup - 60_000 : Date.now();
    const query = 'topk(1, deriv(openmanager_disk_usage_percent[1h]))';
    const [top] = vector((await get('query', { query, time: String(time / 1000) })).body);
    expect(top.metric.server).toBe('ONPREM-FILE-01');
    expect(Number(top.value[1]) * 3600).toBeGreaterThanOrEqual(1);
  });

  test('query_range: a matrix with a point at start, start+step, … ≤ end', async () => {
    const end = Math.floor(nowS());
    const start = end - 3600;
    const { status, body } = await get('query_range', {
      query: 'avg(openmanager_cpu_usage_percent)',
      start: String(start),
      end: String(end),
      step: '60',
    });
    expect(status).toBe(200);
    expect(body.data.resultType).toBe('matrix');
    const [series] = body.data.result;
    expect(series.metric).toEqual({});
    expect(series.values.map(([t]: [number]) => t)).toEqual(Array.from({ length: 61 }, (_, i) => start + i * 60));
    expect(series.values.every(([, v]: [number, string]) => Number(v) > 0 && Number(v) < 100)).toBe(true);
  });

  test('query_range: step as a duration, RFC 3339 times, one series per server', async () => {
    const end = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const start = new Date(end.getTime() - 30 * 60_000);
    const { body } = await get('query_range', {
      query: 'openmanager_load1{provider="kubernetes"}',
      start: start.toISOString(),
      end: end.toISOString(),
      step: '5m',
    });
    expect(body.data.result).toHaveLength(10);
    for (const s of body.data.result) expect(s.values).toHaveLength(7);
  });

  test('GET and a form-encoded POST give the same answers', async () => {
    const time = String(Math.floor(nowS()) - 120);
    const params = { query: 'sum by (role) (openmanager_network_receive_bytes_per_second{provider="onprem"})', time };
    const [viaGet, viaPost] = [await get('query', params), await post('query', params)];
    expect(viaPost).toEqual(viaGet);
    expect(vector(viaPost.body).length).toBe(8);
    const range = {
      query: 'openmanager_up{server=~"WEB.*"}',
      start: String(Number(time) - 600),
      end: time,
      step: '120',
    };
    expect(await post('query_range', range)).toEqual(await get('query_range', range));
    const matchers = { 'match[]': ['openmanager_up{role="web"}', 'openmanager_load1{server="DB-EU-001"}'] };
    expect(await post('series', matchers)).toEqual(await get('series', matchers));
    expect(await post('labels', matchers)).toEqual(await get('labels', matchers));
  });

  test('the labelled series answer by their names: S6 postfix down, S7 restarts, pods on the Kubernetes nodes, volumes on AWS', async () => {
    const time = String(Math.floor(nowS()));
    const down = vector((await get('query', { query: 'openmanager_service_up == 0', time })).body);
    expect(down.map((s) => `${s.metric.server} ${s.metric.service}`)).toEqual(['ONPREM-MAIL-01 postfix.service']);
    expect(down[0].metric).toMatchObject({ provider: 'onprem', role: expect.any(String), region: expect.any(String) });

    const phases = vector((await get('query', { query: 'count by (provider) (openmanager_pod_status)', time })).body);
    expect(phases.map((s) => s.metric.provider)).toEqual(['kubernetes']);
    const payments = vector(
      (await get('query', { query: 'openmanager_pod_status{namespace="payments",pod="payment-api-7d9f"}', time })).body
    );
    expect(payments.map((s) => [s.metric.server, s.metric.phase, s.value[1]])).toEqual([
      ['K8S-WORKER-03', 'Running', '1'],
    ]);

    const volumes = vector(
      (await get('query', { query: 'count by (provider) (openmanager_volume_read_bytes_per_second)', time })).body
    );
    expect(volumes.map((s) => s.metric.provider)).toEqual(['aws']);
  });

  test('labels, label values and series, honouring match[], start and end', async () => {
    // the labelled series (pods, services, volumes, application metrics) bring their own labels
    expect((await get('labels')).body).toEqual({
      status: 'success',
      data: [
        '__name__',
        'app',
        'database',
        'namespace',
        'phase',
        'pod',
        'provider',
        'region',
        'role',
        'server',
        'service',
        'volume',
      ],
    });
    const names = (await get('label/__name__/values')).body.data as string[];
    expect(names.filter((n) => METRICS.includes(n))).toEqual(METRICS);
    expect(names.filter((n) => !METRICS.includes(n))).toEqual([...SERIES_IN_DUMMY_MODE].sort());
    expect((await get('labels', { 'match[]': 'openmanager_up' })).body.data).toEqual([
      '__name__',
      'provider',
      'region',
      'role',
      'server',
    ]);
    expect((await get('label/provider/values')).body.data).toEqual(['aws', 'kubernetes', 'onprem']);
    const onprem = (await get('label/server/values', { 'match[]': 'openmanager_up{provider="onprem"}' })).body.data;
    expect(onprem).toEqual(CONTRACT_SERVER_IDS.filter((id) => id.startsWith('ONPREM')).sort());
    // WEB-US-003 stopped reporting before the last five minutes.
    const recent = (
      await get('label/server/values', {
        'match[]': 'openmanager_up',
        start: String(nowS() - 300),
        end: String(nowS()),
      })
    ).body.data;
    expect(recent).toHaveLength(29);
    expect(recent).not.toContain('WEB-US-003');
    expect(
      (
        await get('label/server/values', {
          'match[]': 'openmanager_up',
          start: String(nowS() - 3 * 3600),
          end: String(nowS() - 2.5 * 3600),
        })
      ).body.data
    ).toEqual([]);
    const series = (await get('series', { 'match[]': 'openmanager_cpu_usage_percent{server=~"DB-EU-.*"}' })).body.data;
    expect(series).toEqual([
      {
        __name__: 'openmanager_cpu_usage_percent',
        provider: 'aws',
        region: 'eu-west-1',
        role: 'database',
        server: 'DB-EU-001',
      },
      {
        __name__: 'openmanager_cpu_usage_percent',
        provider: 'aws',
        region: 'eu-west-1',
        role: 'database',
        server: 'DB-EU-002',
      },
    ]);
    expect((await get('label/nope/values')).body.data).toEqual([]);
  });

  test('limit truncates with Prometheus warning', async () => {
    expect((await get('label/server/values', { limit: '3' })).body).toEqual({
      status: 'success',
      data: ['API-US-001', 'API-US-002', 'BATCH-AP-001'],
      warnings: ['results truncated due to limit'],
    });
  });

  test('metadata describes the 8 metrics as gauges with help and unit', async () => {
    const { body } = await get('metadata');
    expect(Object.keys(body.data).sort()).toEqual(METRICS);
    expect(body.data.openmanager_cpu_usage_percent).toEqual([
      { type: 'gauge', help: expect.stringContaining('CPU'), unit: 'percent' },
    ]);
    expect(body.data.openmanager_uptime_seconds[0].unit).toBe('seconds');
    expect(Object.keys((await get('metadata', { metric: 'openmanager_up' })).body.data)).toEqual(['openmanager_up']);
    expect(Object.keys((await get('metadata', { limit: '2' })).body.data)).toHaveLength(2);
  });

  test('buildinfo answers a Prometheus version, so Grafana detects a compatible server', async () => {
    const { status, body } = await get('status/buildinfo');
    expect(status).toBe(200);
    expect(body.data.version).toMatch(/^2\.\d+\.\d+$/);
  });

  test('query_exemplars: none stored, an empty list', async () => {
    expect(
      (await get('query_exemplars', { query: 'openmanager_up', start: String(nowS() - 60), end: String(nowS()) })).body
    ).toEqual({ status: 'success', data: [] });
  });

  test.each([
    [
      'query',
      { query: 'sum(' },
      400,
      'bad_data',
      'invalid parameter "query": 1:5: parse error: unexpected end of input',
    ],
    ['query', {}, 400, 'bad_data', 'invalid parameter "query": 1:1: parse error: no expression found in input'],
    [
      'query',
      { query: 'openmanager_up', time: 'soon' },
      400,
      'bad_data',
      'invalid parameter "time": cannot parse "soon" to a valid timestamp',
    ],
    [
      'query',
      { query: 'histogram_quantile(0.9, openmanager_up)' },
      400,
      'bad_data',
      'invalid parameter "query": the function "histogram_quantile" is not supported by OpenManager\'s PromQL engine',
    ],
    [
      'query',
      { query: 'abs({__name__=~"openmanager_(cpu|memory)_usage_percent"})' },
      422,
      'execution',
      'vector cannot contain metrics with the same labelset',
    ],
    [
      'query_range',
      { query: 'openmanager_up', end: '100', step: '10' },
      400,
      'bad_data',
      'invalid parameter "start": cannot parse "" to a valid timestamp',
    ],
    [
      'query_range',
      { query: 'openmanager_up', start: '0', end: '100' },
      400,
      'bad_data',
      'invalid parameter "step": cannot parse "" to a valid duration',
    ],
    [
      'query_range',
      { query: 'openmanager_up', start: '0', end: '110010', step: '10' },
      400,
      'bad_data',
      'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    ],
    [
      'query_range',
      { query: 'openmanager_up[5m]', start: '0', end: '100', step: '10' },
      400,
      'bad_data',
      'invalid expression type "range vector" for range query, must be Scalar or instant Vector',
    ],
    ['series', {}, 400, 'bad_data', 'no match[] parameter provided'],
    [
      'series',
      { 'match[]': 'rate(x[5m])' },
      400,
      'bad_data',
      'invalid parameter "match[]": expected a series selector',
    ],
    ['label/not-a-name/values', {}, 400, 'bad_data', 'invalid label name: "not-a-name"'],
    ['targets', {}, 404, 'not_found', 'no Prometheus API endpoint GET /prometheus/api/v1/targets in OpenManager'],
  ])("%s %p → %i %s in Prometheus's error shape", async (path, params, status, errorType, message) => {
    const res = await get(path, params as Record<string, string>);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ status: 'error', errorType, error: expect.stringContaining(message) });
  });
});

describe('Prometheus API with API_KEYS set', () => {
  let service: RunningService;
  const READ = 'read-secret-1234';
  const ADMIN = 'admin-secret-456';
  beforeAll(async () => {
    service = await startTestService({ env: { API_KEYS: `grafana:read:${READ},ops:admin:${ADMIN}` } });
  }, 60_000);
  afterAll(() => service.close());

  test.each([
    ['no key', {}, 401, 'missing API key: send Authorization: Bearer <key>'],
    ['a wrong key', bearer('not-the-key'), 401, 'API key not recognised'],
  ])("%s → 401, in Prometheus's error shape", async (_, headers, status, message) => {
    for (const path of ['query?query=1', 'labels', 'status/buildinfo']) {
      const res = await service.app.request(`${BASE}/${path}`, { headers });
      expect(res.status).toBe(status);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      expect(await res.json()).toEqual({ status: 'error', errorType: 'unauthorized', error: message });
    }
  });

  test.each([
    ['a read key', READ],
    ['an admin key', ADMIN],
  ])('%s reads (Grafana sends it as Authorization: Bearer)', async (_, key) => {
    const res = await service.app.request(`${BASE}/query`, {
      method: 'POST',
      headers: { ...FORM, ...bearer(key) },
      body: 'query=1%2B1',
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Body).data).toEqual({ resultType: 'scalar', result: [expect.any(Number), '2'] });
  });
});
