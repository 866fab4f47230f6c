/**
 * What runs on the simulated servers, as labelled series: pods on the Kubernetes nodes, EBS-like
 * volumes on the AWS servers, systemd units and a few application metrics on the on-premises hosts.
 * Pure functions of time, like the scenarios: S6 (postfix down on ONPREM-MAIL-01) and S7 (a pod on
 * K8S-WORKER-03 OOMKilled at every reset of S3's memory leak) are true in the series.
 */
import { APP_SERIES_PREFIX, SERIES_NAMES, type PodPhase, type SeriesSample } from '../../domain/series';
import type { ServerInfo } from '../../domain/metrics';
import { dailyCycle, type Baseline } from './baseline';
import { keyOf, smooth, unit } from './noise';
import { s3ResetsBetween } from './scenarios';

/** S6: the host whose mail service failed, and the unit. */
export const S6_SERVER = 'ONPREM-MAIL-01';
export const S6_UNIT = 'postfix.service';
/** S7: the pod that is OOMKilled whenever S3's leak resets the host's memory. */
export const S7_SERVER = 'K8S-WORKER-03';
export const S7_POD = { namespace: 'payments', pod: 'payment-api-7d9f' };

/** Restart counters count from here (the simulated pods were created then). */
const PODS_CREATED = Date.UTC(2026, 0, 1);

interface Pod {
  namespace: string;
  pod: string;
  phase: PodPhase;
}

const CONTROL_PLANE_PODS = ['etcd', 'kube-apiserver', 'kube-scheduler'];
/** Deployments spread over the workers in rotation, two per worker after the node exporter. */
const WORKER_DEPLOYMENTS: Array<[namespace: string, app: string]> = [
  ['web', 'storefront'],
  ['web', 'checkout'],
  ['search', 'search-indexer'],
  ['orders', 'order-service'],
  ['kube-system', 'coredns'],
  ['notifications', 'notifier'],
  ['catalog', 'catalog-api'],
];

const suffix = (text: string) => (keyOf(text) & 0xffff).toString(16).padStart(4, '0');

function podsOf(server: ServerInfo): Pod[] {
  const node = server.id.toLowerCase();
  if (server.role === 'control-plane')
    return CONTROL_PLANE_PODS.map((app) => ({ namespace: 'kube-system', pod: `${app}-${node}`, phase: 'Running' }));
  const n = Number(server.id.slice(-2)) || keyOf(server.id);
  const pods: Pod[] = [{ namespace: 'monitoring', pod: `node-exporter-${suffix(node)}`, phase: 'Running' }];
  for (const k of [2 * n, 2 * n + 1]) {
    const [namespace, app] = WORKER_DEPLOYMENTS[k % WORKER_DEPLOYMENTS.length];
    pods.push({ namespace, pod: `${app}-${suffix(`${app}/${node}`)}`, phase: 'Running' });
  }
  if (server.id === S7_SERVER) pods.push({ ...S7_POD, phase: 'Running' });
  // A nightly report job that ran to completion.
  if (n === 5) pods.push({ namespace: 'batch', pod: `report-job-${suffix(node)}`, phase: 'Succeeded' });
  return pods;
}

function podRestarts(pod: Pod, serverId: string, seed: number, timeMs: number): number {
  if (serverId === S7_SERVER && pod.pod === S7_POD.pod)
    return 2 + Math.max(0, s3ResetsBetween(seed, PODS_CREATED, timeMs));
  // Most pods never restarted; a few did once or twice long ago.
  return Math.floor(3 * unit(seed, keyOf(pod.pod), 7) ** 4);
}

/** Volumes: a root volume everywhere, a data volume where data is kept; typical read/write bytes per second. */
const DATA_ROLES: Record<string, [number, number]> = {
  database: [8_000_000, 5_000_000],
  cache: [1_000_000, 3_000_000],
  batch: [12_000_000, 6_000_000],
};
const ROOT_VOLUME: [number, number] = [300_000, 600_000];

