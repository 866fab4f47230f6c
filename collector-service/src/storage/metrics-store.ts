/** Reads and writes of the inventory and samples in PostgreSQL/PGlite, one round-trip per batch. */
import { METRIC_NAMES, type MetricName, type ServerMetrics } from '../domain/metrics';
import type { SeriesSample } from '../domain/series';
import type { ServerRecord } from '../domain/server-state';
import { SampleHead, type HeadOptions } from './head/sample-head';
import { METRIC_COLUMNS } from './head/series-buffer';
import { InventoryMemory } from './inventory-memory';
import { PartitionManager } from './partitions';
import { copySamples } from './sample-copy';
import { MemorySeriesLatestCache, type SeriesLatestCache } from './series/series-latest-cache';
import { SeriesStore } from './series/series-store';
import type { SqlClient, SqlSession } from './sql-client';
import { MAX_TIME_MS, storableTime, type QueryBudget } from '../limits';
import { planResolution, type Resolution, type RetentionWindows } from './rollups/resolution';
import { RollupStore } from './rollups/rollup-store';

export interface WriteBatch {
  /** Inventory rows to upsert with their newest state (samples' servers and unreachable ones). */
  servers: ServerRecord[];
  samples: ServerMetrics[];
  /** Labelled series samples (absent in batches spooled before there were any). */
  series?: SeriesSample[];
}

export interface ServerFilter {
  provider?: string;
  region?: string;
  role?: string;
  ids?: string[];
}

/**
 * How stale a server's stored newest state (`last_seen_at`) may get while nothing else about it
 * changes: the inventory in memory is always current, so the database row is rewritten when the
 * server's description, reachability or status changes, and otherwise once a minute, instead of on
 * every run (10,000 row updates a second at 10,000 servers).
 */
export const SERVER_CHECKPOINT_MS = 60_000;

/** Whether the `servers` row of `a` would say what the row of `b` says, its newest time aside. */
function sameRow(a: ServerRecord, b: ServerRecord): boolean {
  return (
    a.provider === b.provider &&
    a.region === b.region &&
    a.role === b.role &&
    a.collector === b.collector &&
    a.reachable === b.reachable &&
    a.lastStatus === b.lastStatus &&
    sameLabels(a.labels, b.labels)
  );
}

function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  if (a === b) return true;
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return false;
  for (const name of names) if (!Object.hasOwn(b, name) || a[name] !== b[name]) return false;
  return true;
}

/** The head's defaults: a day of samples in at most 48 MiB. */
export const DEFAULT_HEAD: HeadOptions = { maxBytes: 48 * 1024 * 1024, spanMs: 24 * 3_600_000 };

export type Aggregation = 'avg' | 'max' | 'min' | 'p95';

export interface RangeQuery {
  serverIds: string[];
  metrics: MetricName[];
  fromMs: number;
  toMs: number;
  stepMs: number;
  aggregation: Aggregation;
}

/** What history each resolution keeps, and the clock reads measure it against. */
export interface HistoryOptions {
  windows: RetentionWindows;
  now: () => number;
}

const DAY = 86_400_000;

/** The defaults: raw as long as the head spans, 5-minute rollups 30 days, hourly ones 400 days. */
export const defaultHistory = (rawMs: number): HistoryOptions => ({
  windows: { rawMs, fiveMinuteMs: 30 * DAY, hourMs: 400 * DAY },
  now: Date.now,
});

/** A range read and the resolution that answered it (`raw`, or the rollups for ranges older than raw retention). */
export interface RangeRead {
  series: SeriesSet[];
  resolution: Resolution;
}

/** One server's downsampled series: bucket start times and one value array per metric. */
export interface SeriesSet {
  serverId: string;
  timestamps: number[];
  values: Partial<Record<MetricName, Array<number | null>>>;
}

const SAMPLE_RECORDSET = `server_id text, "timestamp" timestamptz, cpu_usage float8, memory_usage float8, disk_usage float8,
  network_in_bytes float8, network_out_bytes float8, load_1m float8, uptime_seconds float8, status text, raw_data jsonb`;

const SERVER_RECORDSET = `id text, provider text, region text, role text, collector text, labels jsonb,
  reachable boolean, last_seen_at timestamptz, last_status text`;

interface SampleRow {
  server_id: string;
  timestamp: Date;
  cpu_usage: number | null;
  memory_usage: number | null;
  disk_usage: number | null;
  network_in_bytes: number | null;
  network_out_bytes: number | null;
  load_1m: number | null;
  uptime_seconds: number | null;
  status: ServerMetrics['status'];
  raw_data: Record<string, unknown>;
}

