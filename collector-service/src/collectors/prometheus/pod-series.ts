/** Pods from kube-state-metrics (phase, restarts), attached to the node_exporter server whose node they run on. */
import { SERIES_NAMES, type SeriesSample } from '../../domain/series';
import type { VectorSample } from './prometheus-api';

/**
 * PromQL over kube-state-metrics, whatever its scrape job. `max by` / `sum by` fold the copies that
 * several kube-state-metrics replicas (or containers of one pod, for restarts) expose.
 */
export const POD_QUERIES = {
  phase: 'max by (namespace, pod, phase) (kube_pod_status_phase == 1)',
  restarts: 'sum by (namespace, pod) (kube_pod_container_status_restarts_total)',
  node: 'max by (namespace, pod, node) (kube_pod_info{node!=""})',
} as const;
export type PodQuery = keyof typeof POD_QUERIES;

export const MISSING_KUBE_STATE_METRICS =
  'Prometheus has no kube-state-metrics series (kube_pod_info): pod status and restarts are not collected';

/** A target label naming the Kubernetes node (kubernetes_sd relabelled `__meta_kubernetes_node_name`). */
export const NODE_LABEL = 'node';

/** A node_exporter target: its server id and the labels of its `up` series. */
export interface NodeTarget {
  id: string;
  labels: Record<string, string>;
}

/**
 * Node name → server id. A node is known by the target's `node` label, else by the server id itself,
 * else by the host part of its `instance` (`worker-1:9100` → `worker-1`); an earlier rule wins.
 */
export function serversByNode(targets: NodeTarget[]): Map<string, string> {
  const byNode = new Map<string, string>();
  const rules = [
    (t: NodeTarget) => t.labels[NODE_LABEL],
    (t: NodeTarget) => t.id,
    (t: NodeTarget) => (t.labels.instance ? hostOf(t.labels.instance) : undefined),
  ];
  for (const nodeOf of rules) {
    for (const target of targets) {
      const node = nodeOf(target);
      if (node && !byNode.has(node)) byNode.set(node, target.id);
    }
  }
  return byNode;
}

/** `host:port` → `host`, `[::1]:9100` → `::1`. */
function hostOf(address: string): string {
  return address.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
}

/**
 * `openmanager_pod_status` (1 for each pod's current phase) and `openmanager_pod_restarts_total` of every
 * pod whose node is one of `serverOfNode`'s; pods not scheduled, or on a node no target names, are left out.
 */
export function podSeries(
  answers: Record<PodQuery, VectorSample[]>,
  serverOfNode: Map<string, string>,
  timestamp: Date
): SeriesSample[] {
  const key = (labels: Record<string, string>) => `${labels.namespace}/${labels.pod}`;
  const serverOfPod = new Map<string, string>();
  for (const { labels } of answers.node) {
    const serverId = serverOfNode.get(labels.node);
    if (serverId !== undefined) serverOfPod.set(key(labels), serverId);
  }
  const series: SeriesSample[] = [];
  const add = (name: string, labels: Record<string, string>, value: number) => {
    const serverId = serverOfPod.get(key(labels));
    if (serverId !== undefined) series.push({ serverId, name, labels, timestamp, value });
  };
  for (const { labels, value } of answers.phase) {
    if (value === null) continue;
    add(SERIES_NAMES.podStatus, { namespace: labels.namespace, pod: labels.pod, phase: labels.phase }, 1);
  }
  for (const { labels, value } of answers.restarts) {
    if (value === null) continue;
    add(SERIES_NAMES.podRestarts, { namespace: labels.namespace, pod: labels.pod }, value);
  }
  return series;
}
