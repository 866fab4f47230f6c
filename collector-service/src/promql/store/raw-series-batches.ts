/**
 * Stored series from the raw rows, gathered per server into arrays. Read whole, or a group of servers per read,
 * each group sized from the samples the earlier ones held to about a batch and never past it, so a read over
 * hours of 10,000 servers holds one batch at once.
 */
import { readRawServerSamples, type RawColumn, type RawServerSamples } from '../../storage/raw-samples';
import type { SqlClient } from '../../storage/sql-client';
import type { QueryBudget } from '../../limits';
import type { StoredSeries } from '../eval/values';
import type { Target } from './series-targets';

/** Each target's samples among its server's, in the targets' order; targets without one left out. */
function seriesOf(targets: Target[], servers: RawServerSamples[]): StoredSeries[] {
  const byServer = new Map(servers.map((s) => [s.serverId, s]));
  const out: StoredSeries[] = [];
  for (const t of targets) {
    const read = byServer.get(t.serverId)?.columns[t.metric.column];
    if (!read) continue;
    const series: StoredSeries = { labels: t.labels, times: [], values: [] };
    for (let i = 0; i < read.values.length; i++) {
      const value = t.metric.value(read.values[i]);
      if (value === null) continue;
      series.times.push(read.times[i]);
      series.values.push(value);
    }
    if (series.times.length > 0) out.push(series);
  }
  return out;
}

/**
 * The samples of `serverIds` in the span, charged to the budget; null when they are more than `batchRows`
 * (read fewer servers). Past the budget, charging one row more than it allows names the limit.
 */
async function readGroup(
  sql: SqlClient,
  serverIds: string[],
  columns: RawColumn[],
  span: { fromMs: number; toMs: number },
  budget: QueryBudget,
  batchRows: number
): Promise<RawServerSamples[] | null> {
  const budgetRows = Math.floor(budget.remaining / columns.length);
  const maxRows = Math.min(batchRows, budgetRows);
  let read;
  try {
    read = await readRawServerSamples(sql, { serverIds, columns, ...span }, maxRows, budget.sqlBounds());
  } catch (err) {
    throw budget.explain(err);
  }
  if (read.truncated && budgetRows < batchRows) budget.charge((maxRows + 1) * columns.length);
  if (read.truncated) return null;
  budget.charge(read.servers.reduce((n, s) => n + s.rows, 0) * columns.length);
  return read.servers;
}

const columnsOf = (targets: Target[]): RawColumn[] => [...new Set(targets.map((t) => t.metric.column))];

/** The targets' series with samples in (fromMs, toMs], in one read. */
export async function readStoredSeries(
  sql: SqlClient,
  targets: Target[],
  fromMs: number,
  toMs: number,
  budget: QueryBudget
): Promise<StoredSeries[]> {
  budget.signal.throwIfAborted();
  if (targets.length === 0) return [];
  const serverIds = [...new Set(targets.map((t) => t.serverId))];
  const servers = await readGroup(sql, serverIds, columnsOf(targets), { fromMs, toMs }, budget, Infinity);
  return seriesOf(targets, servers ?? []);
}

/**
 * The targets' series with samples in (fromMs, toMs], in batches of whole series in the targets' order (targets
 * grouped by server, as a source lists them). One server's samples are read whole even past a batch.
 */
export async function* storedSeriesBatches(
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
  const columns = columnsOf(targets);
  const batchRows = Math.max(1, Math.floor(maxSamples / columns.length));
  let done = 0;
  let rowsRead = 0;
  // Servers per read: doubling from one, held to what a batch holds at the rows per server seen so far.
  let take = 1;
  while (done < serverIds.length) {
    const ids = serverIds.slice(done, done + take);
    const servers = await readGroup(
      sql,
      ids,
      columns,
      { fromMs, toMs },
      budget,
      ids.length === 1 ? Infinity : batchRows
    );
    if (servers === null) {
      take = Math.max(1, ids.length >> 1);
      continue;
    }
    done += ids.length;
    rowsRead += servers.reduce((n, s) => n + s.rows, 0);
    take = Math.max(1, Math.min(take * 2, Math.floor(batchRows / Math.max(1, rowsRead / done))));
    const series = seriesOf(
      ids.flatMap((id) => byServer.get(id)!),
      servers
    );
    if (series.length > 0) yield series;
  }
}
