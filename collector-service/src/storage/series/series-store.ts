/**
 * Labelled series in PostgreSQL/PGlite: `series_index` names each series once (server, name,
 * labels) and `server_series` holds its samples by id, partitioned by hour like server_metrics.
 * Writes are one statement per batch and idempotent; series ids are kept in memory; the newest
 * sample of every series is also cached (Redis or in process), and reads fall back to the database.
 */
import { LRUCache } from 'lru-cache';
import type { SeriesSample } from '../../domain/series';
import { LimitError, storableTime } from '../../limits';
import type { PartitionManager } from '../partitions';
import { doubles } from '../raw-samples';
import type { QueryBounds, SqlClient } from '../sql-client';
import { LATEST_TTL_SECONDS } from '../latest-cache';
import type { SeriesReader, SeriesSelector, StoredLabelledSeries } from './series-reader';
import type { SeriesLatestCache } from './series-latest-cache';
import { seriesKey, sortedLabels } from './series-key';

/** Series ids kept in memory: enough for 10,000 servers with a few dozen series each. */
const MAX_CACHED_IDS = 500_000;
/** A cancellable read with no deadline of its own: the caller's signal fires at its deadline. */
const NO_TIMEOUT_MS = 2_147_483_647;

/** A series with its samples in range, each column sent as one binary string of doubles (see raw-samples.ts). */
interface SeriesSamplesRow {
  server_id: string;
  name: string;
  labels: Record<string, string>;
  n: number;
  times: Uint8Array;
  vals: Uint8Array;
}

interface IndexRow {
  id: number;
  server_id: string;
  name: string;
  labels: Record<string, string>;
}

interface SampleRow {
  server_id: string;
  name: string;
  labels: Record<string, string>;
  time_ms: number;
  value: number;
}

/** Inserts the series of $1 not yet indexed; answers the id of every one asked for that it can see. */
const RESOLVE_IDS = `WITH wanted AS (
    SELECT DISTINCT server_id, name, labels FROM jsonb_to_recordset($1::jsonb) AS x(server_id text, name text, labels jsonb)
  ), inserted AS (
    INSERT INTO series_index (server_id, name, labels) SELECT server_id, name, labels FROM wanted
    ON CONFLICT (server_id, name, labels) DO NOTHING
    RETURNING id, server_id, name, labels
  )
  SELECT id::float8 AS id, server_id, name, labels FROM inserted
  UNION ALL
  SELECT i.id::float8, i.server_id, i.name, i.labels FROM series_index i JOIN wanted w USING (server_id, name, labels)`;

export class SeriesStore implements SeriesReader {
  // Bounded by maxSize rather than max: lru-cache allocates `max` slots up front (13 MB for 500,000), maxSize grows as ids come.
  private readonly ids = new LRUCache<string, number>({ maxSize: MAX_CACHED_IDS, sizeCalculation: () => 1 });

  constructor(
    readonly sql: SqlClient,
    private readonly partitions: PartitionManager,
    readonly cache: SeriesLatestCache,
    private readonly now: () => number = Date.now
  ) {}

  /** Stores the samples; one already stored (same series and timestamp) is ignored. Returns how many were new. */
  async write(samples: readonly SeriesSample[]): Promise<number> {
    if (samples.length === 0) return 0;
    const ids = await this.seriesIds(samples);
    let min = Infinity;
    let max = -Infinity;
    const times: string[] = new Array(samples.length);
    for (let i = 0; i < samples.length; i++) {
      const t = samples[i].timestamp.getTime();
      if (t < min) min = t;
      if (t > max) max = t;
      times[i] = samples[i].timestamp.toISOString();
    }
    await this.partitions.ensure(min, max, ['server_series']);
    const [row] = await this.sql.query<{ inserted: number }>(
      `WITH inserted AS (
         INSERT INTO server_series (series_id, ts, value)
         SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::float8[])
         ON CONFLICT (series_id, ts) DO NOTHING
         RETURNING 1
       ) SELECT count(*)::int AS inserted FROM inserted`,
      [ids, times, samples.map((s) => s.value)]
    );
    return row.inserted;
  }

  /** Keeps the newest of `samples` in the latest-value cache. Rejects when the cache is unavailable. */
  cacheLatest(samples: readonly SeriesSample[]): Promise<void> {
    return samples.length === 0 ? Promise.resolve() : this.cache.setMany(samples);
  }

  /** The id of each sample's series, indexing the new ones; in the samples' order. */
  private async seriesIds(samples: readonly SeriesSample[]): Promise<number[]> {
    const keys = samples.map(seriesKey);
    const missing = new Map<string, SeriesSample>();
    keys.forEach((key, i) => {
      if (!this.ids.has(key)) missing.set(key, samples[i]);
    });
    // A series another writer is indexing at the same moment is invisible to this statement: asked again.
    for (let attempt = 0; missing.size > 0; attempt++) {
      if (attempt === 3) throw new Error(`series ids could not be resolved for ${missing.size} series`);
      const wanted = [...missing.values()].map((s) => ({ server_id: s.serverId, name: s.name, labels: s.labels }));
      const rows = await this.sql.query<IndexRow>(RESOLVE_IDS, [JSON.stringify(wanted)]);
      for (const r of rows) {
        const key = seriesKey({ serverId: r.server_id, name: r.name, labels: r.labels });
        this.ids.set(key, Number(r.id));
        missing.delete(key);
      }
    }
    return keys.map((key) => this.ids.get(key)!);
  }

