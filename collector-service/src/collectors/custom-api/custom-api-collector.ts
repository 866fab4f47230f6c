/** On-premises hosts through the custom on-prem API (served by `npm run agent`, or any service speaking it). */
import type { CollectionResult, MetricCollector } from '../../domain/collector';
import type { ServerInfo, ServerMetrics } from '../../domain/metrics';
import { statusFromThresholds, type Thresholds } from '../../domain/thresholds';
import { OnpremApiClient } from './onprem-api-client';
import type { ServerEntry, ServerMetricsAnswer } from './onprem-api-schema';

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
    return this.read(serverId);
  }

  async collectAll(signal: AbortSignal): Promise<CollectionResult> {
    const entries = await this.api.listServers(signal);
    const samples = await mapWithLimit(entries, this.concurrency, (entry) => this.read(entry.id, signal));
    return {
      servers: entries.map((entry) => this.inventory(entry)),
      samples: samples.filter((s): s is ServerMetrics => s !== null),
      unreachable: entries.filter((_, i) => samples[i] === null).map((entry) => entry.id),
    };
  }

  /** The server's sample, or null when the API says it is offline or no longer knows it. */
  private async read(serverId: string, signal?: AbortSignal): Promise<ServerMetrics | null> {
    const status = await this.api.status(serverId, signal);
    if (!status?.online) return null;
    const answer = await this.api.metrics(serverId, signal);
    return answer && this.sample(answer);
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

  private sample(answer: ServerMetricsAnswer): ServerMetrics {
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
      rawData: { source: 'custom-api', answer },
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
