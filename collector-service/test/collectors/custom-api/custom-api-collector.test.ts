/** CustomApiCollector against a scripted on-prem API: what it asks, what it builds, and every malformed answer refused. */
import {
  CustomApiCollector,
  type CustomApiCollectorOptions,
} from '../../../src/collectors/custom-api/custom-api-collector';
import { DEFAULT_THRESHOLDS } from '../../../src/domain/thresholds';
import {
  startScriptedServer,
  type RecordedRequest,
  type ScriptedAnswer,
  type ScriptedServer,
} from '../support/scripted-server';

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const reading = (id: string, overrides: Record<string, unknown> = {}) => ({
  server_id: id,
  timestamp: '2026-11-26T09:00:00.000Z',
  cpu_usage: 20,
  memory_usage: 50,
  disk_usage: 30,
  network_in_bytes: 1500,
  network_out_bytes: 700,
  load_1m: 0.7,
  uptime_seconds: 3600,
  ...overrides,
});

interface FakeApi {
  servers?: unknown;
  metrics?: (id: string) => unknown;
  online?: (id: string) => boolean;
  /** Answers for a path, overriding the defaults. */
  override?: (request: RecordedRequest) => ScriptedAnswer | undefined;
}

async function collectorFor(api: FakeApi, options: Partial<CustomApiCollectorOptions> = {}) {
  server = await startScriptedServer((request) => {
    const custom = api.override?.(request);
    if (custom) return custom;
    const match = /^\/api\/servers(?:\/([^/]+)\/(status|metrics))?$/.exec(request.path);
    if (!match) return { status: 404, body: { error: { code: 'not_found', message: request.path } } };
    const [, encodedId, what] = match;
    if (!encodedId) return { body: api.servers ?? { servers: [] } };
    const id = decodeURIComponent(encodedId);
    if (what === 'status')
      return { body: { server_id: id, online: api.online?.(id) ?? true, checked_at: '2026-11-26T09:00:01Z' } };
    return { body: api.metrics?.(id) ?? reading(id) };
  });
  return new CustomApiCollector({
    endpoint: server.url,
    apiKey: 'collector-key-0123',
    thresholds: DEFAULT_THRESHOLDS,
    ...options,
  });
}

const entries = (...ids: string[]) => ({ servers: ids.map((id) => ({ id, region: 'seoul-dc1', role: 'web' })) });
const run = (c: CustomApiCollector) => c.collectAll(new AbortController().signal);

test('collects every server: inventory as onprem, samples from the answers, status from thresholds', async () => {
  const collector = await collectorFor({
    servers: {
      servers: [
        { id: 'ONPREM-WEB-01', region: 'seoul-dc1', role: 'web', labels: { rack: 'r4' } },
        { id: 'ONPREM-DB-01', region: 'seoul-dc1', role: 'database' },
      ],
    },
    metrics: (id) => reading(id, id === 'ONPREM-DB-01' ? { cpu_usage: 88, load_1m: null } : {}),
  });
  const { servers, samples, unreachable } = await run(collector);
  expect(servers).toEqual([
    {
      id: 'ONPREM-WEB-01',
      provider: 'onprem',
      region: 'seoul-dc1',
      role: 'web',
      collector: 'custom-api',
      labels: { rack: 'r4' },
    },
    {
      id: 'ONPREM-DB-01',
      provider: 'onprem',
      region: 'seoul-dc1',
      role: 'database',
      collector: 'custom-api',
      labels: {},
    },
  ]);
  expect(unreachable).toEqual([]);
  expect(samples[0]).toEqual({
    serverId: 'ONPREM-WEB-01',
    timestamp: new Date('2026-11-26T09:00:00.000Z'),
    cpuUsage: 20,
    memoryUsage: 50,
    diskUsage: 30,
    networkInBytes: 1500,
    networkOutBytes: 700,
    load1m: 0.7,
    uptimeSeconds: 3600,
    status: 'online',
    rawData: { source: 'custom-api', answer: reading('ONPREM-WEB-01') },
  });
  expect(samples[1]).toMatchObject({ cpuUsage: 88, load1m: null, status: 'critical' });
  expect(
    server!.requests.every((r) => r.method === 'GET' && r.headers.authorization === 'Bearer collector-key-0123')
  ).toBe(true);
});

