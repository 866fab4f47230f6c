/**
 * Stored series from the raw rows, a group of servers per read: each group sized from the rows the earlier
 * ones held to about a batch, never past it, so a read over hours of 10,000 servers holds one batch at once.
 */
import { readRawSamples, type RawColumn, type RawSampleRow } from '../../storage/raw-samples';
import type { SqlClient } from '../../storage/sql-client';
import type { QueryBudget } from '../../limits';
import type { StoredSeries } from '../eval/values';
import type { Target } from './series-targets';

/** Each target's samples among `rows` (ordered by server and time), in the targets' order; targets without one left out. */
export function seriesFromRows(targets: Target[], rows: RawSampleRow[]): StoredSeries[] {
  const byServer = new Map<string, RawSampleRow[]>();
  for (const row of rows) {
    const list = byServer.get(row.server_id);
    if (list) list.push(row);
    else byServer.set(row.server_id, [row]);
  }
  const out: StoredSeries[] = [];
  for (const t of targets) {
    const series: StoredSeries = { labels: t.labels, times: [], values: [] };
    for (const row of byServer.get(t.serverId) ?? []) {
      const value = t.metric.value(row[t.metric.column]);
      if (value === null) continue;
      series.times.push(row.time_ms);
      series.values.push(value);
    }
    if (series.times.length > 0) out.push(series);
  }
  return out;
}

/**
 * The rows of `serverIds` in the span, charged to the budget; null when they are more than `batchRows`
 * (read fewer servers). Past the budget, charging one row more than it allows names the limit.
 */
async function readGroup(
  sql: SqlClient,
  serverIds: string[],
  columns: RawColumn[],
  fromMs: number,
  toMs: number,
  budget: QueryBudget,
  batchRows: number
): Promise<RawSampleRow[] | null> {
  const budgetRows = Math.floor(budget.remaining / columns.length);
  const maxRows = Math.min(batchRows, budgetRows);
  let read;
  try {
    read = await readRawSamples(sql, { serverIds, columns, fromMs, toMs }, maxRows, budget.sqlBounds());
  } catch (err) {
    throw budget.explain(err);
  }
  if (read.truncated && budgetRows < batchRows) budget.charge((maxRows + 1) * columns.length);
  if (read.truncated) return null;
  budget.charge(read.rows.length * columns.length);
  return read.rows;
}

/**
 * The targets' series with samples in (fromMs, toMs], in batches of whole series in the targets' order (targets
 * grouped by server, as a source lists them). One server's rows are read whole even past a batch.
 */
export async function* rawSeriesBatches(
  sql: SqlClient,
  targets: Target[],
  fromMs: number,
  toMs: number,
  budget: QueryBudget,
  maxSamples: number
): AsyncGenerator<StoredSeries[]> {
  const byServer = new Map<string, Target[]>();
  for (const t of targets) {
    const list = byServer.get(t.serverId);
    if (list) list.push(t);
    else byServer.set(t.serverId, [t]);
  }
  const serverIds = [...byServer.keys()];
  const columns: RawColumn[] = [...new Set(targets.map((t) => t.metric.column))];
  const batchRows = Math.max(1, Math.floor(maxSamples / columns.length));
  let done = 0;
  let rowsRead = 0;
  // Servers per read: doubling from one, held to what a batch holds at the rows per server seen so far.
  let take = 1;
  while (done < serverIds.length) {
    const ids = serverIds.slice(done, done + take);
    const rows = await readGroup(sql, ids, columns, fromMs, toMs, budget, ids.length === 1 ? Infinity : batchRows);
    if (rows === null) {
      take = Math.max(1, ids.length >> 1);
      continue;
    }
    done += ids.length;
    rowsRead += rows.length;
    take = Math.max(1, Math.min(take * 2, Math.floor(batchRows / Math.max(1, rowsRead / done))));
    const series = seriesFromRows(
      ids.flatMap((id) => byServer.get(id)!),
      rows
    );
    if (series.length > 0) yield series;
  }
}
