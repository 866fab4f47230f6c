/** The sample and inventory types every part of the service speaks. */

import type { MetricName, ServerStatus, Provider } from '@openmanager/contract';

/** Metric names, statuses, providers and units are fixed by the API contract. */
export {
  METRIC_NAMES,
  METRIC_UNITS,
  PROVIDERS,
  SERVER_STATUSES,
  type MetricName,
  type Provider,
  type ServerStatus,
} from '@openmanager/contract';

/** A server's readings at one moment. Absent readings are null, never 0. */
export interface Readings {
  cpuUsage: number | null;
  memoryUsage: number | null;
  diskUsage: number | null;
  /** bytes per second */
  networkInBytes: number | null;
  /** bytes per second */
  networkOutBytes: number | null;
  load1m: number | null;
  uptimeSeconds: number | null;
}

/** One sample of one server: one row of `server_metrics`. */
export interface ServerMetrics extends Readings {
  serverId: string;
  timestamp: Date;
  status: ServerStatus;
  /** Whatever the collector saw, kept for debugging (JSONB). */
  rawData: Record<string, unknown>;
}

/** A server as its collector discovered it: one row of `servers`. */
export interface ServerInfo {
  id: string;
  provider: Provider;
  region: string;
  role: string;
  /** Name of the collector that reports this server (`dummy`, `prometheus`, ...). */
  collector: string;
  /** Extra labels (cluster, instance type, tags, ...). */
  labels: Record<string, string>;
}

/** Which sample field holds each API metric name. */
export const METRIC_FIELDS: Record<MetricName, keyof ServerMetrics> = {
  cpu: 'cpuUsage',
  memory: 'memoryUsage',
  disk: 'diskUsage',
  network_in: 'networkInBytes',
  network_out: 'networkOutBytes',
  load: 'load1m',
};

export function metricValue(sample: ServerMetrics, metric: MetricName): number | null {
  return sample[METRIC_FIELDS[metric]] as number | null;
}
