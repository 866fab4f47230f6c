/** Application metrics scraped from local Prometheus text-format endpoints, as app_metrics entries of the on-prem API. */
import parsePrometheusTextFormat, { type MetricFamily } from 'parse-prometheus-text-format';
import {
  appMetricEntrySchema,
  MAX_APP_METRICS,
  SERVER_LABELS,
  type AppMetricEntry,
} from '../collectors/custom-api/host-report-entries';

export interface ScrapeReading {
  metrics: AppMetricEntry[];
  /** One line per endpoint that could not be scraped, or per sample that could not be reported. */
  problems: string[];
}

const ACCEPT = 'text/plain;version=0.0.4;q=0.9,*/*;q=0.1';

/** Every sample of a family as one entry: histograms and summaries as their _bucket/_sum/_count series, like Prometheus stores them. */
export function entriesOf(family: MetricFamily): AppMetricEntry[] {
  const entry = (name: string, labels: Record<string, string> | undefined, value: string) => ({
    name,
    labels: { ...labels },
    value: Number(value),
  });
  switch (family.type) {
    case 'HISTOGRAM':
      return family.metrics.flatMap((m) => [
        ...Object.entries(m.buckets).map(([le, count]) => entry(`${family.name}_bucket`, { ...m.labels, le }, count)),
        entry(`${family.name}_sum`, m.labels, m.sum),
        entry(`${family.name}_count`, m.labels, m.count),
      ]);
    case 'SUMMARY':
      return family.metrics.flatMap((m) => [
        ...Object.entries(m.quantiles ?? {}).map(([quantile, value]) =>
          entry(family.name, { ...m.labels, quantile }, value)
        ),
        entry(`${family.name}_sum`, m.labels, m.sum),
        entry(`${family.name}_count`, m.labels, m.count),
      ]);
    default:
      return family.metrics.map((m) => entry(family.name, m.labels, m.value));
  }
}

/** A label the server already sets is kept as `exported_<name>`, as Prometheus does when target labels collide. */
function withoutServerLabels(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels).map(([k, v]) => [(SERVER_LABELS as readonly string[]).includes(k) ? `exported_${k}` : k, v])
  );
}

/** Parses one exposition text into entries the on-prem API accepts; the others are named in `problems`. */
export function appMetricsFromText(text: string, source: string): ScrapeReading {
  const metrics: AppMetricEntry[] = [];
  const problems: string[] = [];
  for (const family of parsePrometheusTextFormat(text)) {
    for (const candidate of entriesOf(family)) {
      // JSON has no NaN or ±Inf.
      if (!Number.isFinite(candidate.value)) continue;
      const parsed = appMetricEntrySchema.safeParse({
        ...candidate,
        labels: withoutServerLabels(candidate.labels ?? {}),
      });
      if (parsed.success) metrics.push(parsed.data);
      else problems.push(`${source}: ${candidate.name} left out: ${parsed.error.issues[0].message}`);
    }
  }
  return { metrics, problems };
}

/** Scrapes every URL at once; an endpoint that fails is named in `problems`, the others still count. At most MAX_APP_METRICS entries. */
export async function scrapeAppMetrics(urls: string[], timeoutMs: number): Promise<ScrapeReading> {
  const readings = await Promise.all(
    urls.map(async (url): Promise<ScrapeReading> => {
      try {
        const response = await fetch(url, { headers: { accept: ACCEPT }, signal: AbortSignal.timeout(timeoutMs) });
        if (!response.ok) return { metrics: [], problems: [`${url}: HTTP ${response.status}`] };
        return appMetricsFromText(await response.text(), url);
      } catch (error) {
        const failure = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
        const why =
          failure.name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : failure.cause?.code || failure.cause?.message || failure.message || String(error);
        return { metrics: [], problems: [`${url}: ${why}`] };
      }
    })
  );
  const metrics = readings.flatMap((r) => r.metrics);
  const problems = readings.flatMap((r) => r.problems);
  if (metrics.length > MAX_APP_METRICS)
    problems.push(`${metrics.length} application metrics scraped; the first ${MAX_APP_METRICS} are reported`);
  return { metrics: metrics.slice(0, MAX_APP_METRICS), problems };
}
