/** Typings for parse-prometheus-text-format 1.1.1 (the package ships none): prom2json's shape, values as text. */
declare module 'parse-prometheus-text-format' {
  type Labels = Record<string, string>;
  interface ValueMetric {
    value: string;
    labels?: Labels;
    timestamp_ms?: string;
  }
  interface HistogramMetric {
    buckets: Record<string, string>;
    count: string;
    sum: string;
    labels?: Labels;
  }
  interface SummaryMetric {
    quantiles?: Record<string, string>;
    count: string;
    sum: string;
    labels?: Labels;
  }
  export type MetricFamily =
    | { name: string; help: string; type: 'COUNTER' | 'GAUGE' | 'UNTYPED'; metrics: ValueMetric[] }
    | { name: string; help: string; type: 'HISTOGRAM'; metrics: HistogramMetric[] }
    | { name: string; help: string; type: 'SUMMARY'; metrics: SummaryMetric[] };

  /** Throws on text that is not the Prometheus text format. */
  export default function parsePrometheusTextFormat(text: string): MetricFamily[];
}
