/** PrometheusCollector against a scripted Prometheus HTTP API: fleet-wide queries, auth, values, and every failure mode. */
import {
  PrometheusCollector,
  type PrometheusCollectorOptions,
} from '../../../src/collectors/prometheus/prometheus-collector';
import { READINGS } from '../../../src/collectors/prometheus/fleet-queries';
import { POD_QUERIES } from '../../../src/collectors/prometheus/pod-series';
import { DEFAULT_THRESHOLDS } from '../../../src/domain/thresholds';
import {
  startScriptedServer,
  type RecordedRequest,
  type ScriptedAnswer,
  type ScriptedServer,
} from '../support/scripted-server';

const NOW = Date.UTC(2026, 10, 26, 9, 0, 0);

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const vector = (result: Array<{ metric: Record<string, string>; value: string }>) => ({
  status: 'success',
  data: { resultType: 'vector', result: result.map(({ metric, value }) => ({ metric, value: [NOW / 1000, value] })) },
});

function queryOf(request: RecordedRequest): string {
  return new URLSearchParams(request.body).get('query') ?? '';
}

/** Which reading a query is for, told apart by the node_exporter metric it reads. */
function readingOf(query: string): string {
  const marks: Array<[string, string]> = [
    ['node_cpu_seconds_total', 'cpuUsage'],
    ['node_memory_MemAvailable_bytes', 'memoryUsage'],
    ['node_filesystem_avail_bytes', 'diskUsage'],
    ['node_network_receive_bytes_total', 'networkInBytes'],
    ['node_network_transmit_bytes_total', 'networkOutBytes'],
    ['node_load1', 'load1m'],
    ['node_boot_time_seconds', 'uptimeSeconds'],
  ];
  return marks.find(([metric]) => query.includes(metric))?.[1] ?? (query.startsWith('up{') ? 'up' : 'unknown');
}

async function collectorFor(
  answer: (request: RecordedRequest) => ScriptedAnswer,
  options: Partial<PrometheusCollectorOptions> = {}
) {
  server = await startScriptedServer(answer);
  return new PrometheusCollector({
    endpoint: server.url,
    job: 'node',
    serverLabel: 'instance',
    thresholds: DEFAULT_THRESHOLDS,
    now: () => NOW,
    ...options,
  });
}

/** A fleet of `size` targets; `web-1` is down; `web-0` is at 91 % cpu; load is NaN everywhere. */
function fleetAnswer(size: number, label = 'instance') {
  const ids = Array.from({ length: size }, (_, i) => `web-${i}`);
  return (request: RecordedRequest): ScriptedAnswer => {
    const reading = readingOf(queryOf(request));
    if (reading === 'up')
      return {
        body: vector(
          ids.map((id) => ({ metric: { __name__: 'up', job: 'node', [label]: id }, value: id === 'web-1' ? '0' : '1' }))
        ),
      };
    const value = (id: string) =>
      reading === 'load1m'
        ? 'NaN'
        : reading === 'cpuUsage' && id === 'web-0'
          ? '91'
          : reading === 'memoryUsage'
            ? '42.5'
            : '10';
    return {
      body: vector(ids.filter((id) => id !== 'web-1').map((id) => ({ metric: { [label]: id }, value: value(id) }))),
    };
  };
}

