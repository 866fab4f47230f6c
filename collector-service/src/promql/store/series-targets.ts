/**
 * The series the stored samples make, one per server × catalog metric, with their label sets. A
 * server's series are built once and reused while its labels stay the same: rules evaluated every
 * second over 10,000 servers would otherwise build tens of thousands of label sets per evaluation,
 * in batches that V8 moves to the old generation before they die.
 */
import type { ServerRecord } from '../../domain/server-state';
import type { Labels } from '../labels';
import { METRIC_CATALOG, type CatalogMetric } from './metric-catalog';

/** A series this store can serve: one server × one metric. */
export interface Target {
  serverId: string;
  metric: CatalogMetric;
  labels: Labels;
}

export const serverLabels = (s: ServerRecord): Labels => ({
  server: s.id,
  provider: s.provider,
  region: s.region,
  role: s.role,
});

interface ServerTargets {
  provider: string;
  region: string;
  role: string;
  /** By METRIC_CATALOG index, each built on first use. */
  byMetric: Array<Target | undefined>;
}

export class SeriesTargets {
  private readonly byServer = new Map<string, ServerTargets>();

  /** The series of `server` for the catalog metric at `metricIndex`. */
  target(server: ServerRecord, metricIndex: number): Target {
    let known = this.byServer.get(server.id);
    if (!known || known.provider !== server.provider || known.region !== server.region || known.role !== server.role) {
      known = { provider: server.provider, region: server.region, role: server.role, byMetric: [] };
      this.byServer.set(server.id, known);
    }
    return (known.byMetric[metricIndex] ??= newTarget(server, METRIC_CATALOG[metricIndex]));
  }

  /** Forgets servers not in `servers`, the whole inventory (servers gone since). */
  keepOnly(servers: readonly ServerRecord[]): void {
    if (this.byServer.size <= servers.length) return;
    const ids = new Set(servers.map((s) => s.id));
    for (const id of this.byServer.keys()) if (!ids.has(id)) this.byServer.delete(id);
  }
}

const newTarget = (server: ServerRecord, metric: CatalogMetric): Target => ({
  serverId: server.id,
  metric,
  labels: {
    __name__: metric.name,
    server: server.id,
    provider: server.provider,
    region: server.region,
    role: server.role,
  },
});
