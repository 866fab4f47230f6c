/** Labelled series read everywhere: /prometheus selectors and label endpoints, /api/query `series` targets, /api/series. */
import type { DataFrameJson, QueryAnswer } from '@openmanager/contract';
import type { MetricCollector } from '../../src/domain/collector';
import type { SeriesSample } from '../../src/domain/series';
import type { RunningService } from '../../src/service';
import { sample, serverInfo } from '../support/samples';
import {
  createTestDatabase,
  deleteRedisPrefix,
  REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '../support/services';
import { startTestService } from '../support/test-service';

const MINUTE = 60_000;
const MAIL = serverInfo('ONPREM-MAIL-01', { provider: 'onprem', region: 'seoul-dc1', role: 'mail' });
const WORKER = serverInfo('K8S-WORKER-03', { provider: 'kubernetes', region: 'ap-northeast-2', role: 'worker' });
/** postfix went down this many minutes ago; sshd stayed up. */
const POSTFIX_DOWN_MIN = 10;

/** 21 minutes of labelled series of two servers, all handed over in one collection run. */
function fleetSeries(nowMs: number): SeriesSample[] {
  const out: SeriesSample[] = [];
  for (let m = 20; m >= 0; m--) {
    const timestamp = new Date(nowMs - m * MINUTE);
    const at = (serverId: string, name: string, labels: Record<string, string>, value: number) =>
      out.push({ serverId, name, labels, timestamp, value });
    at(MAIL.id, 'openmanager_service_up', { service: 'postfix.service' }, m > POSTFIX_DOWN_MIN ? 1 : 0);
    at(MAIL.id, 'openmanager_service_up', { service: 'sshd.service' }, 1);
    at(MAIL.id, 'openmanager_app_queue_depth', { queue: 'outgoing' }, 100 + (20 - m) * 10);
    const pod = { namespace: 'payments', pod: 'payment-api-7d9f' };
    at(WORKER.id, 'openmanager_pod_restarts_total', pod, Math.floor((20 - m) / 5));
    at(WORKER.id, 'openmanager_pod_status', { ...pod, phase: 'Running' }, 1);
    at(WORKER.id, 'openmanager_pod_status', { ...pod, phase: 'Failed' }, 0);
  }
  return out;
}

function collector(nowMs: number): MetricCollector {
  const servers = [MAIL, WORKER];
  return {
    name: 'test',
    getServerList: async () => servers,
    collectMetrics: async () => null,
    isServerOnline: async () => true,
    collectAll: async () => ({
      servers,
      samples: servers.map((s) => sample(s.id, nowMs)),
      unreachable: [],
      series: fleetSeries(nowMs),
    }),
  };
}

type PromBody = { status: string; data?: any; errorType?: string; error?: string };

async function startWithSeries(env: Record<string, string> = {}) {
  const now = Date.now();
  const service = await startTestService({ env, collectors: [collector(now)] });
  await service.context.manager.tick();
  return { service, now };
}

function client(service: RunningService) {
  return {
    prom: async (path: string, params: Record<string, string | string[]>) => {
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) search.append(k, one);
      const res = await service.app.request(`/prometheus/api/v1/${path}?${search}`);
      return { status: res.status, body: (await res.json()) as PromBody };
    },
    query: async (body: unknown) => {
      const res = await service.app.request('/api/query', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
      return { status: res.status, body: (await res.json()) as QueryAnswer & { error?: { message: string } } };
    },
    get: async (path: string) => {
      const res = await service.app.request(path);
      return { status: res.status, body: (await res.json()) as any };
    },
  };
}

const frames = (answer: QueryAnswer, refId: string) => {
  const result = answer.results[refId];
  if (!('frames' in result)) throw new Error(`target ${refId} failed: ${result.error}`);
  return result.frames;
};
const valuesOf = (frame: DataFrameJson) => frame.data.values[1] as Array<number | null>;

describe('labelled series on a service that collected them (PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let prefix: string;
  let service: RunningService;
  let now: number;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    db = await createTestDatabase();
    prefix = uniqueRedisPrefix();
    ({ service, now } = await startWithSeries({ DATABASE_URL: db.url, REDIS_URL, REDIS_KEY_PREFIX: prefix }));
    api = client(service);
  }, 120_000);
  afterAll(async () => {
    await service.close();
    await deleteRedisPrefix(prefix);
    await db.drop();
  });

  describe('/prometheus', () => {
    test('openmanager_service_up{service="postfix.service"}: the server labels and its own, 0 now and 1 before it went down', async () => {
      const ask = (timeMs: number) =>
        api.prom('query', { query: 'openmanager_service_up{service="postfix.service"}', time: String(timeMs / 1000) });
      const nowAnswer = await ask(now);
      expect(nowAnswer.status).toBe(200);
      expect(nowAnswer.body.data.result).toEqual([
        {
          metric: {
            __name__: 'openmanager_service_up',
            server: 'ONPREM-MAIL-01',
            provider: 'onprem',
            region: 'seoul-dc1',
            role: 'mail',
            service: 'postfix.service',
          },
          value: [now / 1000, '0'],
        },
      ]);
      const before = await ask(now - 15 * MINUTE);
      expect(before.body.data.result.map((s: any) => s.value[1])).toEqual(['1']);
    });

    test('PromQL over them: the services down, a sum by service, the restarts of a pod over a range', async () => {
      const down = await api.prom('query', { query: 'openmanager_service_up == 0', time: String(now / 1000) });
      expect(down.body.data.result.map((s: any) => s.metric.service)).toEqual(['postfix.service']);

      const byRole = await api.prom('query', {
        query: 'sum by (role, service) (openmanager_service_up)',
        time: String(now / 1000),
      });
      expect(byRole.body.data.result.map((s: any) => [s.metric.service, s.value[1]]).sort()).toEqual([
        ['postfix.service', '0'],
        ['sshd.service', '1'],
      ]);

      const restarts = await api.prom('query_range', {
        query: 'openmanager_pod_restarts_total{namespace="payments", role="worker"}',
        start: String((now - 20 * MINUTE) / 1000),
        end: String(now / 1000),
        step: '300',
      });
      expect(restarts.status).toBe(200);
      const [series, ...rest] = restarts.body.data.result;
      expect(rest).toEqual([]);
      expect(series.metric).toMatchObject({ server: 'K8S-WORKER-03', pod: 'payment-api-7d9f', provider: 'kubernetes' });
      expect(series.values.map((v: [number, string]) => v[1])).toEqual(['0', '1', '2', '3', '4']);
    });

    test('/series, /labels and /label/<name>/values list them beside the host metrics', async () => {
      const series = await api.prom('series', { 'match[]': 'openmanager_service_up' });
      expect(series.body.data.map((s: any) => s.service).sort()).toEqual(['postfix.service', 'sshd.service']);
      expect(series.body.data[0]).toMatchObject({ server: 'ONPREM-MAIL-01', role: 'mail' });

      const labels = (await api.prom('labels', {})).body.data as string[];
      for (const label of ['service', 'namespace', 'pod', 'phase', 'queue', 'server', 'role'])
        expect(labels).toContain(label);

      const names = (await api.prom('label/__name__/values', {})).body.data as string[];
      for (const name of [
        'openmanager_app_queue_depth',
        'openmanager_pod_restarts_total',
        'openmanager_pod_status',
        'openmanager_service_up',
        'openmanager_cpu_usage_percent',
      ])
        expect(names).toContain(name);

      const phases = await api.prom('label/phase/values', { 'match[]': '{namespace="payments"}' });
      expect(phases.body.data).toEqual(['Failed', 'Running']);
    });
    test('times past what storage holds are answered, not a 500 (found by the read fuzzing)', async () => {
      const far = await api.prom('label/__name__/values', { start: '1.7976931348623157e+308' });
      expect(far.status).toBe(200);
      expect(far.body.data).toEqual([]); // nothing is that new
      const past = await api.prom('query', { query: 'count({service=~".+"})', time: '-1e+30' });
      expect(past.status).toBe(200);
      expect(past.body.data.result).toEqual([]);
    });
  });

  describe('POST /api/query, queryType series', () => {
    const target = (over: Record<string, unknown>) => ({
      range: { from: now - 30 * MINUTE, to: now + 1 },
      intervalMs: MINUTE,
      maxDataPoints: 1000,
      targets: [{ refId: 'A', queryType: 'series', series: 'openmanager_service_up', ...over }],
    });

    test('one frame per series with the server labels and its own, one point per minute', async () => {
      const { status, body } = await api.query(target({}));
      expect(status).toBe(200);
      const fs = frames(body, 'A');
      expect(fs.map((f) => f.schema.name)).toEqual([
        'ONPREM-MAIL-01 service=postfix.service',
        'ONPREM-MAIL-01 service=sshd.service',
      ]);
      expect(fs[0].schema.fields[1]).toMatchObject({
        name: 'openmanager_service_up',
        type: 'number',
        labels: {
          server: 'ONPREM-MAIL-01',
          provider: 'onprem',
          region: 'seoul-dc1',
          role: 'mail',
          service: 'postfix.service',
        },
      });
      const postfix = valuesOf(fs[0]);
      expect(postfix).toHaveLength(21);
      expect(postfix.filter((v) => v === 0)).toHaveLength(POSTFIX_DOWN_MIN + 1);
    });

    test('label filters (regex on an own label, a server label), servers and alias narrow and name them', async () => {
      const { body } = await api.query(
        target({
          servers: ['ONPREM-MAIL-01'],
          labels: [
            { label: 'service', operator: '=~', value: 'post.*' },
            { label: 'role', operator: '=', value: 'mail' },
          ],
          alias: '{{service}} on {{server}}',
        })
      );
      expect(frames(body, 'A').map((f) => f.schema.name)).toEqual(['postfix.service on ONPREM-MAIL-01']);

      const other = await api.query(target({ servers: ['K8S-WORKER-03'] }));
      const [empty] = frames(other.body, 'A');
      expect(empty.schema.fields).toEqual([]);
      expect(empty.schema.meta?.notices?.[0].text).toMatch(/^no openmanager_service_up samples between/);
    });

    test('never more points per series than maxDataPoints, bucketed with the aggregation', async () => {
      const { body } = await api.query({
        ...target({ series: 'openmanager_app_queue_depth', aggregation: 'max' }),
        maxDataPoints: 4,
        intervalMs: undefined,
      });
      const [queue] = frames(body, 'A');
      const values = valuesOf(queue);
      expect(values.length).toBeLessThanOrEqual(4);
      expect(Math.max(...values.map(Number))).toBe(300);
    });

    test('bad input answers that target with a 400 naming what is wrong; the others still answer', async () => {
      const { status, body } = await api.query({
        range: { from: now - 30 * MINUTE, to: now },
        targets: [
          { refId: 'A', queryType: 'series' },
          {
            refId: 'B',
            queryType: 'series',
            series: 'openmanager_service_up',
            labels: [{ label: 'bad-name', value: 'x' }],
          },
          {
            refId: 'C',
            queryType: 'series',
            series: 'openmanager_service_up',
            labels: [{ label: 'service', operator: '=~', value: '(' }],
          },
          { refId: 'D', queryType: 'series', series: 'not a name' },
          { refId: 'E', queryType: 'series', series: 'openmanager_service_up' },
        ],
      });
      expect(status).toBe(200);
      expect(body.results.A).toEqual({
        error: expect.stringMatching(/^targets\[0\]\.series: expected a series name/),
        status: 400,
      });
      expect(body.results.B).toEqual({
        error: expect.stringMatching(/^targets\[1\]\.labels.*label name/),
        status: 400,
      });
      expect(body.results.C).toEqual({
        error: expect.stringMatching(/^label service: "\(" is not a usable regular expression/),
        status: 400,
      });
      expect(body.results.D).toEqual({
        error: expect.stringMatching(/^targets\[3\]\.series: expected a series name/),
        status: 400,
      });
      expect(frames(body, 'E')).toHaveLength(2);
    });
  });

  describe('GET /api/series and /api/series/labels', () => {
    test('names every stored series', async () => {
      const { status, body } = await api.get('/api/series');
      expect(status).toBe(200);
      expect([...body.names].sort()).toEqual([
        'openmanager_app_queue_depth',
        'openmanager_pod_restarts_total',
        'openmanager_pod_status',
        'openmanager_service_up',
      ]);
    });

    test("a label's values on a series: its own labels and the server labels", async () => {
      const services = await api.get('/api/series/labels?name=openmanager_service_up&label=service');
      expect(services).toEqual({
        status: 200,
        body: { name: 'openmanager_service_up', label: 'service', values: ['postfix.service', 'sshd.service'] },
      });
      const servers = await api.get('/api/series/labels?name=openmanager_pod_status&label=server');
      expect(servers.body.values).toEqual(['K8S-WORKER-03']);
    });

    test('a missing or malformed parameter is a 400 naming it', async () => {
      const noName = await api.get('/api/series/labels?label=service');
      expect(noName.status).toBe(400);
      expect(noName.body.error.message).toMatch(/^name: /);
      const badLabel = await api.get('/api/series/labels?name=openmanager_service_up&label=a-b');
      expect(badLabel.status).toBe(400);
      expect(badLabel.body.error.message).toMatch(/^label: expected a label name/);
    });
  });
});

