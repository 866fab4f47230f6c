/** The sample and inventory types every part of the service speaks. */

/** Metric names used in APIs, queries and answers (CONTRACT §2). */
export const METRIC_NAMES = ['cpu', 'memory', 'disk', 'network_in', 'network_out', 'load'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export const SERVER_STATUSES = ['online', 'warning', 'critical', 'offline'] as const;
export type ServerStatus = (typeof SERVER_STATUSES)[number];

export const PROVIDERS = ['kubernetes', 'aws', 'onprem'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** One sample of one server: one row of `server_metrics`. Absent readings are null, never 0. */
export interface ServerMetrics {
  serverId: string;
  timestamp: Date;
  cpuUsage: number | null;
  memoryUsage: number | null;
  diskUsage: number | null;
  /** bytes per second */
  networkInBytes: number | null;
  /** bytes per second */
  networkOutBytes: number | null;
  load1m: number | null;
  uptimeSeconds: number | null;
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

/** Grafana unit of each metric. */
export const METRIC_UNITS: Record<MetricName, string> = {
  cpu: 'percent',
  memory: 'percent',
  disk: 'percent',
  network_in: 'Bps',
  network_out: 'Bps',
  load: 'short',
};

export function metricValue(sample: ServerMetrics, metric: MetricName): number | null {
  return sample[METRIC_FIELDS[metric]] as number | null;
}
