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

/** One sample as the parser gives it: the value still text. */
interface ParsedSample {
  name: string;
  labels: Record<string, string>;
  text: string;
}

/** Every sample of a family: histograms and summaries as their _bucket/_sum/_count series, like Prometheus stores them. */
export function samplesOf(family: MetricFamily): ParsedSample[] {
  const sample = (name: string, labels: Record<string, string> | undefined, text: string) => ({
    name,
    labels: { ...labels },
    text,
  });
  switch (family.type) {
    case 'HISTOGRAM':
      return family.metrics.flatMap((m) => [
        ...Object.entries(m.buckets).map(([le, count]) => sample(`${family.name}_bucket`, { ...m.labels, le }, count)),
        sample(`${family.name}_sum`, m.labels, m.sum),
        sample(`${family.name}_count`, m.labels, m.count),
      ]);
    case 'SUMMARY':
      return family.metrics.flatMap((m) => [
        ...Object.entries(m.quantiles ?? {}).map(([quantile, value]) =>
          sample(family.name, { ...m.labels, quantile }, value)
        ),
        sample(`${family.name}_sum`, m.labels, m.sum),
        sample(`${family.name}_count`, m.labels, m.count),
      ]);
    default:
      return family.metrics.map((m) => sample(family.name, m.labels, m.value));
  }
}

/** The text format's non-finite values: valid, but JSON cannot carry them, so they are not reported. */
const NON_FINITE = /^[+-]?(?:Inf|NaN)$/i;

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
    for (const { name, labels, text: valueText } of samplesOf(family)) {
      if (NON_FINITE.test(valueText)) continue;
      const value = valueText.trim() === '' ? NaN : Number(valueText);
      if (Number.isNaN(value)) {
        problems.push(`${source}: ${name} left out: the value ${JSON.stringify(valueText)} is not a number`);
        continue;
      }
      const parsed = appMetricEntrySchema.safeParse({ name, labels: withoutServerLabels(labels), value });
      if (parsed.success) metrics.push(parsed.data);
      else problems.push(`${source}: ${name} left out: ${parsed.error.issues[0].message}`);
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