interface ServerRow {
  id: string;
  provider: ServerRecord['provider'];
  region: string;
  role: string;
  collector: string;
  labels: Record<string, string>;
  reachable: boolean;
  last_seen_at: Date | null;
  last_status: ServerRecord['lastStatus'];
}

const toSampleRow = (s: ServerMetrics): SampleRow => ({
  server_id: s.serverId,
  timestamp: s.timestamp,
  cpu_usage: s.cpuUsage,
  memory_usage: s.memoryUsage,
  disk_usage: s.diskUsage,
  network_in_bytes: s.networkInBytes,
  network_out_bytes: s.networkOutBytes,
  load_1m: s.load1m,
  uptime_seconds: s.uptimeSeconds,
  status: s.status,
  raw_data: s.rawData,
});

export const fromSampleRow = (r: SampleRow): ServerMetrics => ({
  serverId: r.server_id,
  timestamp: new Date(r.timestamp),
  cpuUsage: r.cpu_usage,
  memoryUsage: r.memory_usage,
  diskUsage: r.disk_usage,
  networkInBytes: r.network_in_bytes,
  networkOutBytes: r.network_out_bytes,
  load1m: r.load_1m,
  uptimeSeconds: r.uptime_seconds,
  status: r.status,
  rawData: r.raw_data ?? {},
});

const fromServerRow = (r: ServerRow): ServerRecord => ({
  id: r.id,
  provider: r.provider,
  region: r.region,
  role: r.role,
  collector: r.collector,
  labels: r.labels ?? {},
  reachable: r.reachable,
  lastSeenAt: r.last_seen_at ? new Date(r.last_seen_at) : null,
  lastStatus: r.last_status,
});

/** Upserts the inventory rows of $1 (jsonb); an older sample never moves a server's newest state backwards. */
const SERVER_UPSERT = `INSERT INTO servers (id, provider, region, role, collector, labels, reachable, last_seen_at, last_status)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${SERVER_RECORDSET})
     ON CONFLICT (id) DO UPDATE SET
       provider = EXCLUDED.provider, region = EXCLUDED.region, role = EXCLUDED.role,
       collector = EXCLUDED.collector, labels = EXCLUDED.labels, reachable = EXCLUDED.reachable,
       last_status = CASE WHEN EXCLUDED.last_seen_at IS NULL THEN servers.last_status
                          WHEN servers.last_seen_at IS NULL OR EXCLUDED.last_seen_at >= servers.last_seen_at
                          THEN EXCLUDED.last_status ELSE servers.last_status END,
       last_seen_at = GREATEST(servers.last_seen_at, EXCLUDED.last_seen_at),
       updated_at = now()
`;

const SAMPLE_COLUMNS = `server_id, "timestamp", cpu_usage, memory_usage, disk_usage, network_in_bytes, network_out_bytes,
  load_1m, uptime_seconds, status, raw_data`;

function aggregateExpression(aggregation: Aggregation, column: string): string {
  if (aggregation === 'p95') return `percentile_cont(0.95) WITHIN GROUP (ORDER BY ${column})`;
  return `${aggregation}(${column})`;
}

const holdsNul = (value: string | undefined) => value?.includes('\u0000') ?? false;

/** Each server's older series followed by its newer one (either side may lack the server). */
function joinSeries(older: SeriesSet[], newer: SeriesSet[]): SeriesSet[] {
  const joined = new Map(older.map((s) => [s.serverId, s]));
  for (const s of newer) {
    const before = joined.get(s.serverId);
    if (!before) {
      joined.set(s.serverId, s);
      continue;
    }
    before.timestamps.push(...s.timestamps);
    for (const [m, values] of Object.entries(s.values)) before.values[m as MetricName]!.push(...values);
  }
  return [...joined.values()];
}

export class MetricsStore {
  readonly partitions: PartitionManager;
  /** Recent samples in memory: range reads within it never reach the database. */
  readonly head: SampleHead;
  /** The inventory in memory, kept current by every write. */
  readonly inventory = new InventoryMemory();
  /** Labelled series beyond the six metrics, written with each batch. */
  readonly series: SeriesStore;
  /** 5-minute and hourly aggregates: history past the raw retention. */
  readonly rollups: RollupStore;
  /** What the `servers` table holds of each server, to write only rows that changed (see SERVER_CHECKPOINT_MS). */
  private readonly persisted = new Map<string, { row: ServerRecord; seenMs: number | null }>();

