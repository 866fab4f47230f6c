/** The series findings rest on: which server metrics to fetch, and their frames as sparklines. */
import { DataFrame, DataQueryResponse, FieldSparkline, FieldType, getMinMaxAndDelta } from '@grafana/data';

import { AskFinding, METRIC_NAMES, MetricName, SeriesRef } from '../../datasource/types';

/** More findings than this share no charts: one request stays small even for a fleet-wide answer. */
export const MAX_SERIES = 12;

export const seriesKey = ({ server, metric }: SeriesRef): string => `${server}\u0000${metric}`;

/** The series of a finding, or undefined when it is not about one metric of one server (e.g. offline). */
export function seriesOf(finding: AskFinding): SeriesRef | undefined {
  return finding.metric && (METRIC_NAMES as readonly string[]).includes(finding.metric)
    ? { server: finding.serverId, metric: finding.metric as MetricName }
    : undefined;
}

/** Distinct series of the findings, in order, at most MAX_SERIES. */
export function seriesOfFindings(findings: readonly AskFinding[]): SeriesRef[] {
  const seen = new Map<string, SeriesRef>();
  for (const finding of findings) {
    const series = seriesOf(finding);
    if (series && !seen.has(seriesKey(series)) && seen.size < MAX_SERIES) {
      seen.set(seriesKey(series), series);
    }
  }
  return Array.from(seen.values());
}

export interface SeriesResult {
  frame?: DataFrame;
  error?: string;
}

/** The answer of DataSource.querySeries, per series key (refIds S0, S1, ... follow the order asked). */
export function resultsBySeries(series: readonly SeriesRef[], response: DataQueryResponse): Map<string, SeriesResult> {
  const results = new Map<string, SeriesResult>();
  series.forEach((ref, index) => {
    const refId = `S${index}`;
    const error = response.errors?.find((e) => e.refId === refId)?.message;
    const frame = (response.data as DataFrame[]).find((f) => f.refId === refId && f.fields.length > 0);
    results.set(seriesKey(ref), error ? { error } : { frame });
  });
  return results;
}

/**
 * The frame as a sparkline whose y range includes the threshold, so the chart shows how far past (or below)
 * it the series runs. Undefined when the frame has fewer than two points.
 */
export function toSparkline(frame: DataFrame, threshold: number | null): FieldSparkline | undefined {
  const x = frame.fields.find((field) => field.type === FieldType.time);
  const y = frame.fields.find((field) => field.type === FieldType.number);
  if (!x || !y || y.values.length < 2) {
    return undefined;
  }
  const values = y.values.map((v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
  // the service's 0–100 % bounds would flatten the line: the range comes from the values alone
  const range = getMinMaxAndDelta({ ...y, values, config: {} });
  const min = Math.min(range.min ?? 0, threshold ?? Infinity);
  const max = Math.max(range.max ?? 0, threshold ?? -Infinity);
  return {
    x: { ...x, config: { ...x.config, interval: x.values[1] - x.values[0] } },
    y: {
      ...y,
      values,
      config: { ...y.config, min, max },
      state: { ...y.state, range: { min, max, delta: max - min } },
    },
  };
}
