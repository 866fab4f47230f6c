/** Turns the labels of a node_exporter target's `up` series into an inventory entry (region, role, labels). */
import type { ServerInfo } from '../../domain/metrics';

/** Labels read for the region, first present wins: a plain label, then the Kubernetes node labels as `labelmap` copies them. */
export const REGION_LABELS = ['region', 'topology_kubernetes_io_region', 'failure_domain_beta_kubernetes_io_region'];
/** Labels read for the role, first present wins. */
export const ROLE_LABELS = ['role', 'node_role'];
/** Kubernetes node-role labels (any value) that make a node `control-plane`. */
export const CONTROL_PLANE_LABELS = ['node_role_kubernetes_io_control_plane', 'node_role_kubernetes_io_master'];

export const DEFAULT_REGION = 'unknown';
export const DEFAULT_ROLE = 'worker';

/** The inventory entry of one target; `labels` keeps every target label except `__name__`. */
export function targetInventory(serverId: string, labels: Record<string, string>, collector: string): ServerInfo {
  const { __name__: _metricName, ...targetLabels } = labels;
  const firstOf = (names: string[]) =>
    names.map((name) => targetLabels[name]).find((value) => value !== undefined && value !== '');
  const controlPlane = CONTROL_PLANE_LABELS.some((name) => name in targetLabels);
  return {
    id: serverId,
    provider: 'kubernetes',
    region: firstOf(REGION_LABELS) ?? DEFAULT_REGION,
    role: firstOf(ROLE_LABELS) ?? (controlPlane ? 'control-plane' : DEFAULT_ROLE),
    collector,
    labels: targetLabels,
  };
}