  constructor(
    readonly sql: SqlClient,
    headOptions: HeadOptions = DEFAULT_HEAD,
    seriesCache: SeriesLatestCache = new MemorySeriesLatestCache(),
    readonly history: HistoryOptions = defaultHistory(headOptions.spanMs)
  ) {
    this.partitions = new PartitionManager(sql);
    this.head = new SampleHead(headOptions);
    this.series = new SeriesStore(sql, this.partitions, seriesCache);
    this.rollups = new RollupStore(sql);
  }

  /**
   * Loads the inventory into memory, then starts filling the head from the database; the returned
   * promise ends when the head is loaded (reads go to the database until then).
   */
  async warm(): Promise<{ headLoaded: Promise<void> }> {
    const stored = await this.selectServers({});
    this.inventory.load(stored);
    for (const r of stored) this.persisted.set(r.id, { row: r, seenMs: r.lastSeenAt?.getTime() ?? null });
    const headLoaded = this.head
      .load(
        this.sql,
        stored.map((r) => r.id)
      )
      .then(() => {
        // The table's newest state may lag by up to a checkpoint; the head knows the newest samples.
        for (const r of stored) {
          const newest = this.head.newest(r.id);
          if (newest && (!r.lastSeenAt || newest.timestamp > r.lastSeenAt)) {
            this.inventory.apply([
              { ...(this.inventory.get(r.id) ?? r), lastSeenAt: newest.timestamp, lastStatus: newest.status },
            ]);
          }
        }
      });
    return { headLoaded };
  }

  /** Forgets what memory holds, after the tables were emptied behind the store's back (tests). */
  forgetMemory(): void {
    this.inventory.load([]);
    this.persisted.clear();
    this.head.clear();
    this.series.forgetMemory();
  }

  /**
   * Upserts the inventory and inserts the samples, in memory and in one database transaction, then
   * the labelled series. Duplicate samples (same server and timestamp, or same series and timestamp)
   * are ignored. Returns how many metric samples were new.
   */
  async write(batch: WriteBatch): Promise<number> {
    const inserted = await this.writeMetrics(batch);
    if (batch.series && batch.series.length > 0) await this.series.write(batch.series);
    return inserted;
  }

  private async writeMetrics(batch: WriteBatch): Promise<number> {
    if (batch.samples.length === 0 && batch.servers.length === 0) return 0;
    this.inventory.apply(batch.servers);
    this.head.append(batch.samples);
    if (batch.samples.length > 0) {
      let min = Infinity;
      let max = -Infinity;
      for (const s of batch.samples) {
        const t = s.timestamp.getTime();
        if (t < min) min = t;
        if (t > max) max = t;
      }
      await this.partitions.ensure(min, max, ['server_metrics']);
    }
    const changed = batch.servers.filter((s) => this.needsPersisting(s));
    const servers = JSON.stringify(
      changed.map((s) => ({
        id: s.id,
        provider: s.provider,
        region: s.region,
        role: s.role,
        collector: s.collector,
        labels: s.labels,
        reachable: s.reachable,
        last_seen_at: s.lastSeenAt,
        last_status: s.lastStatus,
      }))
    );
    const inserted = this.sql.session
      ? await this.sql.session((session) => this.copyWrite(session, servers, batch.samples))
      : await this.insertWrite(servers, batch.samples);
    for (const s of changed) {
      const seenMs = Math.max(s.lastSeenAt?.getTime() ?? -Infinity, this.persisted.get(s.id)?.seenMs ?? -Infinity);
      this.persisted.set(s.id, { row: s, seenMs: Number.isFinite(seenMs) ? seenMs : null });
    }
    return inserted;
  }

  private needsPersisting(s: ServerRecord): boolean {
    const stored = this.persisted.get(s.id);
    if (!stored || !sameRow(stored.row, s)) return true;
    const seenMs = s.lastSeenAt?.getTime();
    return seenMs !== undefined && (stored.seenMs === null || seenMs - stored.seenMs >= SERVER_CHECKPOINT_MS);
  }