test('a server the API reports offline, or no longer knows, is unreachable and gets no sample', async () => {
  const collector = await collectorFor({
    servers: entries('a', 'b', 'gone'),
    online: (id) => id !== 'b',
    override: (r) =>
      r.path.startsWith('/api/servers/gone/')
        ? { status: 404, body: { error: { code: 'not_found', message: 'gone' } } }
        : undefined,
  });
  const { samples, unreachable } = await run(collector);
  expect(samples.map((s) => s.serverId)).toEqual(['a']);
  expect(unreachable).toEqual(['b', 'gone']);
  expect(server!.requests.some((r) => r.path === '/api/servers/b/metrics')).toBe(false);
  expect(await collector.isServerOnline('b')).toBe(false);
  expect(await collector.collectMetrics('b')).toBeNull();
});

describe('services, volumes and application metrics become labelled series', () => {
  const at = new Date('2026-11-26T09:00:00.000Z');
  const report = (id: string) =>
    reading(id, {
      services: [
        { name: 'postfix.service', state: 'failed', since: '2026-11-26T07:00:00Z' },
        { name: 'nginx.service', state: 'active', since: '2026-11-20T00:00:00Z' },
        { name: 'W3SVC', state: 'reloading' },
        { name: 'cron.service', state: 'inactive', since: null },
      ],
      volumes: [{ name: 'nvme0n1', read_bytes_per_second: 4096, write_bytes_per_second: 512.5 }],
      app_metrics: [
        { name: 'http_requests_total', labels: { code: '200', method: 'GET' }, value: 1027 },
        { name: 'queue:depth', value: 3 },
      ],
    });

  test('one series per service (1 up, 0 not), two per volume, one per application metric, at the reading time', async () => {
    const collector = await collectorFor({
      servers: entries('ONPREM-MAIL-01', 'quiet'),
      metrics: (id) => (id === 'quiet' ? reading(id) : report(id)),
    });
    const { series = [], samples } = await run(collector);
    const one = (name: string, labels: Record<string, string>, value: number) => ({
      serverId: 'ONPREM-MAIL-01',
      name,
      labels,
      timestamp: at,
      value,
    });
    expect(series).toEqual([
      one('openmanager_service_up', { service: 'postfix.service' }, 0),
      one('openmanager_service_up', { service: 'nginx.service' }, 1),
      one('openmanager_service_up', { service: 'W3SVC' }, 1),
      one('openmanager_service_up', { service: 'cron.service' }, 0),
      one('openmanager_volume_read_bytes_per_second', { volume: 'nvme0n1' }, 4096),
      one('openmanager_volume_write_bytes_per_second', { volume: 'nvme0n1' }, 512.5),
      one('openmanager_app_http_requests_total', { code: '200', method: 'GET' }, 1027),
      one('openmanager_app_queue:depth', {}, 3),
    ]);
    expect(samples[0].rawData).toEqual({ source: 'custom-api', answer: reading('ONPREM-MAIL-01') });
  });

  test('a bad entry is dropped with its reason in raw data; the reading and the other entries are kept', async () => {
    const collector = await collectorFor({
      servers: entries('a'),
      metrics: (id) =>
        reading(id, {
          services: [
            { name: 'ok.service', state: 'active' },
            { name: 'odd.service', state: 'running' },
            { name: 'ok.service', state: 'failed' },
          ],
          volumes: [{ name: 'sda', read_bytes_per_second: -3, write_bytes_per_second: 0 }, 'sdb'],
          app_metrics: [
            { name: 'http-requests', value: 1 },
            { name: 'up', labels: { server: 'spoof' }, value: 1 },
            { name: 'jobs_done', labels: { 'job.kind': 'x' }, value: 1 },
            { name: 'temperature_celsius', value: 21.5 },
          ],
        }),
    });
    const { samples, series = [] } = await run(collector);
    expect(samples).toHaveLength(1);
    expect(samples[0]).toMatchObject({ cpuUsage: 20, status: 'online' });
    expect(series.map((s) => `${s.name} ${JSON.stringify(s.labels)} ${s.value}`)).toEqual([
      'openmanager_service_up {"service":"ok.service"} 1',
      'openmanager_app_temperature_celsius {} 21.5',
    ]);
    expect(samples[0].rawData.rejected).toEqual([
      { field: 'services[1].state', reason: expect.stringMatching(/^expects one of active, reloading, /) },
      { field: 'services[2]', reason: 'repeats an earlier entry (ok.service)' },
      { field: 'volumes[0].read_bytes_per_second', reason: 'expects bytes per second, 0 or more' },
      { field: 'volumes[1]', reason: expect.any(String) },
      { field: 'app_metrics[0].name', reason: 'expects a Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)' },
      {
        field: 'app_metrics[1].labels',
        reason: 'label "server": the labels server, provider, region, role are the server\'s own',
      },
      {
        field: 'app_metrics[2].labels',
        reason: 'label "job.kind": expects a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)',
      },
    ]);
  });

  test('past the bound, the first entries are kept and the rest dropped with one reason', async () => {
    const many = Array.from({ length: 1003 }, (_, i) => ({ name: `unit-${i}.service`, state: 'active' }));
    const collector = await collectorFor({ servers: entries('a'), metrics: (id) => reading(id, { services: many }) });
    const { series = [], samples } = await run(collector);
    expect(series).toHaveLength(1000);
    expect(series.at(-1)!.labels).toEqual({ service: 'unit-999.service' });
    expect(samples[0].rawData.rejected).toEqual([
      { field: 'services[1000..1002]', reason: 'more than 1000 services in one report; the rest are dropped' },
    ]);
  });

  test('a list that is not a list makes the answer malformed', async () => {
    const collector = await collectorFor({
      servers: entries('a'),
      metrics: (id) => reading(id, { volumes: { sda: 1 } }),
    });
    await expect(run(collector)).rejects.toThrow(
      'on-prem API answer to GET /api/servers/a/metrics is malformed: volumes: expects a list'
    );
  });
});

