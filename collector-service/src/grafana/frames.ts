/** Builders of Grafana data frame JSON: one frame per server × metric for series, one table for latest values and for the inventory. */
import type { DataFrameJson, FrameField, FrameNotice } from '@openmanager/contract';
import { METRIC_UNITS, metricValue, type MetricName } from '../domain/metrics';
import { effectiveStatus, type ServerRecord } from '../domain/server-state';
import type { LatestRead } from '../storage/latest-reader';

const PERCENT_METRICS = new Set<MetricName>(['cpu', 'memory', 'disk']);

export function serverLabels(r: ServerRecord): Record<string, string> {
  return { server: r.id, provider: r.provider, region: r.region, role: r.role };
}

/** `{{server}} {{metric}}`-style alias, or the default display name `<server> <metric>`. */
export function displayName(alias: string | undefined, r: ServerRecord, metric: MetricName): string {
  if (!alias) return `${r.id} ${metric}`;
  const values: Record<string, string> = { ...serverLabels(r), metric };
  return alias.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => values[key] ?? whole);
}

function metricField(metric: MetricName, extra: Partial<FrameField> = {}): FrameField {
  const config: FrameField['config'] = { unit: METRIC_UNITS[metric] };
  if (PERCENT_METRICS.has(metric)) Object.assign(config, { min: 0, max: 100 });
  return { name: metric, type: 'number', ...extra, config: { ...config, ...extra.config } };
}

export function seriesFrame(
  refId: string,
  record: ServerRecord,
  metric: MetricName,
  timestamps: number[],
  values: Array<number | null>,
  alias: string | undefined,
  notices: FrameNotice[]
): DataFrameJson {
  const name = displayName(alias, record, metric);
  return {
    schema: {
      name,
      refId,
      fields: [
        { name: 'time', type: 'time' },
        metricField(metric, { labels: serverLabels(record), config: { displayNameFromDS: name } }),
      ],
      ...(notices.length > 0 ? { meta: { notices } } : {}),
    },
    data: { values: [timestamps, values] },
  };
}

export function latestTable(
  refId: string,
  records: ServerRecord[],
  reads: Map<string, LatestRead>,
  metrics: MetricName[],
  nowMs: number,
  intervalMs: number,
  notices: FrameNotice[]
): DataFrameJson {
  const withSample = records.map((r) => ({ r, read: reads.get(r.id) }));
  const columns: Array<[FrameField, unknown[]]> = [
    [{ name: 'server', type: 'string' }, withSample.map(({ r }) => r.id)],
    [{ name: 'provider', type: 'string' }, withSample.map(({ r }) => r.provider)],
    [{ name: 'region', type: 'string' }, withSample.map(({ r }) => r.region)],
    [{ name: 'role', type: 'string' }, withSample.map(({ r }) => r.role)],
    [{ name: 'status', type: 'string' }, withSample.map(({ r }) => effectiveStatus(r, nowMs, intervalMs))],
    [{ name: 'time', type: 'time' }, withSample.map(({ read }) => read?.sample.timestamp.getTime() ?? null)],
    ...metrics.map((m): [FrameField, unknown[]] => [
      metricField(m),
      withSample.map(({ read }) => (read ? metricValue(read.sample, m) : null)),
    ]),
  ];
  return table(refId, 'latest', columns, notices);
}

export function serverTable(refId: string, records: ServerRecord[], nowMs: number, intervalMs: number): DataFrameJson {
  return table(
    refId,
    'servers',
    [
      [{ name: 'server', type: 'string' }, records.map((r) => r.id)],
      [{ name: 'provider', type: 'string' }, records.map((r) => r.provider)],
      [{ name: 'region', type: 'string' }, records.map((r) => r.region)],
      [{ name: 'role', type: 'string' }, records.map((r) => r.role)],
      [{ name: 'status', type: 'string' }, records.map((r) => effectiveStatus(r, nowMs, intervalMs))],
      [{ name: 'last seen', type: 'time' }, records.map((r) => r.lastSeenAt?.getTime() ?? null)],
      [{ name: 'collector', type: 'string' }, records.map((r) => r.collector)],
    ],
    []
  );
}

/** An empty frame that carries notices, so "no data" always says why. */
export function noticeFrame(refId: string, notices: FrameNotice[]): DataFrameJson {
  return { schema: { refId, fields: [], meta: { notices } }, data: { values: [] } };
}

function table(
  refId: string,
  name: string,
  columns: Array<[FrameField, unknown[]]>,
  notices: FrameNotice[]
): DataFrameJson {
  return {
    schema: {
      name,
      refId,
      fields: columns.map(([f]) => f),
      meta: { preferredVisualisationType: 'table', ...(notices.length > 0 ? { notices } : {}) },
    },
    data: { values: columns.map(([, v]) => v) },
  };
}
