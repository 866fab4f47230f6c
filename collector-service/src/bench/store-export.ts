/** Every stored sample as Prometheus metric families (the series /prometheus serves), to load a real Prometheus with the same data. */
import { serverLabels } from '../promql/store/series-targets';
import { METRIC_CATALOG } from '../promql/store/metric-catalog';
import type { MetricsStore } from '../storage/metrics-store';
import { RAW_COLUMNS, readRawSamples } from '../storage/raw-samples';
import type { MetricFamily } from './real-prometheus';

const SERVERS_PER_QUERY = 50;

export async function exportFamilies(
  store: MetricsStore,
  toMs: number
): Promise<{ families: MetricFamily[]; samples: number }> {
  const servers = await store.listServers();
  const families: MetricFamily[] = METRIC_CATALOG.map((m) => ({ name: m.name, series: [] }));
  let samples = 0;
  for (let i = 0; i < servers.length; i += SERVERS_PER_QUERY) {
    const chunk = servers.slice(i, i + SERVERS_PER_QUERY);
    const { rows } = await readRawSamples(
      store.sql,
      { serverIds: chunk.map((s) => s.id), columns: [...RAW_COLUMNS], toMs },
      Number.MAX_SAFE_INTEGER
    );
    for (const server of chunk) {
      const own = rows.filter((r) => r.server_id === server.id);
      METRIC_CATALOG.forEach((metric, k) => {
        const points: Array<[number, number]> = [];
        for (const row of own) {
          const value = metric.value(row[metric.column]);
          if (value !== null) points.push([row.time_ms, value]);
        }
        samples += points.length;
        if (points.length > 0) families[k].series.push({ labels: serverLabels(server), samples: points });
      });
    }
  }
  return { families, samples };
}
