/**
 * `series` targets of POST /api/query: one labelled series (pods, services, volumes, application metrics)
 * of the chosen servers, filtered by its labels, bucketed to at most maxDataPoints per series, one frame
 * per series with the server's labels and its own.
 */
import { SERIES_SERVER_LABELS, type DataFrameJson, type FrameNotice, type QueryTarget } from '@openmanager/contract';
import type { ServerRecord } from '../domain/server-state';
import { matchesLabels } from '../promql/matchers';
import { aggregate } from '../storage/head/bucket-aggregate';
import type { SeriesReader, StoredLabelledSeries } from '../storage/series/series-reader';
import { selectWithinBudget } from '../storage/series/select-within-budget';
import { stepFor, type QueryBudget, type TimeRange } from '../limits';
import { serverLabels } from './frames';
import { selectionMatcher } from '../servers/query';

const SERVER_LABELS: ReadonlySet<string> = new Set(SERIES_SERVER_LABELS);

export interface SeriesTargetInput {
  target: QueryTarget & { series: string };
  /** The servers the target and the request's filters select; `all` when neither narrowed them. */
  servers: ServerRecord[];
  all: boolean;
  range: TimeRange;
  maxDataPoints: number;
  intervalMs?: number;
  maxSeries: number;
}

/** `{{label}}` placeholders of the alias filled from the series' labels; default `<server> <own labels>`. */
function displayName(alias: string | undefined, labels: Record<string, string>, own: Record<string, string>): string {
  if (alias) return alias.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => labels[key] ?? whole);
  const parts = Object.keys(own)
    .sort()
    .map((k) => `${k}=${own[k]}`);
  return parts.length > 0 ? `${labels.server} ${parts.join(' ')}` : (labels.server ?? '');
}

/** Epoch-aligned buckets of stepMs holding at least one sample, aggregated as the six metrics are. */
function bucketed(series: StoredLabelledSeries, stepMs: number, aggregation: QueryTarget['aggregation']) {
  const values = Float64Array.from(series.values);
  const scratch = new Float64Array(aggregation === 'p95' ? values.length : 0);
  const times: number[] = [];
  const out: Array<number | null> = [];
  const t = series.timestampsMs;
  let i = 0;
  while (i < t.length) {
    const bucket = Math.floor(t[i] / stepMs);
    let j = i + 1;
    while (j < t.length && t[j] < (bucket + 1) * stepMs) j++;
    times.push(bucket * stepMs);
    out.push(aggregate(values, i, j, aggregation, scratch));
    i = j;
  }
  return { times, values: out };
}

function frame(
  refId: string,
  name: string,
  labels: Record<string, string>,
  display: string,
  points: ReturnType<typeof bucketed>,
  notices: FrameNotice[]
): DataFrameJson {
  return {
    schema: {
      name: display,
      refId,
      fields: [
        { name: 'time', type: 'time' },
        { name, type: 'number', labels, config: { displayNameFromDS: display } },
      ],
      ...(notices.length > 0 ? { meta: { notices } } : {}),
    },
    data: { values: [points.times, points.values] },
  };
}

export async function runSeriesTarget(
  input: SeriesTargetInput,
  reader: SeriesReader,
  budget: QueryBudget,
  notices: FrameNotice[]
): Promise<DataFrameJson[]> {
  const { target, range } = input;
  const matchers = target.labels.map((m) => selectionMatcher(`label ${m.label}`, m.label, m.operator, m.value));
  const exact: Record<string, string> = {};
  // Server labels are matched on the inventory's values below; only the series' own narrow the read.
  for (const m of target.labels)
    if (m.operator === '=' && m.value !== '' && !SERVER_LABELS.has(m.label)) exact[m.label] = m.value;
  const byId = new Map(input.servers.map((s) => [s.id, s]));
  const stepMs = stepFor(range.fromMs, range.toMs, input.maxDataPoints, input.intervalMs);

  const read = await selectWithinBudget(
    reader,
    {
      name: target.series,
      serverIds: input.all ? undefined : input.servers.map((s) => s.id),
      labels: exact,
      fromMs: range.fromMs,
      toMs: range.toMs,
    },
    budget
  );

  const matching = read
    .map((s) => {
      const server = byId.get(s.serverId);
      const labels = { ...s.labels, ...(server ? serverLabels(server) : { server: s.serverId }) };
      return { s, labels };
    })
    .filter(
      ({ s, labels }) => s.values.length > 0 && (input.all || byId.has(s.serverId)) && matchesLabels(matchers, labels)
    )
    .sort(
      (a, b) =>
        a.labels.server.localeCompare(b.labels.server) ||
        displayName(undefined, a.labels, a.s.labels).localeCompare(displayName(undefined, b.labels, b.s.labels))
    );

  const own = [...notices];
  if (matching.length === 0) {
    own.push({
      severity: 'info',
      text: `no ${target.series} samples between ${new Date(range.fromMs).toISOString()} and ${new Date(range.toMs).toISOString()}`,
    });
    return [{ schema: { refId: target.refId, fields: [], meta: { notices: own } }, data: { values: [] } }];
  }
  const shown = matching.slice(0, input.maxSeries);
  if (shown.length < matching.length)
    own.push({
      severity: 'warning',
      text: `limit reached: ${shown.length} of ${matching.length} series shown (at most ${input.maxSeries} per query); add label filters or narrow the servers`,
    });
  const points = shown.map(({ s }) => bucketed(s, stepMs, target.aggregation));
  // The points produced count too, as a PromQL result's do.
  budget.charge(points.reduce((n, p) => n + p.times.length, 0));
  return shown.map(({ s, labels }, i) =>
    frame(target.refId, s.name, labels, displayName(target.alias, labels, s.labels), points[i], i === 0 ? own : [])
  );
}
