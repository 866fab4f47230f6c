/** The PromQL the collector sends: one instant query per sample field, each answering one series per server. */

/** Readings a node_exporter target gives, named as the sample fields they fill. */
export const READINGS = [
  'cpuUsage',
  'memoryUsage',
  'diskUsage',
  'networkInBytes',
  'networkOutBytes',
  'load1m',
  'uptimeSeconds',
] as const;
export type Reading = (typeof READINGS)[number];

/**
 * Interfaces that carry no traffic of their own (loopback, container and bridge plumbing): counting
 * them would count a packet twice. RE2/JavaScript syntax, matched against the whole interface name.
 */
export const VIRTUAL_INTERFACES =
  'lo|veth.*|docker.*|br-.*|virbr.*|cni.*|cali.*|flannel.*|cilium.*|lxc.*|tunl.*|vxlan.*|kube-.*';

export interface FleetQueryOptions {
  /** Scrape job of node_exporter (`up{job=...}`). */
  job: string;
  /** Label whose value names a server (default `instance`). */
  serverLabel: string;
  /** Range of `rate()`: at least two scrape intervals (`1m` suits the usual 15 s scrapes). */
  rateWindow: string;
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;

/** Throws naming the option when a label name or duration would not be valid PromQL. */
export function checkFleetQueryOptions(options: FleetQueryOptions): void {
  if (!LABEL_NAME.test(options.serverLabel)) {
    throw new Error(
      `PROMETHEUS_SERVER_LABEL expects a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*), got ${JSON.stringify(options.serverLabel)}`
    );
  }
  if (!DURATION.test(options.rateWindow)) {
    throw new Error(
      `the Prometheus rate window expects a duration such as 1m or 30s, got ${JSON.stringify(options.rateWindow)}`
    );
  }
}

/** A PromQL string literal. */
function quote(value: string): string {
  return JSON.stringify(value);
}

/** PromQL for discovery and for every reading, limited to one server when `serverId` is given. */
export function fleetQueries(
  options: FleetQueryOptions,
  serverId?: string
): { up: string; readings: Record<Reading, string> } {
  const { job, serverLabel: by, rateWindow: w } = options;
  const scope = [`job=${quote(job)}`, ...(serverId === undefined ? [] : [`${by}=${quote(serverId)}`])];
  const series = (metric: string, ...matchers: string[]) => `${metric}{${[...scope, ...matchers].join(',')}}`;
  const rootFs = (metric: string) => series(metric, 'mountpoint="/"', 'fstype!~"rootfs|tmpfs"');
  const physical = `device!~${quote(VIRTUAL_INTERFACES)}`;
  return {
    up: series('up'),
    readings: {
      // Busy share of all CPU time rather than `1 - avg(rate(idle))`: both rates come from the same
      // scrapes, so a series younger than the window or a late scrape cannot skew the ratio.
      cpuUsage: `100 * (1 - sum by (${by}) (rate(${series('node_cpu_seconds_total', 'mode="idle"')}[${w}])) / sum by (${by}) (rate(${series('node_cpu_seconds_total')}[${w}])))`,
      memoryUsage: `max by (${by}) (100 * (1 - ${series('node_memory_MemAvailable_bytes')} / ${series('node_memory_MemTotal_bytes')}))`,
      // df's Use%: used / (used + available to unprivileged users); root-reserved blocks are not "used".
      diskUsage: `max by (${by}) (100 * (1 - ${rootFs('node_filesystem_avail_bytes')} / (${rootFs('node_filesystem_avail_bytes')} + ${rootFs('node_filesystem_size_bytes')} - ${rootFs('node_filesystem_free_bytes')})))`,
      networkInBytes: `sum by (${by}) (rate(${series('node_network_receive_bytes_total', physical)}[${w}]))`,
      networkOutBytes: `sum by (${by}) (rate(${series('node_network_transmit_bytes_total', physical)}[${w}]))`,
      load1m: `max by (${by}) (${series('node_load1')})`,
      uptimeSeconds: `max by (${by}) (${series('node_time_seconds')} - ${series('node_boot_time_seconds')})`,
    },
  };
}
