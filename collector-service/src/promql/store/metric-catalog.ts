/** The eight series OpenManager serves to Prometheus clients: names, source columns, metadata. */
import type { RawColumn } from '../../storage/raw-samples';

export interface CatalogMetric {
  name: string;
  column: RawColumn;
  help: string;
  /** OpenMetrics unit (the name's suffix), empty when unitless. */
  unit: string;
  /** The sample value a stored column value gives; null when the row has no reading. */
  value: (stored: number | string | null | undefined) => number | null;
}

const reading = (stored: number | string | null | undefined) => (typeof stored === 'number' ? stored : null);

export const METRIC_CATALOG: CatalogMetric[] = [
  {
    name: 'openmanager_cpu_usage_percent',
    column: 'cpu_usage',
    unit: 'percent',
    help: 'CPU usage of the server in percent (0-100).',
    value: reading,
  },
  {
    name: 'openmanager_memory_usage_percent',
    column: 'memory_usage',
    unit: 'percent',
    help: 'Memory usage of the server in percent (0-100).',
    value: reading,
  },
  {
    name: 'openmanager_disk_usage_percent',
    column: 'disk_usage',
    unit: 'percent',
    help: 'Disk usage of the server in percent (0-100).',
    value: reading,
  },
  {
    name: 'openmanager_network_receive_bytes_per_second',
    column: 'network_in_bytes',
    unit: 'bytes_per_second',
    help: 'Network bytes received per second.',
    value: reading,
  },
  {
    name: 'openmanager_network_transmit_bytes_per_second',
    column: 'network_out_bytes',
    unit: 'bytes_per_second',
    help: 'Network bytes transmitted per second.',
    value: reading,
  },
  {
    name: 'openmanager_load1',
    column: 'load_1m',
    unit: '',
    help: '1-minute load average of the server.',
    value: reading,
  },
  {
    name: 'openmanager_uptime_seconds',
    column: 'uptime_seconds',
    unit: 'seconds',
    help: 'Seconds since the server booted.',
    value: reading,
  },
  {
    name: 'openmanager_up',
    column: 'status',
    unit: '',
    help: '1 when the sample was collected from a reachable server (status not offline), else 0.',
    value: (stored) => (typeof stored === 'string' ? Number(stored !== 'offline') : null),
  },
];

export interface MetricMetadata {
  type: 'gauge';
  help: string;
  unit: string;
}

/** `/api/v1/metadata`: every metric (or the one asked for), each described once. */
export function metadataAnswer(metric?: string, limit?: number): Record<string, MetricMetadata[]> {
  const chosen = METRIC_CATALOG.filter((m) => metric === undefined || m.name === metric).slice(0, limit);
  return Object.fromEntries(chosen.map((m) => [m.name, [{ type: 'gauge', help: m.help, unit: m.unit }]]));
}