  /** The single-statement write (embedded PGlite). */
  private async insertWrite(servers: string, samples: readonly ServerMetrics[]): Promise<number> {
    const rows = await this.sql.query<{ inserted: number }>(
      `WITH upserted AS (
         ${SERVER_UPSERT}
         RETURNING 1
       ), inserted AS (
         INSERT INTO server_metrics (${SAMPLE_COLUMNS})
         SELECT ${SAMPLE_COLUMNS} FROM jsonb_to_recordset($2::jsonb) AS x(${SAMPLE_RECORDSET})
         ON CONFLICT (server_id, "timestamp") DO NOTHING
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM inserted)::int AS inserted, (SELECT count(*) FROM upserted)::int AS servers`,
      [servers, JSON.stringify(samples.map(toSampleRow))]
    );
    return rows[0].inserted;
  }

  private async copyWrite(session: SqlSession, servers: string, samples: readonly ServerMetrics[]): Promise<number> {
    await session.query('BEGIN');
    try {
      if (servers !== '[]') await session.query(SERVER_UPSERT, [servers]);
      const inserted = await copySamples(session, samples);
      await session.query('COMMIT');
      return inserted;
    } catch (err) {
      await session.query('ROLLBACK').catch(() => {});
      throw err;
    }
  }

  /** The inventory (from memory once loaded), ordered by id. */
  async listServers(filter: ServerFilter = {}): Promise<ServerRecord[]> {
    // PostgreSQL text cannot hold NUL: a value with one matches nothing (and must not reach the database).
    if ([filter.provider, filter.region, filter.role].some(holdsNul)) return [];
    if (filter.ids?.some(holdsNul)) filter = { ...filter, ids: filter.ids.filter((id) => !holdsNul(id)) };
    return this.inventory.loaded ? this.inventory.list(filter) : this.selectServers(filter);
  }

  private async selectServers(filter: ServerFilter): Promise<ServerRecord[]> {
    const rows = await this.sql.query<ServerRow>(
      `SELECT id, provider, region, role, collector, labels, reachable, last_seen_at, last_status FROM servers
        WHERE ($1::text IS NULL OR provider = $1) AND ($2::text IS NULL OR region = $2) AND ($3::text IS NULL OR role = $3)
          AND ($4::text[] IS NULL OR id = ANY($4::text[]))
        ORDER BY id`,
      [filter.provider ?? null, filter.region ?? null, filter.role ?? null, filter.ids ?? null]
    );
    return rows.map(fromServerRow);
  }

  /** The record of the server with exactly this id when the inventory in memory holds it; else ask getServer(). */
  peekServer(id: string): ServerRecord | null {
    return this.inventory.loaded ? this.inventory.get(id) : null;
  }

  async getServer(id: string): Promise<ServerRecord | null> {
    if (this.inventory.loaded) return this.inventory.get(id);
    const [row] = await this.selectServers({ ids: [id] });
    return row ?? null;
  }

  /** Newest stored sample of each server asked for (servers without samples are left out). */
  async latestSamples(serverIds: string[]): Promise<ServerMetrics[]> {
    if (serverIds.length === 0) return [];
    if (this.inventory.loaded) {
      const seen = serverIds.map((id) => this.inventory.get(id)?.lastSeenAt ?? null);
      const rows = await this.sql.query<SampleRow>(
        `SELECT ${SAMPLE_COLUMNS.split(',')
          .map((c) => `m.${c.trim()}`)
          .join(', ')}
           FROM unnest($1::text[], $2::timestamptz[]) AS w(id, seen) JOIN server_metrics m ON m.server_id = w.id AND m."timestamp" = w.seen`,
        [serverIds, seen]
      );
      return rows.map(fromSampleRow);
    }
    const rows = await this.sql.query<SampleRow>(
      `SELECT ${SAMPLE_COLUMNS.split(',')
        .map((c) => `m.${c.trim()}`)
        .join(', ')}
         FROM servers s JOIN server_metrics m ON m.server_id = s.id AND m."timestamp" = s.last_seen_at
        WHERE s.id = ANY($1::text[])`,
      [serverIds]
    );
    return rows.map(fromSampleRow);
  }