function volumesOf(server: ServerInfo): Array<{ volume: string; io: [number, number] }> {
  const volume = (name: string) => `vol-0${(keyOf(`${server.id}/${name}`) >>> 0).toString(16).padStart(8, '0')}`;
  const data = DATA_ROLES[server.role];
  return [{ volume: volume('root'), io: ROOT_VOLUME }, ...(data ? [{ volume: volume('data'), io: data }] : [])];
}

const COMMON_UNITS = ['sshd.service', 'chronyd.service', 'node_exporter.service'];
const UNITS_BY_ROLE: Record<string, string[]> = {
  web: ['nginx.service'],
  app: ['tomcat.service'],
  database: ['postgresql.service'],
  file: ['nfs-server.service', 'smb.service'],
  mail: ['postfix.service', 'dovecot.service'],
  directory: ['slapd.service'],
  backup: ['bacula-fd.service'],
  monitoring: ['prometheus.service', 'grafana-server.service'],
};

/** Application metrics some on-premises hosts export: name after the prefix, labels, typical value. */
const APP_METRICS_BY_ROLE: Record<string, Array<{ name: string; labels: Record<string, string>; typical: number }>> = {
  web: [{ name: 'http_requests_per_second', labels: { app: 'nginx' }, typical: 450 }],
  app: [{ name: 'http_requests_per_second', labels: { app: 'erp' }, typical: 120 }],
  database: [{ name: 'db_connections', labels: { database: 'erp' }, typical: 80 }],
};

export interface WorkloadTimes {
  /** When S6's postfix failed. */
  mailDownSinceMs: number;
}

/** Every labelled series of one server at one moment (none for generated servers). */
export function workloadSeries(
  server: ServerInfo,
  b: Baseline,
  seed: number,
  times: WorkloadTimes,
  timeMs: number
): SeriesSample[] {
  if (server.labels.generated === 'true') return [];
  const timestamp = new Date(timeMs);
  const out: SeriesSample[] = [];
  const push = (name: string, labels: Record<string, string>, value: number) =>
    out.push({ serverId: server.id, name, labels, timestamp, value });
  const cycle = dailyCycle(timeMs, b.utcOffsetHours);

  if (server.provider === 'kubernetes') {
    for (const pod of podsOf(server)) {
      const { namespace, phase } = pod;
      push(SERIES_NAMES.podStatus, { namespace, pod: pod.pod, phase }, 1);
      push(SERIES_NAMES.podRestarts, { namespace, pod: pod.pod }, podRestarts(pod, server.id, seed, timeMs));
    }
  } else if (server.provider === 'aws') {
    volumesOf(server).forEach(({ volume, io: [read, write] }, i) => {
      const shape = (channel: number) =>
        (1 + 0.6 * cycle) * (1 + 0.15 * smooth(seed, keyOf(volume), channel, timeMs, 10 * 60_000));
      push(SERIES_NAMES.volumeReadBytes, { volume }, Math.round(read * shape(30 + i)));
      push(SERIES_NAMES.volumeWriteBytes, { volume }, Math.round(write * shape(40 + i)));
    });
  } else {
    for (const service of [...COMMON_UNITS, ...(UNITS_BY_ROLE[server.role] ?? [])]) {
      const failed = server.id === S6_SERVER && service === S6_UNIT && timeMs >= times.mailDownSinceMs;
      push(SERIES_NAMES.serviceUp, { service }, failed ? 0 : 1);
    }
    for (const m of APP_METRICS_BY_ROLE[server.role] ?? []) {
      const wander = 1 + 0.1 * smooth(seed, b.key, 50, timeMs, 15 * 60_000);
      push(`${APP_SERIES_PREFIX}${m.name}`, m.labels, Math.round(m.typical * (1 + 0.5 * cycle) * wander * 100) / 100);
    }
  }
  return out;
}
