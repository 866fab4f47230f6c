/** Raw rows of `server_metrics` for a set of servers, columns and time span, and which columns hold data; one round-trip each. */
import { MAX_TIME_MS, MIN_TIME_MS } from '../limits';
import { HEAD_COLUMNS } from './head/series-buffer';
import type { QueryBounds, SqlClient } from './sql-client';

/** The sample columns of `server_metrics` that can be read raw. */
export const RAW_COLUMNS = [...HEAD_COLUMNS, 'status'] as const;
export type RawColumn = (typeof RAW_COLUMNS)[number];

export interface RawSampleQuery {
  serverIds: string[];
  columns: RawColumn[];
  /** Rows with fromMs < timestamp <= toMs; an absent bound is open. */
  fromMs?: number;
  toMs?: number;
}

export type RawSampleRow = { server_id: string; time_ms: number } & Partial<Record<RawColumn, number | string | null>>;

function checkedColumns(columns: RawColumn[]): RawColumn[] {
  const unknown = columns.filter((c) => !RAW_COLUMNS.includes(c));
  if (unknown.length > 0) throw new Error(`not a sample column: ${unknown.join(', ')}`);
  return [...new Set(columns)];
}

function where(q: RawSampleQuery, params: unknown[]): string {
  params.push(q.serverIds);
  const conditions = [`server_id = ANY($${params.length}::text[])`];
  // Bounds beyond what storage holds select nothing more: clamped so every Date is valid.
  if (Number.isNaN(q.fromMs) || Number.isNaN(q.toMs)) throw new Error('a sample span bound is not a number');
  if (q.fromMs !== undefined) {
    params.push(new Date(Math.min(MAX_TIME_MS, Math.max(MIN_TIME_MS - 1, q.fromMs))));
    conditions.push(`"timestamp" > $${params.length}`);
  }
  if (q.toMs !== undefined) {
    params.push(new Date(Math.min(MAX_TIME_MS, Math.max(MIN_TIME_MS - 1, q.toMs))));
    conditions.push(`"timestamp" <= $${params.length}`);
  }
  return conditions.join(' AND ');
}

/**
 * Rows ordered by server and time, at most `maxRows`; `truncated` says there were more, so a
 * caller can refuse rather than answer from part of the data.
 */
export async function readRawSamples(
  sql: SqlClient,
  q: RawSampleQuery,
  maxRows: number,
  bounds?: QueryBounds
): Promise<{ rows: RawSampleRow[]; truncated: boolean }> {
  const columns = checkedColumns(q.columns);
  if (q.serverIds.length === 0 || columns.length === 0) return { rows: [], truncated: false };
  const params: unknown[] = [];
  const conditions = where(q, params);
  params.push(maxRows + 1);
  const rows = await sql.query<RawSampleRow>(
    `SELECT server_id, floor(extract(epoch FROM "timestamp") * 1000)::float8 AS time_ms, ${columns.join(', ')}
       FROM server_metrics
      WHERE ${conditions}
      ORDER BY server_id, "timestamp"
      LIMIT $${params.length}`,
    params,
    bounds
  );
  const truncated = rows.length > maxRows;
  return { rows: truncated ? rows.slice(0, maxRows) : rows, truncated };
}

/** One server's readings in time order: for each asked-for column, the times and values of its non-null ones. */
export interface RawServerSamples {
  serverId: string;
  /** Rows read, with or without a reading in each column. */
  rows: number;
  columns: Partial<Record<RawColumn, { times: number[]; values: Array<number | string> }>>;
}

/** float8send's big-endian doubles as numbers (none for NULL). */
export function doubles(bytes: unknown): number[] {
  if (!(bytes instanceof Uint8Array)) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Array<number>(bytes.byteLength / 8);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat64(i * 8);
  return out;
}

/**
 * readRawSamples' rows gathered per server, each numeric column sent as one binary string of doubles: a few
 * strings per server rather than an object (and a string per number) per sample, for reads of many samples.
 * The same at most `maxRows` rows, and `truncated` when there were more.
 */
export async function readRawServerSamples(
  sql: SqlClient,
  q: RawSampleQuery,
  maxRows: number,
  bounds?: QueryBounds
): Promise<{ servers: RawServerSamples[]; truncated: boolean }> {
  const columns = checkedColumns(q.columns);
  if (q.serverIds.length === 0 || columns.length === 0) return { servers: [], truncated: false };
  const params: unknown[] = [];
  const conditions = where(q, params);
  params.push(maxRows + 1);
  const aggregates = columns.flatMap((c) => [
    `string_agg(float8send(time_ms), ''::bytea ORDER BY "timestamp") FILTER (WHERE ${c} IS NOT NULL) AS ${c}_times`,
    c === 'status'
      ? `string_agg(status, ',' ORDER BY "timestamp") AS status`
      : `string_agg(float8send(${c}), ''::bytea ORDER BY "timestamp") AS ${c}`,
  ]);
  const rows = await sql.query<Record<string, unknown> & { server_id: string; n: number }>(
    `SELECT server_id, count(*)::int AS n, ${aggregates.join(', ')}
       FROM (SELECT server_id, "timestamp", floor(extract(epoch FROM "timestamp") * 1000)::float8 AS time_ms, ${columns.join(', ')}
               FROM server_metrics
              WHERE ${conditions}
              ORDER BY server_id, "timestamp"
              LIMIT $${params.length}) AS limited
      GROUP BY server_id`,
    params,
    bounds
  );
  const servers = rows.map((row): RawServerSamples => ({
    serverId: row.server_id,
    rows: row.n,
    columns: Object.fromEntries(
      columns.map((c) => [
        c,
        {
          times: doubles(row[`${c}_times`]),
          values: c === 'status' ? ((row.status as string | null)?.split(',') ?? []) : doubles(row[c]),
        },
      ])
    ),
  }));
  return { servers, truncated: servers.reduce((n, s) => n + s.rows, 0) > maxRows };
}

/** For each server with rows in the span, the asked-for columns that hold at least one value there. */
export async function presentColumns(
  sql: SqlClient,
  q: RawSampleQuery,
  bounds?: QueryBounds
): Promise<Map<string, Set<RawColumn>>> {
  const columns = checkedColumns(q.columns);
  const present = new Map<string, Set<RawColumn>>();
  if (q.serverIds.length === 0 || columns.length === 0) return present;
  const params: unknown[] = [];
  const conditions = where(q, params);
  const rows = await sql.query<Record<string, unknown> & { server_id: string }>(
    `SELECT server_id, ${columns.map((c) => `count(${c}) > 0 AS ${c}`).join(', ')}
       FROM server_metrics
      WHERE ${conditions}
      GROUP BY server_id`,
    params,
    bounds
  );
  for (const row of rows) present.set(row.server_id, new Set(columns.filter((c) => row[c] === true)));
  return present;
}
