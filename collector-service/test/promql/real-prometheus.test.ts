/**
 * The same samples in OpenManager and in a real Prometheus (Debian's 2.42): every expression
 * below must give the same answer from both, values equal to 1e-9 relative.
 */
import type { RunningService } from '../../src/service';
import { recordsFor } from '../support/samples';
import { startTestService } from '../support/test-service';
import { buildFixture, FIXTURE_SERVERS, toMetricFamilies, type Fixture } from './support/fixture-fleet';
import { startRealPrometheus, type RealPrometheus } from '../../src/bench/real-prometheus';

const MIN = 60_000;

type Answer = { status: number; body: any };

/** Series keyed by their labels, so answers compare whatever order each server chose. */
function normalise(body: any): unknown {
  if (body.status !== 'success') return { status: body.status, errorType: body.errorType };
  const { resultType, result } = body.data;
  if (resultType === 'scalar' || resultType === 'string') return { resultType, result };
  const key = (metric: Record<string, string>) => JSON.stringify(Object.entries(metric).sort());
  const entries = (result as any[])
    .map((r) => [key(r.metric), r.value ?? r.values] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return { resultType, series: entries };
}

const close = (a: string, b: string) => {
  if (a === b) return true;
  const [x, y] = [Number(a), Number(b)];
  return Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
};

function expectSame(ours: Answer, theirs: Answer, what: string) {
  const [o, t] = [normalise(ours.body), normalise(theirs.body)];
  const message = `${what}\nOpenManager: ${JSON.stringify(ours.body).slice(0, 1500)}\nPrometheus: ${JSON.stringify(theirs.body).slice(0, 1500)}`;
  if (ours.status !== theirs.status) throw new Error(`status ${ours.status} vs ${theirs.status}: ${message}`);
  // Values may differ in the last bits (summation order); everything else must be identical.
  const replacer = (_: string, v: unknown) => v;
  const strip = (x: unknown) => JSON.stringify(x, replacer).replace(/"(-?[\d.]+(e[+-]?\d+)?|NaN|[+-]Inf)"/g, '"#"');
  if (strip(o) !== strip(t)) throw new Error(`shape differs: ${message}`);
  const numbers = (x: unknown) =>
    [...JSON.stringify(x).matchAll(/"(-?[\d.]+(?:e[+-]?\d+)?|NaN|[+-]Inf)"/g)].map((m) => m[1]);
  const [on, tn] = [numbers(o), numbers(t)];
  on.forEach((v, i) => {
    if (!close(v, tn[i])) throw new Error(`value ${v} vs ${tn[i]}: ${message}`);
  });
}

describe('OpenManager and a real Prometheus answer PromQL alike on the same samples', () => {
  let service: RunningService;
  let prometheus: RealPrometheus;
  let fixture: Fixture;
  // Samples at …:17.300, evaluations at whole seconds: no window edge ever lands on a sample.
  const endMs = Math.floor(Date.now() / MIN) * MIN - 10 * MIN + 17_300;
  const at = (minutesBeforeEnd: number, extraSeconds = 0) =>
    String(Math.floor((endMs - minutesBeforeEnd * MIN) / 1000) + extraSeconds);

  const ours = async (path: string, params: Record<string, string>): Promise<Answer> => {
    const res = await service.app.request(`/prometheus/api/v1/${path}?${new URLSearchParams(params)}`);
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    fixture = buildFixture(endMs);
    service = await startTestService({ collectors: [] });
    await service.context.storage.store.write({
      servers: recordsFor(fixture.samples, FIXTURE_SERVERS),
      samples: fixture.samples,
    });
    prometheus = await startRealPrometheus(toMetricFamilies(fixture.samples));
  }, 60_000);
  afterAll(async () => {
    await prometheus?.close();
    await service?.close();
  });

  const INSTANT = [
    'openmanager_cpu_usage_percent',
    'openmanager_up',
    'openmanager_load1',
    '{__name__=~"openmanager_(cpu|memory)_usage_percent", provider!="aws"}',
    'openmanager_memory_usage_percent{server=~"srv-(a|o).*", role!~"web"}',
    'openmanager_cpu_usage_percent offset 17m',
    'openmanager_cpu_usage_percent offset -3m',
    `openmanager_disk_usage_percent @ ${at(95, 7)}`,
    'openmanager_cpu_usage_percent[3m]',
    'avg_over_time(openmanager_cpu_usage_percent[10m])',
    'min_over_time(openmanager_memory_usage_percent[15m])',
    'max_over_time(openmanager_cpu_usage_percent[1h])',
    'sum_over_time(openmanager_load1[7m])',
    'count_over_time(openmanager_load1[10m])',
    'last_over_time(openmanager_cpu_usage_percent[30m])',
    'quantile_over_time(0.9, openmanager_cpu_usage_percent[20m])',
    'stddev_over_time(openmanager_memory_usage_percent[20m])',
    'stdvar_over_time(openmanager_cpu_usage_percent[20m])',
    'changes(openmanager_up[30m])',
    'resets(openmanager_uptime_seconds[2h])',
    'present_over_time(openmanager_up[5m])',
    'rate(openmanager_uptime_seconds[5m])',
    'increase(openmanager_uptime_seconds[10m])',
    'irate(openmanager_uptime_seconds[5m])',
    'delta(openmanager_memory_usage_percent[15m])',
    'idelta(openmanager_cpu_usage_percent[5m])',
    'deriv(openmanager_disk_usage_percent[30m])',
    'predict_linear(openmanager_disk_usage_percent[30m], 3600)',
    'sum by (provider) (openmanager_cpu_usage_percent)',
    'avg without (server, role) (openmanager_memory_usage_percent)',
    'max by (region) (openmanager_cpu_usage_percent)',
    'min(openmanager_memory_usage_percent)',
    'count(openmanager_up == 1)',
    'count by (provider) (openmanager_up == 0)',
    'topk(3, openmanager_cpu_usage_percent)',
    'bottomk(2, openmanager_memory_usage_percent) by (provider)',
    'quantile by (provider) (0.5, openmanager_cpu_usage_percent)',
    'stddev(openmanager_cpu_usage_percent)',
    'group by (role) (openmanager_up)',
    'openmanager_memory_usage_percent / 100',
    '100 - openmanager_cpu_usage_percent',
    'openmanager_cpu_usage_percent > 50',
    '70 < openmanager_cpu_usage_percent',
    'openmanager_cpu_usage_percent > bool 50',
    'openmanager_cpu_usage_percent + openmanager_memory_usage_percent',
    'openmanager_cpu_usage_percent / on(server) openmanager_memory_usage_percent',
    'openmanager_cpu_usage_percent - ignoring(role) openmanager_memory_usage_percent',
    'openmanager_cpu_usage_percent > on(server, provider) openmanager_memory_usage_percent',
    'openmanager_cpu_usage_percent >= bool ignoring(region) openmanager_memory_usage_percent',
    'openmanager_cpu_usage_percent and openmanager_memory_usage_percent > 60',
    'openmanager_cpu_usage_percent unless on(server) openmanager_memory_usage_percent > 60',
    'openmanager_cpu_usage_percent{provider="aws"} or openmanager_memory_usage_percent',
    '-openmanager_load1',
    '-2 ^ 2',
    '- 2 ^ 2',
    '2 * -2 ^ 2',
    '-(2) ^ 2',
    '+2 ^ 2',
    '-openmanager_load1 ^ 2',
    '2 ^ 3 ^ 2',
    '1 + 2 * 3 % 4 - 10 / 4',
    '5 > bool 3',
    'time() - 60',
    'vector(5) * 2',
    'scalar(sum(openmanager_up))',
    'abs(openmanager_load1 - 1)',
    'round(openmanager_cpu_usage_percent, 5)',
    'round(openmanager_load1)',
    'clamp_min(openmanager_cpu_usage_percent, 50)',
    'clamp_max(openmanager_cpu_usage_percent, 50)',
    'clamp(openmanager_cpu_usage_percent, 30, 60)',
    'sqrt(openmanager_memory_usage_percent)',
    'ln(openmanager_network_receive_bytes_per_second)',
    'ceil(openmanager_load1) + floor(openmanager_load1)',
    'label_replace(openmanager_up, "dc", "$1-$2", "region", "([a-z]+)-(.*)")',
    'label_join(openmanager_up, "id", "/", "provider", "server")',
    'absent(openmanager_up{server="nope", role="x"})',
    'absent(openmanager_up)',
    'sort_desc(openmanager_cpu_usage_percent)',
    'max_over_time(openmanager_cpu_usage_percent[30m:1m])',
    'avg_over_time(rate(openmanager_uptime_seconds[5m])[20m:2m])',
    'max_over_time(deriv(openmanager_disk_usage_percent[10m])[15m:]) * 3600',
    'openmanager_network_transmit_bytes_per_second * 8 / 1e6',
    '"a string"',
    '42',
    '{__name__=~".+_percent", provider="kubernetes"}',
    // openmanager_anomaly_score is computed by the service (its detector), so Prometheus has no such series.
    'count({__name__=~"openmanager_.*", __name__!="openmanager_anomaly_score"})',
    'openmanager_up{server=~".*1", role!~"web|api"}',
    'sum(rate(openmanager_uptime_seconds[5m])) by (provider)',
    'count_over_time(openmanager_up[1h]) / 60',
    'sum(openmanager_up == 0) or vector(0)',
    'openmanager_up == 0 or vector(0)',
    'avg_over_time(openmanager_cpu_usage_percent[5m] offset 1h)',
    'max by (server) (openmanager_cpu_usage_percent) > bool 60',
    'topk(1, max_over_time(openmanager_cpu_usage_percent[1h])) by (provider)',
    '1 - avg by (region) (openmanager_memory_usage_percent / 100)',
    'openmanager_cpu_usage_percent @ end()',
    'rate(openmanager_uptime_seconds[5m] @ start())',
    'openmanager_load1 atan2 1',
    'label_replace(openmanager_up, "x", "$$1", "server", "(.*)")',
    'label_replace(openmanager_up, "x", "${1}_${2}", "server", "srv-(.)(.)")',
    'quantile(0.95, openmanager_cpu_usage_percent)',
    'quantile(1.5, openmanager_cpu_usage_percent)',
    'stdvar by (provider) (openmanager_load1)',
    'clamp(openmanager_cpu_usage_percent, 60, 30)',
    'round(openmanager_load1, 0.1)',
    'openmanager_network_receive_bytes_per_second % 7',
    'openmanager_load1 ^ 0.5',
    'vector(time())',
    'scalar(openmanager_up{server="srv-a1"}) * openmanager_load1',
    'changes(openmanager_load1[1h:5m])',
    'increase(openmanager_uptime_seconds[2h])',
    'delta(openmanager_uptime_seconds[1h] offset 100m)',
    'predict_linear(openmanager_memory_usage_percent[1h], -600)',
    'deriv(openmanager_up[30m])',
    'irate(openmanager_network_transmit_bytes_per_second[2m])',
    'openmanager_cpu_usage_percent offset 5m > on(server) openmanager_cpu_usage_percent',
    'timestamp(openmanager_load1)',
    'timestamp(openmanager_load1 offset 3m)',
    'timestamp(rate(openmanager_uptime_seconds[5m]))',
    'openmanager_up{server=~"srv-[[:alpha:]][[:digit:]]"}',
    'openmanager_up{server=~`\\Qsrv-a1\\E|srv-\\pL\\d`}',
    'label_replace(openmanager_up, "x", "$1", "server", "(.*.*)*Z")',
    'openmanager_cpu_usage_percent / on(provider) group_left sum by (provider) (openmanager_cpu_usage_percent)',
    'sum by (provider) (openmanager_up) * on(provider) group_right openmanager_load1',
    'openmanager_load1 * on(server) group_left(role, tier) label_replace(openmanager_up, "tier", "t-$1", "server", "srv-(.).*")',
    'openmanager_load1 > ignoring(region, role) group_left(region) count without (region, role) (openmanager_up)',
    'avg by (provider) (openmanager_load1) < bool on(provider) group_right(role) openmanager_load1',
  ];

  // 25 min before the end: srv-o1 stopped 5 min earlier; 22 min: more than 5 min after it stopped.
  test.each(
    INSTANT.flatMap(
      (q) =>
        [
          [q, 25],
          [q, 22],
          [q, 44],
        ] as const
    )
  )('%s at end-%i min', async (query, minutes) => {
    const time = at(minutes, 3);
    expectSame(
      await ours('query', { query, time }),
      await prometheus.api('query', { query, time }),
      `${query} @ ${time}`
    );
  });

  test('the comparison is not vacuous: nearly every expression has data to compare', async () => {
    const time = at(44, 3); // inside srv-o2's offline spell, so `openmanager_up == 0` has a sample
    const empty: string[] = [];
    const failed: string[] = [];
    for (const query of INSTANT) {
      const { body } = await prometheus.api('query', { query, time });
      if (body.status !== 'success') failed.push(`${query}: ${body.error}`);
      else if (Array.isArray(body.data.result) && body.data.result.length === 0) empty.push(query);
    }
    expect(failed).toEqual([]);
    expect(empty).toEqual(['absent(openmanager_up)', 'clamp(openmanager_cpu_usage_percent, 60, 30)']);
  });

  const RANGE: Array<[string, number]> = [
    ['avg by (provider) (openmanager_cpu_usage_percent)', 60],
    ['rate(openmanager_uptime_seconds[5m])', 90],
    ['openmanager_up{provider="onprem"}', 60],
    ['time()', 300],
    ['topk(2, openmanager_cpu_usage_percent)', 120],
    ['sum(openmanager_memory_usage_percent > 70)', 45],
    ['max_over_time(openmanager_load1[10m:1m])', 600],
    ['timestamp(openmanager_up{provider="onprem"})', 60],
    ['avg_over_time(openmanager_cpu_usage_percent[90s])', 90],
    ['quantile_over_time(0.9, openmanager_load1[10m] offset 7m)', 120],
    ['last_over_time(openmanager_up[3m])', 60],
  ];

  test.each(RANGE)('range query %s step %i s', async (query, step) => {
    const params = { query, start: at(120, 11), end: at(1), step: String(step) };
    expectSame(await ours('query_range', params), await prometheus.api('query_range', params), `${query} step ${step}`);
  });

  test.each([
    'sum(',
    'rate(openmanager_up)',
    'openmanager_up[5m] + 1',
    '1 > 2',
    'foo(openmanager_up)',
    'openmanager_up offset 5m [5m]',
    'sum(openmanager_up)[5m]',
    '{__name__=~".*"}',
    'openmanager_up{server=~"("}',
    'vector(1) and 1',
    'rate({__name__=~"openmanager_(cpu|memory)_usage_percent"}[5m])',
    'openmanager_cpu_usage_percent + on(provider) openmanager_memory_usage_percent',
    'openmanager_cpu_usage_percent{provider="aws"} + ignoring(server, role) openmanager_memory_usage_percent{provider="aws"}',
    'openmanager_up + on(provider) group_left openmanager_load1',
    'sum by (provider) (openmanager_up) + on(provider) group_right sum by (provider, region) (openmanager_up) * on(provider) group_left openmanager_up',
    'openmanager_up and on(server) group_left openmanager_load1',
    'openmanager_up + on(server) group_left(server) openmanager_load1',
    '{__name__=~"openmanager_(up|load1)"} * on(server) group_left sum by (server) (openmanager_up)',
  ])('%s is refused by both, with the same error type and status', async (query) => {
    const time = at(30);
    const [o, t] = [await ours('query', { query, time }), await prometheus.api('query', { query, time })];
    expect(o.body.status).toBe('error');
    expectSame(o, t, query);
  });

  test('label names, values and series agree', async () => {
    const start = at(60);
    const end = at(0);
    for (const [path, params] of [
      ['labels', {}],
      ['labels', { 'match[]': 'openmanager_up{provider="aws"}' }],
      ['label/server/values', { 'match[]': 'openmanager_load1', start, end }],
      ['label/__name__/values', {}],
      ['label/role/values', { 'match[]': '{__name__="openmanager_up", region=~"eu.*|seoul.*"}' }],
      ['series', { 'match[]': 'openmanager_cpu_usage_percent{server=~"srv-a.*"}' }],
      ['series', { 'match[]': 'openmanager_up{server="srv-o1"}', start: at(15), end }],
    ] as const) {
      const [o, t] = [await ours(path, params), await prometheus.api(path, params)];
      expect({ path, params, status: o.status, body: sortData(o.body) }).toEqual({
        path,
        params,
        status: t.status,
        body: sortData(t.body),
      });
    }
  });
});

function sortData(body: any) {
  if (!Array.isArray(body.data)) return body;
  return { ...body, data: [...body.data].map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).sort() };
}
