/**
 * A small deterministic fleet for comparing with a real Prometheus: regular and 30 s samples,
 * a server that stopped reporting, an offline spell, a reboot (uptime reset) and missing readings.
 */
import type { ServerInfo, ServerMetrics } from '../../../src/domain/metrics';
import type { MetricFamily } from '../../../src/bench/real-prometheus';

const MIN = 60_000;

export const FIXTURE_SERVERS: ServerInfo[] = [
  { id: 'srv-a1', provider: 'aws', region: 'us-east-1', role: 'web', collector: 'test', labels: {} },
  { id: 'srv-a2', provider: 'aws', region: 'us-east-1', role: 'api', collector: 'test', labels: {} },
  { id: 'srv-e1', provider: 'aws', region: 'eu-west-1', role: 'database', collector: 'test', labels: {} },
  { id: 'srv-k1', provider: 'kubernetes', region: 'ap-northeast-2', role: 'worker', collector: 'test', labels: {} },
  { id: 'srv-o1', provider: 'onprem', region: 'seoul-dc1', role: 'database', collector: 'test', labels: {} },
  { id: 'srv-o2', provider: 'onprem', region: 'seoul-dc1', role: 'web', collector: 'test', labels: {} },
];

export interface Fixture {
  samples: ServerMetrics[];
  startMs: number;
  endMs: number;
  /** When srv-o1 sent its last sample. */
  stoppedAtMs: number;
}

/**
 * Three hours of samples ending at `endMs`. Callers put samples off whole seconds (e.g. at
 * …:17.300) so no evaluation time or window edge lands on a sample: Prometheus 2.x (Debian's)
 * includes a sample exactly at a window's start, Prometheus 3 and this engine do not.
 */
export function buildFixture(endMs: number): Fixture {
  const startMs = endMs - 3 * 60 * MIN;
  const stoppedAtMs = endMs - 20 * MIN;
  const rebootAtMs = endMs - 70 * MIN;
  const samples: ServerMetrics[] = [];
  FIXTURE_SERVERS.forEach((server, k) => {
    const every = server.id === 'srv-k1' ? MIN / 2 : MIN;
    for (let t = startMs, i = 0; t <= endMs; t += every, i++) {
      if (server.id === 'srv-o1' && t > stoppedAtMs) break;
      const offline = server.id === 'srv-o2' && t >= endMs - 50 * MIN && t < endMs - 40 * MIN;
      const cpu = Math.round((50 + 30 * Math.sin(i / 10 + k) + ((i * 7919 + k * 104729) % 13) / 2) * 100) / 100;
      const bootMs = server.id === 'srv-o2' && t >= rebootAtMs ? rebootAtMs - 45_000 : startMs - (k + 1) * 86_400_000;
      samples.push({
        serverId: server.id,
        timestamp: new Date(t),
        cpuUsage: cpu,
        memoryUsage: Math.round((60 + 20 * Math.cos(i / 15 + k)) * 100) / 100,
        diskUsage: Math.round((40 + k * 5 + i * 0.01 * (k + 1)) * 1000) / 1000,
        networkInBytes: Math.round(1e6 * (1.5 + Math.sin(i / 7 + k))),
        networkOutBytes: Math.round(4e5 * (1.5 + Math.cos(i / 9 + k))),
        load1m: server.id === 'srv-k1' && i % 7 === 3 ? null : Math.round((1 + Math.sin(i / 5 + k)) * 1000) / 1000,
        uptimeSeconds: (t - bootMs) / 1000,
        status: offline ? 'offline' : cpu >= 70 ? 'warning' : 'online',
        rawData: {},
      });
    }
  });
  return { samples, startMs, endMs, stoppedAtMs };
}

/** The table of served series, written out here independently of the service's catalog. */
const CONTRACT_SERIES: Array<[string, (s: ServerMetrics) => number | null]> = [
  ['openmanager_cpu_usage_percent', (s) => s.cpuUsage],
  ['openmanager_memory_usage_percent', (s) => s.memoryUsage],
  ['openmanager_disk_usage_percent', (s) => s.diskUsage],
  ['openmanager_network_receive_bytes_per_second', (s) => s.networkInBytes],
  ['openmanager_network_transmit_bytes_per_second', (s) => s.networkOutBytes],
  ['openmanager_load1', (s) => s.load1m],
  ['openmanager_uptime_seconds', (s) => s.uptimeSeconds],
  ['openmanager_up', (s) => (s.status === 'offline' ? 0 : 1)],
];

export function toMetricFamilies(samples: ServerMetrics[]): MetricFamily[] {
  return CONTRACT_SERIES.map(([name, read]) => ({
    name,
    series: FIXTURE_SERVERS.map((server) => ({
      labels: { server: server.id, provider: server.provider, region: server.region, role: server.role },
      samples: samples
        .filter((s) => s.serverId === server.id && read(s) !== null)
        .map((s) => [s.timestamp.getTime(), read(s)!] as [number, number]),
    })),
  }));
}
