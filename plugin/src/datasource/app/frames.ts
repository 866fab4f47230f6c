/** Turns one target's frames from the service (Grafana data frame JSON) into DataFrames with units, names and notices. */
import { DataFrame, DataFrameJSON, Field, FieldType, createDataFrame, dataFrameFromJSON } from '@grafana/data';

import { METRIC_NAMES, METRIC_TITLES, METRIC_UNITS, MetricName } from '../types';

/** Titles of the non-metric columns of the `latest` and `servers` tables. */
const COLUMN_TITLES: Record<string, string> = {
  time: 'Time',
  server: 'Server',
  provider: 'Provider',
  region: 'Region',
  role: 'Role',
  status: 'Status',
  'last seen': 'Last seen',
  collector: 'Collector',
};

function metricOf(field: Field): MetricName | undefined {
  const candidate = field.labels?.metric ?? field.name;
  return (METRIC_NAMES as readonly string[]).includes(candidate) ? (candidate as MetricName) : undefined;
}

/** Replaces `{{key}}` with the series' labels (and `metric`); unknown keys are left as written. */
export function renderAlias(alias: string, values: Record<string, string>): string {
  return alias.replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, key: string) => values[key] ?? placeholder);
}

function defaultDisplayName(field: Field, metric: MetricName): string {
  const server = field.labels?.server;
  return server ? `${server} ${METRIC_TITLES[metric]}` : METRIC_TITLES[metric];
}

/** Fills in what the service left out; whatever it set (unit, display name) wins. */
function decorateField(field: Field, alias: string | undefined): Field {
  const metric = field.type === FieldType.number ? metricOf(field) : undefined;
  const config = { ...field.config };
  if (metric) {
    config.unit ??= METRIC_UNITS[metric];
    config.displayNameFromDS ??= alias
      ? renderAlias(alias, { ...field.labels, metric })
      : defaultDisplayName(field, metric);
  } else if (COLUMN_TITLES[field.name]) {
    config.displayNameFromDS ??= COLUMN_TITLES[field.name];
  }
  return { ...field, config };
}

/**
 * Frames of one target. An empty answer becomes an empty frame whose notice says so, so a panel shows why
 * it has nothing instead of a bare "No data"; notices the service set (cache miss, stale, limits) are kept.
 * @param description what was asked, for the empty-answer notice (e.g. "cpu of DB-EU-002")
 */
export function toTargetFrames(
  refId: string,
  frames: readonly DataFrameJSON[],
  description: string,
  alias?: string
): DataFrame[] {
  if (frames.length === 0) {
    const empty = createDataFrame({ refId, fields: [] });
    empty.meta = {
      notices: [
        { severity: 'info', text: `The OpenManager service has no samples for ${description} in this time range.` },
      ],
    };
    return [empty];
  }
  return frames.map((json) => {
    const frame = dataFrameFromJSON(json);
    return { ...frame, refId, fields: frame.fields.map((field) => decorateField(field, alias)) };
  });
}