  async select(selector: SeriesSelector, signal?: AbortSignal): Promise<StoredLabelledSeries[]> {
    signal?.throwIfAborted();
    const names = typeof selector.name === 'string' ? [selector.name] : (await this.names()).filter(selector.name);
    if (names.length === 0 || selector.serverIds?.length === 0) return [];
    if (!(selector.fromMs <= selector.toMs)) return [];
    const limit = selector.maxSamples;
    const params: unknown[] = [
      names,
      selector.serverIds ?? null,
      JSON.stringify(selector.labels ?? {}),
      new Date(storableTime(selector.fromMs)),
      new Date(storableTime(selector.toMs)),
    ];
    if (limit !== undefined) params.push(limit + 1);
    const bounds: QueryBounds | undefined = signal ? { timeoutMs: NO_TIMEOUT_MS, signal } : undefined;
    // One row per series: a row (and a parsed labels object) per sample held the event loop 100 ms and more
    // on a day of a fleet's pods and services, as the driver parses what one socket read brings in one go.
    const rows = await this.sql.query<SeriesSamplesRow>(
      `SELECT server_id, name, labels, count(*)::int AS n,
              string_agg(float8send(time_ms), ''::bytea ORDER BY ts) AS times,
              string_agg(float8send(value), ''::bytea ORDER BY ts) AS vals
         FROM (SELECT i.id, i.server_id, i.name, i.labels, s.ts, s.value,
                      floor(extract(epoch FROM s.ts) * 1000)::float8 AS time_ms
                 FROM series_index i JOIN server_series s ON s.series_id = i.id
                WHERE i.name = ANY($1::text[]) AND ($2::text[] IS NULL OR i.server_id = ANY($2::text[]))
                  AND i.labels @> $3::jsonb AND s.ts >= $4 AND s.ts <= $5
                ORDER BY i.server_id, i.name, i.id, s.ts
                ${limit !== undefined ? 'LIMIT $6' : ''}) AS limited
        GROUP BY id, server_id, name, labels
        ORDER BY server_id, name, id`,
      params,
      bounds
    );
    if (limit !== undefined && rows.reduce((n, r) => n + r.n, 0) > limit) {
      throw new LimitError(
        'samples_limit',
        `the labelled series selected hold more than ${limit} samples; use a shorter range or a narrower selector`
      );
    }
    return rows.map((r) => ({
      serverId: r.server_id,
      name: r.name,
      labels: sortedLabels(r.labels),
      timestampsMs: doubles(r.times),
      values: doubles(r.vals),
    }));
  }

  async latest(serverIds: readonly string[] | undefined, sinceMs: number): Promise<SeriesSample[]> {
    const ids = serverIds ?? (await this.serverIdsWithSeries());
    if (ids.length === 0) return [];
    // The cache holds what was written in the last TTL: an older window needs the database.
    const cacheCovers = sinceMs >= this.now() - LATEST_TTL_SECONDS * 1000;
    const cached = cacheCovers
      ? await this.cache.getMany(ids).catch(() => new Map<string, SeriesSample[]>())
      : new Map<string, SeriesSample[]>();
    const found: SeriesSample[] = [];
    for (const samples of cached.values()) for (const s of samples) if (s.timestamp.getTime() >= sinceMs) found.push(s);
    const missing = ids.filter((id) => !cached.has(id));
    if (missing.length > 0) found.push(...(await this.latestFromDatabase(missing, sinceMs)));
    return found;
  }

  /** The newest sample since `sinceMs` of every series of these servers, from the database. */
  async latestFromDatabase(serverIds: readonly string[], sinceMs: number): Promise<SeriesSample[]> {
    const rows = await this.sql.query<SampleRow>(
      `SELECT i.server_id, i.name, i.labels, floor(extract(epoch FROM n.ts) * 1000)::float8 AS time_ms, n.value
         FROM series_index i
         CROSS JOIN LATERAL (
           SELECT s.ts, s.value FROM server_series s WHERE s.series_id = i.id AND s.ts >= $2 ORDER BY s.ts DESC LIMIT 1
         ) n
        WHERE i.server_id = ANY($1::text[])
        ORDER BY i.server_id, i.name, i.id`,
      [serverIds, new Date(storableTime(sinceMs))]
    );
    return rows.map((r) => ({
      serverId: r.server_id,
      name: r.name,
      labels: sortedLabels(r.labels),
      timestamp: new Date(Number(r.time_ms)),
      value: Number(r.value),
    }));
  }

  private async serverIdsWithSeries(): Promise<string[]> {
    const rows = await this.sql.query<{ server_id: string }>('SELECT DISTINCT server_id FROM series_index');
    return rows.map((r) => r.server_id);
  }

  async names(): Promise<string[]> {
    const rows = await this.sql.query<{ name: string }>('SELECT DISTINCT name FROM series_index ORDER BY name');
    return rows.map((r) => r.name);
  }

  async labelValues(name: string, label: string): Promise<string[]> {
    const rows = await this.sql.query<{ value: string }>(
      `SELECT DISTINCT labels ->> $2 AS value FROM series_index WHERE name = $1 AND labels ? $2 ORDER BY value`,
      [name, label]
    );
    return rows.map((r) => r.value);
  }

  /** Forgets what memory holds, after the tables were emptied behind the store's back (tests). */
  forgetMemory(): void {
    this.ids.clear();
    this.cache.clearLocal();
  }
}
