/** The rollup tables: writes (from raw, from finer buckets, or precomputed rows), progress, and range reads. */
import { MAX_TIME_MS, type QueryBudget } from '../../limits';
import type { RangeQuery, SeriesSet } from '../metrics-store';
import { PartitionManager } from '../partitions';
import type { QueryBounds, SqlClient } from '../sql-client';
import type { MetricName } from '../../domain/metrics';
import type { RollupRow } from './bucket-rows';
import {
  INSERT_5M_ROWS,
  ROLL_UP_HOURS,
  ROLL_UP_RAW,
  ROLLUP_TABLES,
  rollupAggregate,
  type RollupResolution,
} from './rollup-columns';

const counted = (insert: string) => `WITH written AS (${insert} RETURNING 1) SELECT count(*)::int AS n FROM written`;

export class RollupStore {
  readonly partitions: Record<RollupResolution, PartitionManager>;

  constructor(private readonly sql: SqlClient) {
    this.partitions = {
      '5m': new PartitionManager(sql, [ROLLUP_TABLES['5m'].partitions]),
      '1h': new PartitionManager(sql, [ROLLUP_TABLES['1h'].partitions]),
    };
  }

  /** End of the newest closed bucket written at `resolution`, or null before the first roll-up. */
  async rolledUpTo(resolution: RollupResolution): Promise<number | null> {
    const [row] = await this.sql.query<{ to: Date }>(
      'SELECT rolled_up_to AS "to" FROM rollup_progress WHERE resolution = $1',
      [resolution]
    );
    return row ? new Date(row.to).getTime() : null;
  }

  /** Records progress; it never moves backwards. */
  async setRolledUpTo(resolution: RollupResolution, toMs: number): Promise<void> {
    await this.sql.query(
      `INSERT INTO rollup_progress (resolution, rolled_up_to) VALUES ($1, $2)
       ON CONFLICT (resolution) DO UPDATE SET rolled_up_to = GREATEST(rollup_progress.rolled_up_to, EXCLUDED.rolled_up_to), updated_at = now()`,
      [resolution, new Date(toMs)]
    );
  }

  /** Oldest raw sample time, or null when there is none: where a first roll-up starts. */
  async oldestRaw(): Promise<number | null> {
    const [row] = await this.sql.query<{ t: Date | null }>('SELECT min("timestamp") AS t FROM server_metrics');
    return row.t ? new Date(row.t).getTime() : null;
  }

  /** Oldest 5-minute bucket, or null: where a first hourly roll-up starts. */
  async oldestFiveMinute(): Promise<number | null> {
    const [row] = await this.sql.query<{ t: Date | null }>(`SELECT min(bucket) AS t FROM ${ROLLUP_TABLES['5m'].table}`);
    return row.t ? new Date(row.t).getTime() : null;
  }

  /** Aggregates raw samples in [fromMs, toMs) (5-minute aligned) into 5-minute rows. Returns the rows written. */
  async rollUpRaw(fromMs: number, toMs: number): Promise<number> {
    if (toMs <= fromMs) return 0;
    await this.partitions['5m'].ensure(fromMs, toMs - 1);
    const [row] = await this.sql.query<{ n: number }>(counted(ROLL_UP_RAW), [new Date(fromMs), new Date(toMs)]);
    return row.n;
  }

  /** Aggregates 5-minute rows in [fromMs, toMs) (hour aligned) into hourly rows. Returns the rows written. */
  async rollUpHours(fromMs: number, toMs: number): Promise<number> {
    if (toMs <= fromMs) return 0;
    await this.partitions['1h'].ensure(fromMs, toMs - 1);
    const [row] = await this.sql.query<{ n: number }>(counted(ROLL_UP_HOURS), [new Date(fromMs), new Date(toMs)]);
    return row.n;
  }

  /** Writes precomputed 5-minute rows in one statement. */
  async writeFiveMinute(rows: RollupRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    let min = Infinity;
    let max = -Infinity;
    for (const r of rows) {
      const t = Date.parse(r.bucket);
      if (t < min) min = t;
      if (t > max) max = t;
    }
    await this.partitions['5m'].ensure(min, max);
    const [row] = await this.sql.query<{ n: number }>(counted(INSERT_5M_ROWS), [JSON.stringify(rows)]);
    return row.n;
  }

  /**
   * Bucket averages as samples at the bucket start, fromMs < bucket <= toMs, ordered by server and
   * time, at most `maxRows` (`truncated` says there were more): plain selectors over old ranges.
   */
  async averages(
    resolution: RollupResolution,
    q: { serverIds: string[]; metrics: MetricName[]; fromMs: number; toMs: number },
    maxRows: number,
    bounds?: QueryBounds
  ): Promise<{
    rows: Array<{ server_id: string; time_ms: number } & Partial<Record<MetricName, number | null>>>;
    truncated: boolean;
  }> {
    if (q.serverIds.length === 0 || q.metrics.length === 0) return { rows: [], truncated: false };
    const rows = await this.sql.query<
      { server_id: string; time_ms: number } & Partial<Record<MetricName, number | null>>
    >(
      `SELECT server_id, floor(extract(epoch FROM bucket) * 1000)::float8 AS time_ms, ${q.metrics.map((m) => `${m}_avg AS ${m}`).join(', ')}
         FROM ${ROLLUP_TABLES[resolution].table}
        WHERE server_id = ANY($1::text[]) AND bucket > $2 AND bucket < $3
        ORDER BY server_id, bucket
        LIMIT $4`,
      [q.serverIds, new Date(q.fromMs), new Date(q.toMs), maxRows + 1],
      bounds
    );
    const truncated = rows.length > maxRows;
    return { rows: truncated ? rows.slice(0, maxRows) : rows, truncated };
  }

  /** The range read of MetricsStore over rollup buckets: buckets of `stepMs` aligned to the epoch. */
  async range(resolution: RollupResolution, q: RangeQuery, budget?: QueryBudget): Promise<SeriesSet[]> {
    budget?.signal.throwIfAborted();
    const { table } = ROLLUP_TABLES[resolution];
    const aggregates = q.metrics.map((m) => `${rollupAggregate(q.aggregation, m)} AS ${m}`).join(', ');
    const text = `SELECT server_id, date_bin(make_interval(secs => $4::float8), bucket, 'epoch'::timestamptz) AS b,
                         count(*)::int AS buckets, ${aggregates}
                    FROM ${table}
                   WHERE server_id = ANY($1::text[]) AND bucket >= $2 AND bucket < $3
                   GROUP BY server_id, b
                   ORDER BY server_id, b`;
    const params = [q.serverIds, new Date(q.fromMs), new Date(q.toMs), Math.min(q.stepMs, MAX_TIME_MS) / 1000];
    let rows: Array<Record<string, unknown> & { server_id: string; b: Date; buckets: number }>;
    try {
      rows = await this.sql.query(text, params, budget?.sqlBounds());
    } catch (err) {
      throw budget ? budget.explain(err) : err;
    }
    budget?.charge(rows.reduce((n, r) => n + r.buckets, 0));
    const byServer = new Map<string, SeriesSet>();
    for (const id of q.serverIds) {
      byServer.set(id, { serverId: id, timestamps: [], values: Object.fromEntries(q.metrics.map((m) => [m, []])) });
    }
    for (const row of rows) {
      const set = byServer.get(row.server_id)!;
      set.timestamps.push(new Date(row.b).getTime());
      for (const m of q.metrics) set.values[m]!.push(row[m] === null ? null : Number(row[m]));
    }
    return [...byServer.values()];
  }
}
