/** PrometheusCollector against a real Prometheus scraping a real node_exporter on this machine. */
import { statfs, readFile } from 'node:fs/promises';
import { PrometheusCollector } from '../../collector-service/src/collectors/prometheus/prometheus-collector';
import { DEFAULT_THRESHOLDS, statusFromThresholds } from '../../collector-service/src/domain/thresholds';
import { parseExposition, select, single, type ExposedSample } from './support/exposition';
import { waitFor } from './support/binaries';
import { startPrometheusStack, type PrometheusStack } from './support/prometheus-stack';

const JOB = 'om-node';
const TARGET_LABELS = { region: 'test-lab', role: 'ci-runner' };
/** Long enough that one scrape of misalignment between the two CPU windows matters little. */
const CPU_WINDOW_MS = 15_000;

let stack: PrometheusStack;
let collector: PrometheusCollector;

const abortable = () => new AbortController().signal;

async function exposition(): Promise<ExposedSample[]> {
  return parseExposition(await (await fetch(`${stack.nodeExporterUrl}/metrics`)).text());
}

function cpuSeconds(samples: ExposedSample[]): { idle: number; total: number } {
  const all = select(samples, 'node_cpu_seconds_total');
  const sum = (list: ExposedSample[]) => list.reduce((acc, s) => acc + s.value, 0);
  return { idle: sum(all.filter((s) => s.labels.mode === 'idle')), total: sum(all) };
}

