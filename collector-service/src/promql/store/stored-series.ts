/** OpenManager's stored samples as Prometheus series: inventory narrows by label first, then raw rows of only the needed columns. */
import type { ServerRecord } from '../../domain/server-state';
import type { MetricsStore, ServerFilter } from '../../storage/metrics-store';
import { presentColumns, readRawSamples, type RawColumn } from '../../storage/raw-samples';
import type { SqlClient } from '../../storage/sql-client';
import { executionError } from '../errors';
import { METRIC_NAME, type Labels } from '../labels';
import { matchesLabels, type Matcher } from '../matchers';
import { METRIC_CATALOG, type CatalogMetric } from './metric-catalog';
import type { SeriesSource } from '../eval/query-engine';
import type { StoredSeries } from '../eval/values';

/** Most stored rows one selector may read; more is refused (422) rather than exhausting memory. */
export const MAX_ROWS_PER_SELECTOR = 5_000_000;

/** A series this store can serve: one server × one metric. */
interface Target {
  server: ServerRecord;
  metric: CatalogMetric;
  labels: Labels;
}

export const serverLabels = (s: ServerRecord): Labels => ({ server: s.id, provider: s.provider, region: s.region, role: s.role });

/** Equality matchers on inventory columns go into the SQL filter; every matcher is then applied in full. */
function inventoryFilter(matchers: Matcher[]): ServerFilter {
  const filter: ServerFilter = {};
  for (const m of matchers) {
    if (m.type !== '=') continue;
    if (m.name === 'server') filter.ids = [m.value];
    if (m.name === 'provider' || m.name === 'region' || m.name === 'role') filter[m.name] = m.value;
  }
  return filter;
}

export class StoredSeriesSource implements SeriesSource {
  constructor(
    private readonly store: MetricsStore,
    private readonly sql: SqlClient,
    /** Most rows one selector may read before the query is refused. */
    private readonly maxRows: number,
  ) {}

  private async targets(matchers: Matcher[]): Promise<Target[]> {
    const metrics = METRIC_CATALOG.filter((metric) => matchesLabels(matchers.filter((m) => m.name === METRIC_NAME), { [METRIC_NAME]: metric.name }));
    if (metrics.length === 0) return [];
    const servers = await this.store.listServers(inventoryFilter(matchers));
    const targets: Target[] = [];
    for (const server of servers) {
      for (const metric of metrics) {
        const labels = { [METRIC_NAME]: metric.name, ...serverLabels(server) };
        if (matchesLabels(matchers, labels)) targets.push({ server, metric, labels });
      }
    }
    return targets;
  }

  async select(matchers: Matcher[], fromMs: number, toMs: number): Promise<StoredSeries[]> {
    const targets = await this.targets(matchers);
    const serverIds = [...new Set(targets.map((t) => t.server.id))];
    const columns: RawColumn[] = [...new Set(targets.map((t) => t.metric.column))];
    const { rows, truncated } = await readRawSamples(this.sql, { serverIds, columns, fromMs, toMs }, this.maxRows);
    if (truncated) throw executionError('query processing would load too many samples into memory in query execution');
    const byServer = new Map<string, typeof rows>();
    for (const row of rows) {
      const list = byServer.get(row.server_id);
      if (list) list.push(row);
      else byServer.set(row.server_id, [row]);
    }
    const out: StoredSeries[] = [];
    for (const t of targets) {
      const series: StoredSeries = { labels: t.labels, times: [], values: [] };
      for (const row of byServer.get(t.server.id) ?? []) {
        const value = t.metric.value(row[t.metric.column]);
        if (value === null) continue;
        series.times.push(row.time_ms);
        series.values.push(value);
      }
      if (series.times.length > 0) out.push(series);
    }
    return out;
  }

  /** Label sets of the series matching any of the matcher lists (all series when none) with samples in the span. */
  async seriesLabels(matcherSets: Matcher[][], fromMs?: number, toMs?: number): Promise<Labels[]> {
    const targets = new Map<string, Target>();
    for (const matchers of matcherSets.length > 0 ? matcherSets : [[]]) {
      for (const t of await this.targets(matchers)) targets.set(`${t.server.id}\u0000${t.metric.name}`, t);
    }
    const all = [...targets.values()];
    const present = await presentColumns(this.sql, {
      serverIds: [...new Set(all.map((t) => t.server.id))],
      columns: [...new Set(all.map((t) => t.metric.column))],
      fromMs,
      toMs,
    });
    return all.filter((t) => present.get(t.server.id)?.has(t.metric.column)).map((t) => t.labels);
  }
}
