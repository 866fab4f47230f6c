/** On-premises hosts through the custom on-prem API (served by `npm run agent`, or any service speaking it). */
import type { CollectionResult, MetricCollector } from '../../domain/collector';
import type { ServerInfo, ServerMetrics } from '../../domain/metrics';
import type { SeriesSample } from '../../domain/series';
import { statusFromThresholds, type Thresholds } from '../../domain/thresholds';
import { seriesFromReport } from './host-report-series';
import { OnpremApiClient } from './onprem-api-client';
import type { ServerEntry, ServerReport } from './onprem-api-schema';

interface HostReading {
  sample: ServerMetrics;
  series: SeriesSample[];
}

export interface CustomApiCollectorOptions {
  endpoint: string;
  /** Sent as `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  thresholds: Thresholds;
  /** Limit of one HTTP request in ms (the run's signal may end it sooner); default 10 000. */
  requestTimeoutMs?: number;
  /** Servers asked about at once; default 8. */
  concurrency?: number;
}

export class CustomApiCollector implements MetricCollector {
  readonly name = 'custom-api';
  private readonly api: OnpremApiClient;
  private readonly concurrency: number;

  constructor(private readonly options: CustomApiCollectorOptions) {
    this.api = new OnpremApiClient({
      endpoint: options.endpoint,
      apiKey: options.apiKey,
      timeoutMs: options.requestTimeoutMs ?? 10_000,
    });
    this.concurrency = Math.max(1, options.concurrency ?? 8);
  }

  async getServerList(): Promise<ServerInfo[]> {
    return (await this.api.listServers()).map((entry) => this.inventory(entry));
  }

  async isServerOnline(serverId: string): Promise<boolean> {
    return (await this.api.status(serverId))?.online ?? false;
  }

  async collectMetrics(serverId: string): Promise<ServerMetrics | null> {
    return (await this.read(serverId))?.sample ?? null;
  }

  async collectAll(signal: AbortSignal): Promise<CollectionResult> {
    const entries = await this.api.listServers(signal);
    const readings = await mapWithLimit(entries, this.concurrency, (entry) => this.read(entry.id, signal));
    const reached = readings.filter((r): r is HostReading => r !== null);
    return {
      servers: entries.map((entry) => this.inventory(entry)),
      samples: reached.map((r) => r.sample),
      unreachable: entries.filter((_, i) => readings[i] === null).map((entry) => entry.id),
      series: reached.flatMap((r) => r.series),
    };
  }

  /** The server's sample and series, or null when the API says it is offline or no longer knows it. */
  private async read(serverId: string, signal?: AbortSignal): Promise<HostReading | null> {
    const status = await this.api.status(serverId, signal);
    if (!status?.online) return null;
    const answer = await this.api.metrics(serverId, signal);
    if (!answer) return null;
    const { series, rejected } = seriesFromReport(answer);
    const sample = this.sample(answer);
    // Entries dropped for a bad name or value stay visible with their reason in the sample's raw data.
    if (rejected.length > 0) sample.rawData = { ...sample.rawData, rejected };
    return { sample, series };
  }

  private inventory(entry: ServerEntry): ServerInfo {
    return {
      id: entry.id,
      provider: 'onprem',
      region: entry.region,
      role: entry.role,
      collector: this.name,
      labels: entry.labels ?? {},
    };
  }

  private sample(answer: ServerReport): ServerMetrics {
    // The lists become series; raw data keeps the host readings only.
    const { services: _services, volumes: _volumes, app_metrics: _appMetrics, ...reading } = answer;
    const sample: ServerMetrics = {
      serverId: answer.server_id,
      timestamp: new Date(answer.timestamp),
      cpuUsage: answer.cpu_usage,
      memoryUsage: answer.memory_usage,
      diskUsage: answer.disk_usage,
      networkInBytes: answer.network_in_bytes,
      networkOutBytes: answer.network_out_bytes,
      load1m: answer.load_1m,
      uptimeSeconds: answer.uptime_seconds,
      status: 'online',
      rawData: { source: 'custom-api', answer: reading },
    };
    sample.status = statusFromThresholds(sample, this.options.thresholds);
    return sample;
  }
}

/** `task` over every item, at most `limit` at a time, results in item order; the first failure stops the rest. */
async function mapWithLimit<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      const index = next++;
      try {
        results[index] = await task(items[index]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