beforeAll(async () => {
  stack = await startPrometheusStack(JOB, TARGET_LABELS);
  collector = new PrometheusCollector({
    endpoint: stack.prometheusUrl,
    job: JOB,
    serverLabel: 'instance',
    thresholds: DEFAULT_THRESHOLDS,
    requestTimeoutMs: 5000,
  });
  await waitFor(
    'the first scrape of node_exporter',
    async () => ((await collector.isServerOnline(stack.instance)) ? true : undefined),
    20_000
  );
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

test('discovers node_exporter from Prometheus, with region and role from the target labels', async () => {
  const servers = await collector.getServerList();
  expect(servers).toEqual([
    {
      id: stack.instance,
      provider: 'kubernetes',
      region: 'test-lab',
      role: 'ci-runner',
      collector: 'prometheus',
      labels: { instance: stack.instance, job: JOB, ...TARGET_LABELS },
    },
  ]);
});

test("this machine's cpu, memory and disk agree with what node_exporter reports directly", async () => {
  const before = await exposition();
  await new Promise((r) => setTimeout(r, CPU_WINDOW_MS));
  const after = await exposition();
  const { samples, unreachable } = await collector.collectAll(abortable());
  const root = { mountpoint: '/' };
  const fsOf = (name: string) =>
    select(after, name, root).find((s) => !/^(rootfs|tmpfs)$/.test(s.labels.fstype))!.value;

  expect(unreachable).toEqual([]);
  expect(samples).toHaveLength(1);
  const sample = samples[0];
  expect(sample.serverId).toBe(stack.instance);

  const [a, b] = [cpuSeconds(before), cpuSeconds(after)];
  const directCpu = 100 * (1 - (b.idle - a.idle) / (b.total - a.total));
  const directMemory =
    100 * (1 - single(after, 'node_memory_MemAvailable_bytes') / single(after, 'node_memory_MemTotal_bytes'));
  const [avail, size, free] = [
    'node_filesystem_avail_bytes',
    'node_filesystem_size_bytes',
    'node_filesystem_free_bytes',
  ].map(fsOf);
  const directDisk = (100 * (size - free)) / (size - free + avail);
  console.info(
    `cpu ${sample.cpuUsage} vs ${directCpu}, memory ${sample.memoryUsage} vs ${directMemory}, disk ${sample.diskUsage} vs ${directDisk}`
  );

  expect(Math.abs(sample.cpuUsage! - directCpu)).toBeLessThan(6);
  expect(Math.abs(sample.memoryUsage! - directMemory)).toBeLessThan(1.5);
  expect(Math.abs(sample.diskUsage! - directDisk)).toBeLessThan(0.2);
  // and the disk figure is df's Use% of / as the kernel reports it now
  const fs = await statfs('/');
  const dfUse = (100 * (fs.blocks - fs.bfree)) / (fs.blocks - fs.bfree + fs.bavail);
  expect(Math.abs(sample.diskUsage! - dfUse)).toBeLessThan(0.5);

  expect(Math.abs(sample.load1m! - single(after, 'node_load1'))).toBeLessThan(1);
  const procUptime = Number((await readFile('/proc/uptime', 'utf8')).split(' ')[0]);
  expect(Math.abs(sample.uptimeSeconds! - procUptime)).toBeLessThan(5);
  expect(sample.networkInBytes).toBeGreaterThanOrEqual(0);
  expect(sample.networkOutBytes).toBeGreaterThanOrEqual(0);
  expect(sample.status).toBe(statusFromThresholds(sample, DEFAULT_THRESHOLDS));
}, 60_000);

test('without kube-state-metrics the run says so in a notice and the host metrics are still collected', async () => {
  const result = await collector.collectAll(abortable());
  expect(result.notices).toEqual([
    'Prometheus has no kube-state-metrics series (kube_pod_info): pod status and restarts are not collected',
  ]);
  expect(result.series).toBeUndefined();
  expect(result.samples.map((s) => s.serverId)).toEqual([stack.instance]);
  expect(result.samples[0].memoryUsage).toEqual(expect.any(Number));
});

test('collectMetrics reads one server and isServerOnline says it answers', async () => {
  const sample = await collector.collectMetrics(stack.instance);
  expect(sample?.serverId).toBe(stack.instance);
  expect(sample?.memoryUsage).toEqual(expect.any(Number));
  expect(await collector.collectMetrics('127.0.0.1:1')).toBeNull();
  expect(await collector.isServerOnline('127.0.0.1:1')).toBe(false);
});

test('an endpoint that is not Prometheus is a clear error', async () => {
  const wrong = new PrometheusCollector({
    endpoint: stack.nodeExporterUrl,
    job: JOB,
    serverLabel: 'instance',
    thresholds: DEFAULT_THRESHOLDS,
  });
  await expect(wrong.collectAll(abortable())).rejects.toThrow(
    /^Prometheus at http:\/\/127\.0\.0\.1:\d+ answered HTTP \d+ with a body that is not JSON/
  );
});

test('a job Prometheus does not scrape is a clear error', async () => {
  const wrong = new PrometheusCollector({
    endpoint: stack.prometheusUrl,
    job: 'no-such-job',
    serverLabel: 'instance',
    thresholds: DEFAULT_THRESHOLDS,
  });
  await expect(wrong.collectAll(abortable())).rejects.toThrow(
    'Prometheus has no up series for job "no-such-job": check PROMETHEUS_JOB'
  );
});

test('stopping node_exporter makes the server offline (unreachable, no sample)', async () => {
  await stack.stopNodeExporter();
  const result = await waitFor(
    'Prometheus to see the target down',
    async () => {
      const r = await collector.collectAll(abortable());
      return r.unreachable.length > 0 ? r : undefined;
    },
    20_000
  );
  expect(result.unreachable).toEqual([stack.instance]);
  expect(result.samples).toEqual([]);
  expect(result.servers.map((s) => s.id)).toEqual([stack.instance]);
  expect(await collector.isServerOnline(stack.instance)).toBe(false);
  expect(await collector.collectMetrics(stack.instance)).toBeNull();
}, 30_000);

test('Prometheus down is a clear error naming it', async () => {
  await stack.stopPrometheus();
  await expect(collector.collectAll(abortable())).rejects.toThrow(
    new RegExp(`^Prometheus at ${stack.prometheusUrl.replace(/\./g, '\\.')} is unreachable: .*ECONNREFUSED`)
  );
});
