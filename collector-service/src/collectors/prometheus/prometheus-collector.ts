/**
 * Kubernetes (or any) nodes through Prometheus scraping node_exporter: discovery from `up`, one query per
 * reading for the whole fleet; pods from kube-state-metrics in the same run, when Prometheus has them.
 */
import type { CollectionResult, MetricCollector } from '../../domain/collector';
import type { ServerInfo, ServerMetrics } from '../../domain/metrics';
import { statusFromThresholds, type Thresholds } from '../../domain/thresholds';
import { checkFleetQueryOptions, fleetQueries, READINGS, type FleetQueryOptions, type Reading } from './fleet-queries';
import { MISSING_KUBE_STATE_METRICS, POD_QUERIES, podSeries, serversByNode, type PodQuery } from './pod-series';
import { PrometheusApi, type VectorSample } from './prometheus-api';
import { targetInventory } from './target-inventory';

export interface PrometheusCollectorOptions {
  endpoint: string;
  /** Bearer token, when Prometheus sits behind an authenticating proxy. */
  apiKey?: string;
  /** Scrape job of node_exporter. */
  job: string;
  /** Label whose value is the server id. */
  serverLabel: string;
  thresholds: Thresholds;
  /** Limit of one HTTP request in ms (the run's signal may end it sooner); default 10 000. */
  requestTimeoutMs?: number;
  /** Range of `rate()`; default `1m`. Needs at least two scrapes inside it. */
  rateWindow?: string;
  now?: () => number;
}

interface Target {
  labels: Record<string, string>;
  up: boolean;
}

export class PrometheusCollector implements MetricCollector {
  readonly name = 'prometheus';
  private readonly api: PrometheusApi;
  private readonly queryOptions: FleetQueryOptions;
  private readonly now: () => number;

  constructor(private readonly options: PrometheusCollectorOptions) {
    this.queryOptions = { job: options.job, serverLabel: options.serverLabel, rateWindow: options.rateWindow ?? '1m' };
    checkFleetQueryOptions(this.queryOptions);
    this.api = new PrometheusApi({
      endpoint: options.endpoint,
      apiKey: options.apiKey,
      timeoutMs: options.requestTimeoutMs ?? 10_000,
    });
    this.now = options.now ?? Date.now;
  }

  async getServerList(): Promise<ServerInfo[]> {
    const targets = await this.targets(fleetQueries(this.queryOptions).up, new Date(this.now()));
    return [...targets].map(([id, target]) => targetInventory(id, target.labels, this.name));
  }

  async isServerOnline(serverId: string): Promise<boolean> {
    const targets = await this.targets(
      fleetQueries(this.queryOptions, serverId).up,
      new Date(this.now()),
      undefined,
      false
    );
    return targets.get(serverId)?.up ?? false;
  }

  async collectMetrics(serverId: string): Promise<ServerMetrics | null> {
    const { samples } = await this.collect(undefined, serverId);
    return samples.find((s) => s.serverId === serverId) ?? null;
  }

  collectAll(signal: AbortSignal): Promise<CollectionResult> {
    return this.collect(signal);
  }

  private async collect(signal?: AbortSignal, serverId?: string): Promise<CollectionResult> {
    const time = new Date(this.now());
    const queries = fleetQueries(this.queryOptions, serverId);
    const fleetWide = serverId === undefined;
    const [targets, pods, ...answers] = await Promise.all([
      this.targets(queries.up, time, signal, fleetWide),
      fleetWide ? this.pods(time, signal) : null,
      ...READINGS.map((reading) => this.api.instantQuery(reading, queries.readings[reading], time, signal)),
    ]);
    const readings = new Map(READINGS.map((reading, i) => [reading, this.byServer(answers[i])]));
    const servers: ServerInfo[] = [];
    const samples: ServerMetrics[] = [];
    const unreachable: string[] = [];
    for (const [id, target] of targets) {
      const inventory = targetInventory(id, target.labels, this.name);
      servers.push(inventory);
      if (!target.up) {
        unreachable.push(id);
        continue;
      }
      const value = (reading: Reading) => readings.get(reading)?.get(id) ?? null;
      const sample: ServerMetrics = {
        serverId: id,
        timestamp: time,
        cpuUsage: value('cpuUsage'),
        memoryUsage: value('memoryUsage'),
        diskUsage: value('diskUsage'),
        networkInBytes: value('networkInBytes'),
        networkOutBytes: value('networkOutBytes'),
        load1m: value('load1m'),
        uptimeSeconds: value('uptimeSeconds'),
        status: 'online',
        rawData: { source: 'prometheus', target: inventory.labels },
      };
      sample.status = statusFromThresholds(sample, this.options.thresholds);
      samples.push(sample);
    }
    if (!pods) return { servers, samples, unreachable };
    if ('notice' in pods) return { servers, samples, unreachable, notices: [pods.notice] };
    const serverOfNode = serversByNode([...targets].map(([id, target]) => ({ id, labels: target.labels })));
    const reachable = new Set(samples.map((s) => s.serverId));
    const series = podSeries(pods, serverOfNode, time).filter((s) => reachable.has(s.serverId));
    return { servers, samples, unreachable, series };
  }

  /**
   * The kube-state-metrics answers; a notice instead when Prometheus has none of its series or a pod
   * query fails, since the host metrics are still good without them.
   */
  private async pods(time: Date, signal?: AbortSignal): Promise<Record<PodQuery, VectorSample[]> | { notice: string }> {
    const names = Object.keys(POD_QUERIES) as PodQuery[];
    try {
      const answers = await Promise.all(
        names.map((name) => this.api.instantQuery(`pod ${name}`, POD_QUERIES[name], time, signal))
      );
      const byName = Object.fromEntries(names.map((name, i) => [name, answers[i]])) as Record<PodQuery, VectorSample[]>;
      if (byName.node.length === 0 && byName.phase.length === 0) return { notice: MISSING_KUBE_STATE_METRICS };
      return byName;
    } catch (error) {
      signal?.throwIfAborted();
      return { notice: `pod status and restarts are not collected: ${(error as Error).message}` };
    }
  }

  /**
   * Targets of the job by server id; a server with several targets is up when any of them is.
   * Fleet-wide, a job without targets or a label no target carries is a setting error, said as such.
   */
  private async targets(
    upQuery: string,
    time: Date,
    signal?: AbortSignal,
    fleetWide = true
  ): Promise<Map<string, Target>> {
    const series = await this.api.instantQuery('up', upQuery, time, signal);
    const { job, serverLabel } = this.queryOptions;
    if (fleetWide && series.length === 0) {
      throw new Error(
        `Prometheus has no up series for job ${JSON.stringify(job)}: check PROMETHEUS_JOB (the scrape job of node_exporter)`
      );
    }
    const targets = new Map<string, Target>();
    for (const { labels, value } of series) {
      const id = labels[serverLabel];
      if (!id) continue;
      const known = targets.get(id);
      targets.set(id, { labels: known?.labels ?? labels, up: (known?.up ?? false) || value === 1 });
    }
    if (fleetWide && targets.size === 0) {
      throw new Error(
        `no target of job ${JSON.stringify(job)} has the label ${JSON.stringify(serverLabel)}: check PROMETHEUS_SERVER_LABEL`
      );
    }
    return targets;
  }

  private byServer(series: VectorSample[]): Map<string, number | null> {
    return new Map(
      series.flatMap(({ labels, value }) => {
        const id = labels[this.queryOptions.serverLabel];
        return id ? [[id, value] as const] : [];
      })
    );
  }
}
