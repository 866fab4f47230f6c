/**
 * The head: every server's recent samples in memory, columnar (see SeriesBuffer), filled from the
 * database at start and by every write. It answers a read when it holds every sample of the range
 * (`covers`); the caller asks the database otherwise. Memory is capped: past `maxBytes` each server
 * keeps fewer samples, and what the head covers starts later.
 */
import type { ServerMetrics, ServerStatus } from '../../domain/metrics';
import type { RangeQuery, SeriesSet } from '../metrics-store';
import type { SqlClient } from '../sql-client';
import { bucketize } from './bucket-aggregate';
import { spend, type ReadBudget } from './read-budget';
import {
  BYTES_PER_SAMPLE,
  capacityFor,
  COLUMN_INDEX,
  HEAD_COLUMNS,
  METRIC_COLUMNS,
  SeriesBuffer,
  STATUS_CODES,
  type HeadColumn,
} from './series-buffer';

export interface HeadOptions {
  /** Most bytes the sample arrays may take. */
  maxBytes: number;
  /** How far back the head keeps samples (the retention window). */
  spanMs: number;
  now?: () => number;
}

export type HeadState = 'empty' | 'loading' | 'ready' | 'failed';

export interface HeadStats {
  state: HeadState;
  servers: number;
  samples: number;
  bytes: number;
  /** Oldest time from which the head holds every sample; null while it covers nothing. */
  coveredFrom: string | null;
}

/** The sample columns a raw read can ask for: the numeric ones and `status`. */
export type HeadRawColumn = HeadColumn | 'status';

const SERVERS_PER_LOAD_QUERY = 20;
const MIN_SAMPLES_PER_SERVER = 16;
const TRIM_EVERY_MS = 60_000;
const INITIAL_SAMPLES = 64;

interface LoadRow {
  server_id: string;
  t: number;
  status: ServerStatus;
  [column: string]: unknown;
}

export class SampleHead {
  private readonly series = new Map<string, SeriesBuffer>();
  private readonly now: () => number;
  private state: HeadState = 'empty';
  /** Every sample at or after this time is held (once ready). */
  private coveredFromMs = Infinity;
  private trimmedAt = -Infinity;
  private maxPerServer: number;
  private generation = 0;

  constructor(private readonly options: HeadOptions) {
    this.now = options.now ?? Date.now;
    this.maxPerServer = this.capFor(1);
  }

  /** Whether the head holds every sample at or after `fromMs`. */
  covers(fromMs: number): boolean {
    return this.state === 'ready' && fromMs >= this.coveredFromMs;
  }

  /** Adds samples; duplicates (same server and time) are ignored as the database ignores them. */
  append(samples: readonly ServerMetrics[]): void {
    const newcomers = new Set<string>();
    for (const s of samples) if (!this.series.has(s.serverId)) newcomers.add(s.serverId);
    if (newcomers.size > 0) this.maxPerServer = this.capFor(this.series.size + newcomers.size);
    for (const s of samples) this.noteDropped(this.buffer(s.serverId).insert(s, this.maxPerServer));
    this.trim();
  }

  /** Forgets everything and covers all time: the database was emptied (tests, a new store). */
  clear(): void {
    this.series.clear();
    this.generation++;
    this.maxPerServer = this.capFor(1);
    this.state = 'ready';
    this.coveredFromMs = -Infinity;
    this.trimmedAt = -Infinity;
    this.trim();
  }