  /**
   * A range read at the finest resolution that covers it: raw ranges as `range`; older ones from
   * the rollups up to what has been rolled up, and the newer rest from raw samples.
   */
  async read(asked: RangeQuery, budget?: QueryBudget): Promise<RangeRead> {
    const q = { ...asked, fromMs: storableTime(asked.fromMs), toMs: storableTime(asked.toMs) };
    if (!(q.fromMs < q.toMs)) return { series: [], resolution: 'raw' };
    const resolution = planResolution(q.fromMs, q.stepMs, this.history.now(), this.history.windows);
    if (resolution === 'raw') return { series: await this.range(q, budget), resolution };
    const metrics = q.metrics.filter((m) => METRIC_NAMES.includes(m));
    const serverIds = q.serverIds.filter((id) => !holdsNul(id));
    if (serverIds.length === 0 || metrics.length === 0) return { series: [], resolution };
    const rolledTo = (await this.rollups.rolledUpTo(resolution)) ?? q.fromMs;
    // Split on a step boundary so no output bucket is answered from both sides.
    const split = Math.max(q.fromMs, Math.min(q.toMs, Math.floor(rolledTo / q.stepMs) * q.stepMs));
    const rolled = { ...q, serverIds, metrics };
    const older = split > q.fromMs ? await this.rollups.range(resolution, { ...rolled, toMs: split }, budget) : [];
    const newer = split < q.toMs ? await this.range({ ...rolled, fromMs: split }, budget) : [];
    return { series: joinSeries(older, newer), resolution };
  }

  /** Series downsampled into buckets of `stepMs` aligned to the epoch, aggregated per bucket: from the head when it holds the range. */
  async range(q: RangeQuery, budget?: QueryBudget): Promise<SeriesSet[]> {
    const metrics = q.metrics.filter((m) => METRIC_NAMES.includes(m));
    if (q.serverIds.length === 0 || metrics.length === 0) return [];
    return this.head.range({ ...q, metrics }, budget) ?? this.rangeFromDatabase({ ...q, metrics }, budget);
  }

  /** The same downsampling in SQL. */
  async rangeFromDatabase(q: RangeQuery, budget?: QueryBudget): Promise<SeriesSet[]> {
    budget?.signal.throwIfAborted();
    const metrics = q.metrics.filter((m) => METRIC_NAMES.includes(m));
    if (q.serverIds.some(holdsNul)) q = { ...q, serverIds: q.serverIds.filter((id) => !holdsNul(id)) };
    if (q.serverIds.length === 0 || metrics.length === 0) return [];
    const aggregates = metrics
      .map((m) => `${aggregateExpression(q.aggregation, METRIC_COLUMNS[m])} AS ${m}`)
      .join(', ');
    const rows = await this.boundedQuery<
      Record<string, unknown> & { server_id: string; bucket: Date; samples: number }
    >(
      `SELECT server_id, date_bin(make_interval(secs => $4::float8), "timestamp", 'epoch'::timestamptz) AS bucket, count(*)::int AS samples, ${aggregates}
         FROM server_metrics
        WHERE server_id = ANY($1::text[]) AND "timestamp" >= $2 AND "timestamp" < $3
        GROUP BY server_id, bucket
        ORDER BY server_id, bucket`,
      // A step past what an interval holds buckets the same as one the size of all storable time.
      [q.serverIds, new Date(q.fromMs), new Date(q.toMs), Math.min(q.stepMs, MAX_TIME_MS) / 1000],
      budget
    );
    if (budget) budget.charge(rows.reduce((n, r) => n + r.samples, 0));
    const byServer = new Map<string, SeriesSet>();
    for (const id of q.serverIds) {
      byServer.set(id, { serverId: id, timestamps: [], values: Object.fromEntries(metrics.map((m) => [m, []])) });
    }
    for (const row of rows) {
      const set = byServer.get(row.server_id)!;
      set.timestamps.push(new Date(row.bucket).getTime());
      for (const m of metrics) set.values[m]!.push(row[m] === null ? null : Number(row[m]));
    }
    return [...byServer.values()];
  }

  /** A read under the request's budget: statement_timeout from its deadline, cancelled when it aborts. */
  private async boundedQuery<Row>(text: string, params: unknown[], budget?: QueryBudget): Promise<Row[]> {
    if (!budget) return this.sql.query<Row>(text, params);
    try {
      return await this.sql.query<Row>(text, params, budget.sqlBounds());
    } catch (err) {
      throw budget.explain(err);
    }
  }

  async hasSamples(): Promise<boolean> {
    const [row] = await this.sql.query<{ found: boolean }>('SELECT EXISTS (SELECT 1 FROM server_metrics) AS found');
    return row.found;
  }

  /** Round-trip time of a trivial query, for health checks. */
  async ping(): Promise<number> {
    const started = performance.now();
    await this.sql.query('SELECT 1');
    return performance.now() - started;
  }
}
