/**
 * Pods through PrometheusCollector: a real Prometheus scraping the real node_exporter (as two targets,
 * two nodes) and a stand-in kube-state-metrics serving a fixed exposition on loopback.
 */
import { join } from 'node:path';
import { PrometheusCollector } from '../../collector-service/src/collectors/prometheus/prometheus-collector';
import type { CollectionResult } from '../../collector-service/src/domain/collector';
import { DEFAULT_THRESHOLDS } from '../../collector-service/src/domain/thresholds';
import { waitFor } from './support/binaries';
import { serveExposition, type ExpositionServer } from './support/exposition-server';
import { startPrometheusStack, type PrometheusStack } from './support/prometheus-stack';

const JOB = 'om-node';

let kubeStateMetrics: ExpositionServer;
let stack: PrometheusStack;
let result: CollectionResult;
/** The same node_exporter reached as `localhost`: a second server, known to Kubernetes as node `localhost`. */
let localhostServer: string;

beforeAll(async () => {
  kubeStateMetrics = await serveExposition(join(__dirname, 'fixtures/kube-state-metrics.prom'));
  // The first target names its node with a `node` label (as kubernetes_sd relabelling does); the
  // second carries none, so its node is the host of its instance.
  stack = await startPrometheusStack(
    JOB,
    { node: 'worker-a' },
    { aliases: [{ host: 'localhost', labels: {} }], extraJobs: { 'kube-state-metrics': kubeStateMetrics.address } }
  );
  localhostServer = stack.instance.replace('127.0.0.1', 'localhost');
  const collector = new PrometheusCollector({
    endpoint: stack.prometheusUrl,
    job: JOB,
    serverLabel: 'instance',
    thresholds: DEFAULT_THRESHOLDS,
    requestTimeoutMs: 5000,
  });
  result = await waitFor(
    'both node_exporter targets and kube-state-metrics to be scraped',
    async () => {
      const r = await collector.collectAll(new AbortController().signal);
      return r.samples.length === 2 && (r.series ?? []).length > 0 ? r : undefined;
    },
    30_000
  );
}, 60_000);

afterAll(async () => {
  await stack?.close();
  await kubeStateMetrics?.close();
});

function podsOf(serverId: string, name: string) {
  return (result.series ?? [])
    .filter((s) => s.serverId === serverId && s.name === name)
    .map(({ labels, value }) => ({ labels, value }))
    .sort((a, b) => a.labels.pod.localeCompare(b.labels.pod));
}

test('each pod is attached to the server of the node it runs on, with its current phase', () => {
  expect(podsOf(stack.instance, 'openmanager_pod_status')).toEqual([
    { labels: { namespace: 'batch', pod: 'nightly-report-28361', phase: 'Succeeded' }, value: 1 },
    { labels: { namespace: 'payments', pod: 'payment-api-7d9f', phase: 'Running' }, value: 1 },
  ]);
  expect(podsOf(localhostServer, 'openmanager_pod_status')).toEqual([
    { labels: { namespace: 'kube-system', pod: 'coredns-5d78c9869d-x2k4p', phase: 'Running' }, value: 1 },
  ]);
});

test("a pod's restarts are the sum over its containers", () => {
  expect(podsOf(stack.instance, 'openmanager_pod_restarts_total')).toEqual([
    { labels: { namespace: 'batch', pod: 'nightly-report-28361' }, value: 0 },
    { labels: { namespace: 'payments', pod: 'payment-api-7d9f' }, value: 5 },
  ]);
  expect(podsOf(localhostServer, 'openmanager_pod_restarts_total')).toEqual([
    { labels: { namespace: 'kube-system', pod: 'coredns-5d78c9869d-x2k4p' }, value: 2 },
  ]);
});

test('pods on a node without a node_exporter target, or not scheduled, belong to no server', () => {
  const pods = new Set((result.series ?? []).map((s) => s.labels.pod));
  expect(pods).toEqual(new Set(['nightly-report-28361', 'payment-api-7d9f', 'coredns-5d78c9869d-x2k4p']));
  expect(result.notices).toBeUndefined();
});

test('pod series carry the run time of the host samples, beside them', () => {
  const [sample] = result.samples;
  expect(result.samples.map((s) => s.serverId).sort()).toEqual([stack.instance, localhostServer].sort());
  expect(result.samples.every((s) => s.memoryUsage !== null)).toBe(true);
  for (const s of result.series ?? []) expect(s.timestamp).toEqual(sample.timestamp);
});
