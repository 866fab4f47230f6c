/**
 * Time partitions of the range-partitioned tables (raw samples and labelled series by hour, 5-minute
 * rollups by day, 1-hour rollups by month): created before rows need them, dropped whole once they fall
 * out of their retention window (no DELETE sweeps).
 */
import type { SqlClient } from './sql-client';

const HOUR = 3_600_000;

export type PartitionUnit = 'hour' | 'day' | 'month';

/** A partitioned table and the span each of its partitions covers. */
export interface PartitionScheme {
  parent: string;
  unit: PartitionUnit;
}

export const RAW_PARTITIONS: PartitionScheme = { parent: 'server_metrics', unit: 'hour' };
export const SERIES_PARTITIONS: PartitionScheme = { parent: 'server_series', unit: 'hour' };
/** The raw tables, partitioned by hour and kept for the same retention: samples and labelled series. */
export const RAW_TABLES: readonly PartitionScheme[] = [RAW_PARTITIONS, SERIES_PARTITIONS];
export const ROLLUP_5M_PARTITIONS: PartitionScheme = { parent: 'metric_rollups_5m', unit: 'day' };
export const ROLLUP_1H_PARTITIONS: PartitionScheme = { parent: 'metric_rollups_1h', unit: 'month' };

/** Digits of the name suffix per unit: yyyymmddhh, yyyymmdd, yyyymm. */
const SUFFIX_DIGITS: Record<PartitionUnit, number> = { hour: 10, day: 8, month: 6 };

const pad = (n: number) => String(n).padStart(2, '0');

/** Start of the partition span holding `ms`. */
export function spanStart(unit: PartitionUnit, ms: number): number {
  const d = new Date(ms);
  if (unit === 'hour') return Math.floor(ms / HOUR) * HOUR;
  if (unit === 'day') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** Start of the span after the one starting at `startMs`. */
export function nextSpan(unit: PartitionUnit, startMs: number): number {
  if (unit === 'hour') return startMs + HOUR;
  if (unit === 'day') return startMs + 24 * HOUR;
  const d = new Date(startMs);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

export function schemePartitionName(scheme: PartitionScheme, startMs: number): string {
  const d = new Date(startMs);
  const suffix = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}`;
  return `${scheme.parent}_p${suffix.slice(0, SUFFIX_DIGITS[scheme.unit])}`;
}

/** Start of the span a partition name covers, or null for a name that is not the scheme's. */
export function schemePartitionStart(scheme: PartitionScheme, name: string): number | null {
  const prefix = `${scheme.parent}_p`;
  const digits = name.slice(prefix.length);
  if (!name.startsWith(prefix) || !new RegExp(`^\\d{${SUFFIX_DIGITS[scheme.unit]}}$`).test(digits)) return null;
  const part = (from: number) => (digits.length > from ? +digits.slice(from, from + 2) : 0);
  return Date.UTC(+digits.slice(0, 4), +digits.slice(4, 6) - 1, part(6) || 1, part(8));
}

/** Name of the partition of an hourly raw table (samples unless told) for the hour starting at `hourStartMs`. */
export const partitionName = (hourStartMs: number, table: string = RAW_PARTITIONS.parent) =>
  schemePartitionName({ parent: table, unit: 'hour' }, hourStartMs);

/** Start of the hour a raw-sample partition name covers, or null for a name that is not one. */
export const partitionStart = (name: string) => schemePartitionStart(RAW_PARTITIONS, name);

/** The partitions of one or more tables that share a retention (the raw tables; each rollup table alone). */
export class PartitionManager {
  /** Names of the partitions known to exist. */
  private readonly known = new Set<string>();
  private loaded = false;
  /** Creations run one after another within this process (a backfill and a live write may want the same span). */
  private creating: Promise<void> = Promise.resolve();

  constructor(
    private readonly sql: SqlClient,
    readonly schemes: readonly PartitionScheme[] = RAW_TABLES
  ) {}

  /** Span starts of the partitions of `table` (the first scheme's unless told) that exist now, oldest first. */
  async list(table: string = this.schemes[0].parent): Promise<number[]> {
    const scheme = this.scheme(table);
    await this.load();
    return [...this.known]
      .map((name) => schemePartitionStart(scheme, name))
      .filter((s): s is number => s !== null)
      .sort((a, b) => a - b);
  }

  /** Makes sure every span touching [fromMs, toMs] has a partition, in each of `tables` (all unless told). */
  ensure(fromMs: number, toMs: number, tables?: readonly string[]): Promise<void> {
    const schemes = tables ? tables.map((t) => this.scheme(t)) : this.schemes;
    const run = this.creating.then(() => this.create(fromMs, toMs, schemes));
    this.creating = run.catch(() => undefined);
    return run;
  }

  /** Drops partitions whose whole span is older than the retention window. Returns the dropped names. */
  async dropExpired(nowMs: number, retentionHours: number): Promise<string[]> {
    const cutoff = nowMs - retentionHours * HOUR;
    await this.load();
    const expired = [...this.known].filter((name) =>
      this.schemes.some((scheme) => {
        const start = schemePartitionStart(scheme, name);
        return start !== null && nextSpan(scheme.unit, start) <= cutoff;
      })
    );
    if (expired.length === 0) return [];
    await this.sql.exec(expired.map((n) => `DROP TABLE IF EXISTS ${n};`).join('\n'));
    for (const n of expired) this.known.delete(n);
    return expired.sort();
  }

  private scheme(table: string): PartitionScheme {
    const scheme = this.schemes.find((s) => s.parent === table);
    if (!scheme) throw new Error(`${table} is not partitioned by this manager`);
    return scheme;
  }

  private async load(): Promise<void> {
    const rows = await this.sql.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = ANY(ARRAY(SELECT to_regclass(t) FROM unnest($1::text[]) AS t))`,
      [this.schemes.map((s) => s.parent)]
    );
    this.known.clear();
    for (const { name } of rows) {
      if (this.schemes.some((s) => schemePartitionStart(s, name) !== null)) this.known.add(name);
    }
    this.loaded = true;
  }

  private async create(fromMs: number, toMs: number, schemes: readonly PartitionScheme[]): Promise<void> {
    if (!this.loaded) await this.load();
    const missing: Array<{ scheme: PartitionScheme; start: number; name: string }> = [];
    for (const scheme of schemes) {
      for (let s = spanStart(scheme.unit, fromMs); s <= toMs; s = nextSpan(scheme.unit, s)) {
        const name = schemePartitionName(scheme, s);
        if (!this.known.has(name)) missing.push({ scheme, start: s, name });
      }
    }
    if (missing.length === 0) return;
    const statements = missing.map(
      ({ scheme, start, name }) =>
        `CREATE TABLE IF NOT EXISTS ${name} PARTITION OF ${scheme.parent}
           FOR VALUES FROM ('${new Date(start).toISOString()}') TO ('${new Date(nextSpan(scheme.unit, start)).toISOString()}');
         ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY;`
    );
    try {
      await this.sql.exec(statements.join('\n'));
    } catch (err) {
      // Another replica may have created the same partitions a moment ago.
      await this.load();
      if (missing.some((m) => !this.known.has(m.name))) throw err;
    }
    for (const m of missing) this.known.add(m.name);
  }
}
