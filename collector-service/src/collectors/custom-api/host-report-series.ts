/** A host's services, volumes and application metrics → labelled series; each bad entry is dropped with its reason. */
import type { z } from 'zod';
import { APP_SERIES_PREFIX, SERIES_NAMES, type SeriesSample } from '../../domain/series';
import { formatPath } from '../http-json';
import {
  appMetricEntrySchema,
  MAX_APP_METRICS,
  MAX_SERVICES,
  MAX_VOLUMES,
  serviceEntrySchema,
  UP_STATES,
  volumeEntrySchema,
} from './host-report-entries';
import type { ServerReport } from './onprem-api-schema';

/** An entry of the report that was not turned into series, and why: `field` as `app_metrics[3]`. */
export interface RejectedEntry {
  field: string;
  reason: string;
}

export interface HostReportSeries {
  series: SeriesSample[];
  rejected: RejectedEntry[];
}

export function seriesFromReport(report: ServerReport): HostReportSeries {
  const serverId = report.server_id;
  const timestamp = new Date(report.timestamp);
  const series: SeriesSample[] = [];
  const rejected: RejectedEntry[] = [];
  const add = (name: string, labels: Record<string, string>, value: number) =>
    series.push({ serverId, name, labels, timestamp, value });

  for (const service of validEntries(
    'services',
    report.services,
    serviceEntrySchema,
    MAX_SERVICES,
    rejected,
    (s) => s.name
  ))
    add(SERIES_NAMES.serviceUp, { service: service.name }, UP_STATES.has(service.state) ? 1 : 0);

  for (const volume of validEntries(
    'volumes',
    report.volumes,
    volumeEntrySchema,
    MAX_VOLUMES,
    rejected,
    (v) => v.name
  )) {
    add(SERIES_NAMES.volumeReadBytes, { volume: volume.name }, volume.read_bytes_per_second);
    add(SERIES_NAMES.volumeWriteBytes, { volume: volume.name }, volume.write_bytes_per_second);
  }

  const appMetrics = validEntries(
    'app_metrics',
    report.app_metrics,
    appMetricEntrySchema,
    MAX_APP_METRICS,
    rejected,
    (m) => seriesKey(m.name, m.labels ?? {})
  );
  for (const metric of appMetrics) add(`${APP_SERIES_PREFIX}${metric.name}`, metric.labels ?? {}, metric.value);

  return { series, rejected };
}

/**
 * The entries of one list that pass `schema`, the first `limit` only, each identity once;
 * the others are recorded in `rejected`.
 */
function validEntries<S extends z.ZodType>(
  list: string,
  entries: unknown[] | undefined,
  schema: S,
  limit: number,
  rejected: RejectedEntry[],
  identity: (entry: z.infer<S>) => string
): z.infer<S>[] {
  if (!entries) return [];
  if (entries.length > limit)
    rejected.push({
      field: `${list}[${limit}..${entries.length - 1}]`,
      reason: `more than ${limit} ${list} in one report; the rest are dropped`,
    });
  const seen = new Set<string>();
  const valid: z.infer<S>[] = [];
  entries.slice(0, limit).forEach((entry, index) => {
    const field = `${list}[${index}]`;
    const parsed = schema.safeParse(entry);
    if (!parsed.success) {
      rejected.push(rejection(field, parsed.error.issues[0]));
      return;
    }
    const key = identity(parsed.data);
    if (seen.has(key)) {
      rejected.push({ field, reason: `repeats an earlier entry (${key})` });
      return;
    }
    seen.add(key);
    valid.push(parsed.data);
  });
  return valid;
}

/** Where in the entry and why; a bad label name is named in the reason (zod nests its issue). */
function rejection(field: string, issue: z.core.$ZodIssue): RejectedEntry {
  const at = (path: readonly PropertyKey[]) => {
    const where = formatPath(path);
    return where === '' ? field : `${field}.${where}`;
  };
  if (issue.code === 'invalid_key' && issue.issues.length > 0) {
    const key = String(issue.path.at(-1));
    return { field: at(issue.path.slice(0, -1)), reason: `label ${JSON.stringify(key)}: ${issue.issues[0].message}` };
  }
  return { field: at(issue.path), reason: issue.message };
}

/** `name{a="1",b="2"}`, labels sorted: one series' identity. */
function seriesKey(name: string, labels: Record<string, string>): string {
  const pairs = Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return `${name}{${pairs.join(',')}}`;
}