  /** Reads the retention window of `serverIds` from the database; appends may go on meanwhile. */
  async load(sql: SqlClient, serverIds: readonly string[]): Promise<void> {
    const generation = ++this.generation;
    this.state = 'loading';
    const fromMs = this.now() - this.options.spanMs;
    const columns = HEAD_COLUMNS.join(', ');
    // Each server's newest samples only, as many as it may keep: a big fleet with a full day stored loads what fits.
    this.maxPerServer = Math.min(this.maxPerServer, this.capFor(new Set([...this.series.keys(), ...serverIds]).size));
    const limit = this.maxPerServer;
    try {
      for (let i = 0; i < serverIds.length; i += SERVERS_PER_LOAD_QUERY) {
        const rows = await sql.query<LoadRow>(
          `SELECT m.* FROM unnest($1::text[]) AS w(id), LATERAL (
             SELECT server_id, floor(extract(epoch FROM "timestamp") * 1000)::float8 AS t, ${columns}, status
               FROM server_metrics WHERE server_id = w.id AND "timestamp" >= $2 ORDER BY "timestamp" DESC LIMIT $3) m
           ORDER BY m.server_id, m.t`,
          [serverIds.slice(i, i + SERVERS_PER_LOAD_QUERY), new Date(fromMs), limit]
        );
        if (generation !== this.generation) return;
        const values: Array<number | null> = new Array(HEAD_COLUMNS.length);
        let loadedOf = '';
        let loaded = 0;
        for (let r = 0; r <= rows.length; r++) {
          const row = rows[r];
          if (row?.server_id !== loadedOf) {
            // A server that filled its share may have older samples the head does not hold.
            if (loaded === limit) this.noteDropped(rows[r - loaded].t - 1);
            loadedOf = row?.server_id;
            loaded = 0;
          }
          if (!row) break;
          loaded++;
          for (let c = 0; c < HEAD_COLUMNS.length; c++) values[c] = row[HEAD_COLUMNS[c]] as number | null;
          this.noteDropped(this.buffer(row.server_id).insertRow(row.t, values, row.status, this.maxPerServer));
        }
      }
      this.coveredFromMs = Math.max(this.coveredFromMs === Infinity ? -Infinity : this.coveredFromMs, fromMs);
      this.state = 'ready';
      this.trim();
    } catch (err) {
      if (generation === this.generation) this.state = 'failed';
      throw err;
    }
  }

  /** Downsampled series like the database's, or null when the head does not hold [fromMs, toMs). */
  range(q: RangeQuery, budget?: ReadBudget): SeriesSet[] | null {
    if (!this.covers(q.fromMs)) return null;
    const metrics = q.metrics;
    const columns = metrics.map((m) => COLUMN_INDEX[METRIC_COLUMNS[m]]);
    return [...new Set(q.serverIds)].map((serverId) => {
      const buffer = this.series.get(serverId);
      const set: SeriesSet = { serverId, timestamps: [], values: Object.fromEntries(metrics.map((m) => [m, []])) };
      if (!buffer) return set;
      spend(budget, buffer.lowerBound(q.toMs) - buffer.lowerBound(q.fromMs));
      const bucketed = bucketize(buffer, columns, q.fromMs, q.toMs, q.stepMs, q.aggregation);
      set.timestamps = bucketed.timestamps;
      metrics.forEach((m, c) => (set.values[m] = bucketed.values[c]));
      return set;
    });
  }

  /**
   * Visits a server's samples with fromMs < time <= toMs that hold a reading of `column` (status:
   * its name), oldest first. False when the head does not hold the range.
   */
  scan(
    serverId: string,
    column: HeadRawColumn,
    fromMs: number,
    toMs: number,
    visit: (timeMs: number, stored: number | string) => void,
    budget?: ReadBudget
  ): boolean {
    if (!this.covers(fromMs + 1)) return false;
    const buffer = this.series.get(serverId);
    if (!buffer) return true;
    const first = buffer.upperBound(fromMs);
    const last = buffer.upperBound(toMs);
    spend(budget, last - first);
    const doubles = buffer.doubles;
    if (column === 'status') {
      for (let i = first; i < last; i++) visit(doubles[i], STATUS_CODES[buffer.status[i]]);
      return true;
    }
    const at = buffer.columnStart(COLUMN_INDEX[column]);
    for (let i = first; i < last; i++) {
      const v = doubles[at + i];
      if (v === v) visit(doubles[i], v);
    }
    return true;
  }

  /**
   * The newest of a server's samples with fromMs < time <= toMs that holds a reading of `column`: what an
   * instant selector needs. Null when there is none; false when the head cannot tell. A span reaching back
   * past what the head covers (the 5-minute lookback once the memory cap trims to the last minute) is
   * still answered when the newest reading is within what it covers: nothing newer can be missing.
   */
  newestReading(
    serverId: string,
    column: HeadRawColumn,
    fromMs: number,
    toMs: number
  ): { timeMs: number; stored: number | string } | null | false {
    if (this.state !== 'ready') return false;
    const covered = this.covers(fromMs + 1);
    const buffer = this.series.get(serverId);
    const newest = buffer ? newestIn(buffer, column, fromMs, toMs) : null;
    if (newest) return covered || newest.timeMs >= this.coveredFromMs ? newest : false;
    return covered ? null : false;
  }