describe('labelled series reads under QUERY_MAX_SAMPLES (embedded storage)', () => {
  let service: RunningService;
  let now: number;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    ({ service, now } = await startWithSeries({ QUERY_MAX_SAMPLES: '30' }));
    api = client(service);
  }, 120_000);
  afterAll(() => service.close());

  test('a PromQL range over more series samples than allowed is a 422 naming the limit', async () => {
    const { status, body } = await api.prom('query_range', {
      query: 'openmanager_pod_status',
      start: String((now - 20 * MINUTE) / 1000),
      end: String(now / 1000),
      step: '60',
    });
    expect(status).toBe(422);
    expect(body).toMatchObject({ status: 'error', errorType: 'execution' });
    expect(body.error).toContain('QUERY_MAX_SAMPLES=30');
  });

  test('a series target loading more samples than allowed is a 422 naming the limit; a small one answers', async () => {
    const over = await api.query({
      range: { from: now - 30 * MINUTE, to: now + 1 },
      targets: [{ refId: 'A', queryType: 'series', series: 'openmanager_pod_status' }],
    });
    expect(over.status).toBe(422);
    expect(over.body.error?.message).toContain('QUERY_MAX_SAMPLES=30');

    const small = await api.query({
      range: { from: now - 5 * MINUTE, to: now + 1 },
      targets: [{ refId: 'A', queryType: 'series', series: 'openmanager_app_queue_depth' }],
    });
    expect(small.status).toBe(200);
    expect(valuesOf(frames(small.body, 'A')[0]).length).toBeGreaterThan(0);
  });
});