test('ids are URL-encoded and a path prefix of the endpoint is kept', async () => {
  server = await startScriptedServer((r) =>
    r.path === '/onprem/api/servers'
      ? { body: entries('rack 1/host#2') }
      : r.path.endsWith('/status')
        ? { body: { server_id: 'rack 1/host#2', online: true, checked_at: '2026-11-26T09:00:01Z' } }
        : { body: reading('rack 1/host#2') }
  );
  const collector = new CustomApiCollector({ endpoint: `${server.url}/onprem/`, thresholds: DEFAULT_THRESHOLDS });
  const { samples } = await run(collector);
  expect(samples).toHaveLength(1);
  expect(server.requests.map((r) => r.path)).toEqual([
    '/onprem/api/servers',
    '/onprem/api/servers/rack%201%2Fhost%232/status',
    '/onprem/api/servers/rack%201%2Fhost%232/metrics',
  ]);
  expect(server.requests[0].headers.authorization).toBeUndefined();
});

test('asks about at most `concurrency` servers at once', async () => {
  const DELAY_MS = 40;
  let inFlight = 0;
  let most = 0;
  const ids = Array.from({ length: 12 }, (_, i) => `h${i}`);
  const collector = await collectorFor(
    {
      servers: entries(...ids),
      override: (r) => {
        const [, , , id, what] = r.path.split('/');
        if (!what) return undefined;
        inFlight++;
        most = Math.max(most, inFlight);
        setTimeout(() => inFlight--, DELAY_MS - 5);
        const body =
          what === 'status' ? { server_id: id, online: true, checked_at: '2026-11-26T09:00:01Z' } : reading(id);
        return { body, delayMs: DELAY_MS };
      },
    },
    { concurrency: 3 }
  );
  const { samples } = await run(collector);
  expect(samples).toHaveLength(12);
  expect(most).toBe(3);
});