  /** Samples of a server in fromMs < time <= toMs (for counting before a read); null when not held. */
  count(serverId: string, fromMs: number, toMs: number): number | null {
    if (!this.covers(fromMs + 1)) return null;
    const buffer = this.series.get(serverId);
    return buffer ? buffer.upperBound(toMs) - buffer.upperBound(fromMs) : 0;
  }

  /** The newest sample held for a server (raw data is not kept). */
  newest(serverId: string): ServerMetrics | null {
    const buffer = this.series.get(serverId);
    return buffer && buffer.length > 0 ? buffer.sampleAt(serverId, buffer.end - 1) : null;
  }

  stats(): HeadStats {
    let samples = 0;
    let bytes = 0;
    for (const b of this.series.values()) {
      samples += b.length;
      bytes += b.bytes;
    }
    const covered =
      this.state !== 'ready'
        ? null
        : Number.isFinite(this.coveredFromMs)
          ? new Date(this.coveredFromMs).toISOString()
          : 'all';
    return { state: this.state, servers: this.series.size, samples, bytes, coveredFrom: covered };
  }

  private buffer(serverId: string): SeriesBuffer {
    let buffer = this.series.get(serverId);
    if (!buffer) {
      // append and load set maxPerServer for the fleet they bring. A big fleet's servers all fill up in the
      // same second: a buffer whose cap is close to where it would start takes its full size at once, rather
      // than every server growing (and leaving garbage) together.
      const full = capacityFor(this.maxPerServer);
      buffer = new SeriesBuffer(full <= 2 * INITIAL_SAMPLES ? full : INITIAL_SAMPLES);
      this.series.set(serverId, buffer);
    }
    return buffer;
  }

  /** The most samples each of `servers` may keep, so that every buffer at its full capacity (capacityFor) fits maxBytes. */
  private capFor(servers: number): number {
    const share = Math.floor(this.options.maxBytes / BYTES_PER_SAMPLE / servers);
    // The largest m with capacityFor(m) = m + 8 + floor(m / 8) <= share.
    return Math.max(MIN_SAMPLES_PER_SERVER, Math.floor(((share - 8) * 8) / 9));
  }

  private noteDropped(dropped: number | false): void {
    if (dropped !== false && !Number.isNaN(dropped))
      this.coveredFromMs = Math.max(this.coveredFromMs === Infinity ? -Infinity : this.coveredFromMs, dropped + 1);
  }

  /** Drops what fell out of the retention window, at most once a minute. */
  private trim(): void {
    const now = this.now();
    if (now - this.trimmedAt < TRIM_EVERY_MS) return;
    this.trimmedAt = now;
    const cutoff = now - this.options.spanMs;
    for (const [id, buffer] of this.series) {
      buffer.dropBefore(cutoff);
      if (buffer.length === 0) this.series.delete(id);
    }
    this.maxPerServer = this.capFor(Math.max(1, this.series.size));
    if (this.coveredFromMs !== Infinity) this.coveredFromMs = Math.max(this.coveredFromMs, cutoff);
  }
}

/** The newest sample of `buffer` in (fromMs, toMs] with a reading of `column`. */
function newestIn(
  buffer: SeriesBuffer,
  column: HeadRawColumn,
  fromMs: number,
  toMs: number
): { timeMs: number; stored: number | string } | null {
  const first = buffer.upperBound(fromMs);
  const doubles = buffer.doubles;
  if (column === 'status') {
    const i = buffer.upperBound(toMs) - 1;
    return i >= first ? { timeMs: doubles[i], stored: STATUS_CODES[buffer.status[i]] } : null;
  }
  const at = buffer.columnStart(COLUMN_INDEX[column]);
  for (let i = buffer.upperBound(toMs) - 1; i >= first; i--) {
    const v = doubles[at + i];
    if (v === v) return { timeMs: doubles[i], stored: v };
  }
  return null;
}
