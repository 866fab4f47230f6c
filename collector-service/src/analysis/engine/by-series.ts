/** A map keyed by (server, metric). */
import type { MetricName } from '../../domain/metrics';

/** Values per (server, metric) without a key string per pair: 60,000 pairs at 10,000 servers. */
export class BySeries<T> {
  private readonly byMetric = new Map<MetricName, Map<string, T>>();

  get(serverId: string, metric: MetricName): T | undefined {
    return this.byMetric.get(metric)?.get(serverId);
  }

  set(serverId: string, metric: MetricName, value: T): void {
    let byServer = this.byMetric.get(metric);
    if (!byServer) this.byMetric.set(metric, (byServer = new Map()));
    byServer.set(serverId, value);
  }

  delete(serverId: string, metric: MetricName): void {
    this.byMetric.get(metric)?.delete(serverId);
  }

  clear(): void {
    this.byMetric.clear();
  }
}