describe('a malformed answer is a collector error naming the field, and nothing is returned', () => {
  test.each([
    [
      'an entry without a role',
      { servers: { servers: [{ id: 'a', region: 'x' }] } },
      /^on-prem API answer to GET \/api\/servers is malformed: servers\[0\]\.role: /,
    ],
    [
      'a duplicate server id',
      { servers: entries('a', 'b', 'a') },
      'on-prem API answer to GET /api/servers is malformed: servers[2].id: duplicate server id "a"',
    ],
    ['no servers list', { servers: { hosts: [] } }, /is malformed: servers: /],
    [
      'cpu above 100 %',
      { metrics: (id: string) => reading(id, { cpu_usage: 150 }) },
      /^on-prem API answer to GET \/api\/servers\/a\/metrics is malformed: cpu_usage: Too big/,
    ],
    [
      'memory as a string',
      { metrics: (id: string) => reading(id, { memory_usage: '50' }) },
      /is malformed: memory_usage: /,
    ],
    [
      'a missing reading',
      { metrics: (id: string) => (({ disk_usage: _d, ...rest }) => rest)(reading(id)) },
      /is malformed: disk_usage: /,
    ],
    [
      'a bad timestamp',
      { metrics: (id: string) => reading(id, { timestamp: '26/11/2026' }) },
      'is malformed: timestamp: expects an ISO-8601 date-time',
    ],
    [
      'negative traffic',
      { metrics: (id: string) => reading(id, { network_out_bytes: -5 }) },
      /is malformed: network_out_bytes: Too small/,
    ],
    [
      "another server's reading",
      { metrics: () => reading('b') },
      'on-prem API answer to GET /api/servers/a/metrics is malformed: server_id: expects "a", got "b"',
    ],
    [
      'online as a string',
      {
        override: (r: RecordedRequest) =>
          r.path.endsWith('/status')
            ? { body: { server_id: 'a', online: 'yes', checked_at: '2026-11-26T09:00:00Z' } }
            : undefined,
      },
      /status is malformed: online: /,
    ],
    [
      'a body that is not JSON',
      { override: (r: RecordedRequest) => (r.path.endsWith('/metrics') ? { body: 'cpu=20' } : undefined) },
      /^on-prem API at http:\/\/127\.0\.0\.1:\d+ answered HTTP 200 with a body that is not JSON: "cpu=20"$/,
    ],
  ])('%s', async (_case, api, message) => {
    const collector = await collectorFor({ servers: entries('a'), ...(api as FakeApi) });
    await expect(run(collector)).rejects.toThrow(message);
  });
});

describe('failures of the API are errors that say what happened', () => {
  test("a refused key names ONPREM_API_KEY and carries the API's own message", async () => {
    const collector = await collectorFor({
      override: () => ({ status: 401, body: { error: { code: 'unauthorized', message: 'the key is not valid' } } }),
    });
    await expect(run(collector)).rejects.toThrow(
      'on-prem API answered HTTP 401 to GET /api/servers (check ONPREM_API_KEY): unauthorized: the key is not valid'
    );
  });

  test('a server error without the error shape', async () => {
    const collector = await collectorFor({
      override: (r) => (r.path.endsWith('/metrics') ? { status: 500, body: { oops: true } } : undefined),
      servers: entries('a'),
    });
    await expect(run(collector)).rejects.toThrow(
      'on-prem API answered HTTP 500 to GET /api/servers/a/metrics: no error body'
    );
  });

  test('a slow API times out with the limit named', async () => {
    const collector = await collectorFor(
      { override: () => ({ body: entries(), delayMs: 2000 }) },
      { requestTimeoutMs: 100 }
    );
    await expect(run(collector)).rejects.toThrow(
      /^on-prem API at http:\/\/127\.0\.0\.1:\d+ did not answer within 100 ms$/
    );
  });

  test('an API that is down is unreachable', async () => {
    const collector = await collectorFor({});
    await server!.close();
    await expect(run(collector)).rejects.toThrow(
      /^on-prem API at http:\/\/127\.0\.0\.1:\d+ is unreachable: .*ECONNREFUSED/
    );
    server = undefined;
  });
});