describe('collectAll', () => {
  test('asks one query per reading plus discovery and the pod queries, however large the fleet', async () => {
    const collector = await collectorFor(fleetAnswer(200));
    const result = await collector.collectAll(new AbortController().signal);
    expect(server!.requests).toHaveLength(READINGS.length + 1 + Object.keys(POD_QUERIES).length);
    expect(result.servers).toHaveLength(200);
    expect(result.samples).toHaveLength(199);
    expect(result.unreachable).toEqual(['web-1']);
  });

  test('builds samples: values per server, NaN as null, status from thresholds, time of the query', async () => {
    const collector = await collectorFor(fleetAnswer(3));
    const { samples } = await collector.collectAll(new AbortController().signal);
    const web0 = samples.find((s) => s.serverId === 'web-0')!;
    expect(web0).toMatchObject({
      timestamp: new Date(NOW),
      cpuUsage: 91,
      memoryUsage: 42.5,
      diskUsage: 10,
      networkInBytes: 10,
      networkOutBytes: 10,
      load1m: null,
      uptimeSeconds: 10,
      status: 'critical',
    });
    expect(samples.find((s) => s.serverId === 'web-2')!.status).toBe('online');
    const times = server!.requests.map((r) => new URLSearchParams(r.body).get('time'));
    expect(new Set(times)).toEqual(new Set([(NOW / 1000).toFixed(3)]));
  });

  test('a reading Prometheus has no series for is null, never 0', async () => {
    const collector = await collectorFor((request) => {
      const reading = readingOf(queryOf(request));
      if (reading === 'up') return { body: vector([{ metric: { instance: 'db-1' }, value: '1' }]) };
      return { body: vector(reading === 'memoryUsage' ? [{ metric: { instance: 'db-1' }, value: '55' }] : []) };
    });
    const { samples } = await collector.collectAll(new AbortController().signal);
    expect(samples[0]).toMatchObject({
      memoryUsage: 55,
      cpuUsage: null,
      diskUsage: null,
      networkInBytes: null,
      uptimeSeconds: null,
    });
  });

  test('names servers by the configured label', async () => {
    const collector = await collectorFor(fleetAnswer(2, 'nodename'), { serverLabel: 'nodename' });
    const { servers } = await collector.collectAll(new AbortController().signal);
    expect(servers.map((s) => s.id).sort()).toEqual(['web-0', 'web-1']);
    expect(queryOf(server!.requests.find((r) => readingOf(queryOf(r)) === 'load1m')!)).toContain('max by (nodename)');
  });

  test('sends the bearer key when one is configured, and keeps a path prefix of the endpoint', async () => {
    server = await startScriptedServer(fleetAnswer(1));
    const collector = new PrometheusCollector({
      endpoint: `${server.url}/prometheus`,
      apiKey: 'secret-token-1',
      job: 'node',
      serverLabel: 'instance',
      thresholds: DEFAULT_THRESHOLDS,
    });
    await collector.collectAll(new AbortController().signal);
    for (const request of server.requests) {
      expect(request.path).toBe('/prometheus/api/v1/query');
      expect(request.headers.authorization).toBe('Bearer secret-token-1');
    }
  });

  test('sends no authorization header without a key', async () => {
    const collector = await collectorFor(fleetAnswer(1));
    await collector.collectAll(new AbortController().signal);
    expect(server!.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
  });
});

describe('failures are errors that say what went wrong', () => {
  test.each([
    [
      'Prometheus answers status error',
      { status: 400, body: { status: 'error', errorType: 'bad_data', error: 'parse error at char 3' } },
      /^Prometheus rejected the up query with HTTP 400: bad_data: parse error at char 3$/,
    ],
    [
      'an auth proxy refuses the key',
      { status: 401, body: 'Unauthorized' },
      /answered HTTP 401 with a body that is not JSON: "Unauthorized"/,
    ],
    [
      'an auth proxy refuses the key in JSON',
      { status: 403, body: { status: 'error', error: 'forbidden' } },
      /HTTP 403 \(check PROMETHEUS_API_KEY\): error: forbidden/,
    ],
    [
      'the body is not JSON',
      { body: '<html>gateway</html>' },
      /answered HTTP 200 with a body that is not JSON: "<html>gateway<\/html>"/,
    ],
    [
      'the envelope has no status',
      { body: { data: {} } },
      /^Prometheus answer to the up query \(HTTP 200\) is malformed: status: /,
    ],
    [
      'the result is not a list',
      { body: { status: 'success', data: { resultType: 'vector', result: {} } } },
      /is malformed: data\.result: /,
    ],
    [
      'a value is not a [time, "value"] pair',
      { body: { status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [1] }] } } },
      /is malformed: data\.result\[0\]\.value/,
    ],
    [
      'the answer is a range matrix',
      { body: { status: 'success', data: { resultType: 'matrix', result: [] } } },
      /data\.resultType: expects an instant vector/,
    ],
  ])('%s', async (_case, answer, message) => {
    const collector = await collectorFor(() => answer as ScriptedAnswer);
    await expect(collector.collectAll(new AbortController().signal)).rejects.toThrow(message);
  });

  test('a job without targets names PROMETHEUS_JOB', async () => {
    const collector = await collectorFor(() => ({ body: vector([]) }), { job: 'node-exporter' });
    await expect(collector.collectAll(new AbortController().signal)).rejects.toThrow(
      'Prometheus has no up series for job "node-exporter": check PROMETHEUS_JOB (the scrape job of node_exporter)'
    );
  });

  test('a server label no target carries names PROMETHEUS_SERVER_LABEL', async () => {
    const collector = await collectorFor(fleetAnswer(2), { serverLabel: 'nodename' });
    await expect(collector.getServerList()).rejects.toThrow(
      'no target of job "node" has the label "nodename": check PROMETHEUS_SERVER_LABEL'
    );
  });

  test('a slow Prometheus times out with the limit named', async () => {
    const collector = await collectorFor(() => ({ body: vector([]), delayMs: 2000 }), { requestTimeoutMs: 150 });
    await expect(collector.collectAll(new AbortController().signal)).rejects.toThrow(
      /^Prometheus at http:\/\/127\.0\.0\.1:\d+ did not answer within 150 ms$/
    );
  });

  test("the run's abort signal cancels the requests at once", async () => {
    const collector = await collectorFor(() => ({ body: vector([]), delayMs: 5000 }));
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('collector timeout after 100 ms')), 100);
    await expect(collector.collectAll(controller.signal)).rejects.toThrow(
      /request aborted \(collector timeout after 100 ms\)/
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('an invalid server label is refused when the collector is built', () => {
    expect(
      () =>
        new PrometheusCollector({
          endpoint: 'http://127.0.0.1:9',
          job: 'node',
          serverLabel: 'node-name',
          thresholds: DEFAULT_THRESHOLDS,
        })
    ).toThrow('PROMETHEUS_SERVER_LABEL expects a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*), got "node-name"');
  });
});

describe('one server', () => {
  test('collectMetrics and isServerOnline scope every query to that server, quoted', async () => {
    const collector = await collectorFor(fleetAnswer(1), { job: 'node "exporter"' });
    await collector.collectMetrics('web-"0"');
    for (const request of server!.requests) {
      expect(queryOf(request)).toContain('job="node \\"exporter\\"",instance="web-\\"0\\""');
    }
    expect(server!.requests).toHaveLength(READINGS.length + 1);
  });

  test('isServerOnline is false for a target that is down or unknown', async () => {
    const collector = await collectorFor(fleetAnswer(3));
    expect(await collector.isServerOnline('web-0')).toBe(true);
    expect(await collector.isServerOnline('web-1')).toBe(false);
  });
});
