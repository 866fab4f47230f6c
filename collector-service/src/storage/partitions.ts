/**
 * Time partitions of the range-partitioned tables (raw samples by hour, 5-minute rollups by day,
 * 1-hour rollups by month): created before rows need them, dropped whole once they fall out of
 * their retention window (no DELETE sweeps).
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

/** Name of the raw-sample partition of the hour starting at `hourStartMs`. */
export const partitionName = (hourStartMs: number) => schemePartitionName(RAW_PARTITIONS, hourStartMs);

/** Start of the hour a raw-sample partition name covers, or null for a name that is not ours. */
export const partitionStart = (name: string) => schemePartitionStart(RAW_PARTITIONS, name);

export class PartitionManager {
  private readonly known = new Set<number>();
  private loaded = false;
  /** Creations run one after another within this process (a backfill and a live write may want the same span). */
  private creating: Promise<void> = Promise.resolve();

  constructor(
    private readonly sql: SqlClient,
    readonly scheme: PartitionScheme = RAW_PARTITIONS
  ) {}

  /** Span starts of the partitions that exist now, oldest first. */
  async list(): Promise<number[]> {
    const rows = await this.sql.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = to_regclass($1)`,
      [this.scheme.parent]
    );
    const starts = rows.map((r) => schemePartitionStart(this.scheme, r.name)).filter((s): s is number => s !== null);
    this.known.clear();
    for (const s of starts) this.known.add(s);
    this.loaded = true;
    return starts.sort((a, b) => a - b);
  }

  /** Makes sure every span touching [fromMs, toMs] has a partition. */
  ensure(fromMs: number, toMs: number): Promise<void> {
    const run = this.creating.then(() => this.create(fromMs, toMs));
    this.creating = run.catch(() => undefined);
    return run;
  }

  private async create(fromMs: number, toMs: number): Promise<void> {
    if (!this.loaded) await this.list();
    const { unit, parent } = this.scheme;
    const missing: number[] = [];
    for (let s = spanStart(unit, fromMs); s <= toMs; s = nextSpan(unit, s)) if (!this.known.has(s)) missing.push(s);
    if (missing.length === 0) return;
    const statements = missing.map((s) => {
      const name = schemePartitionName(this.scheme, s);
      return `CREATE TABLE IF NOT EXISTS ${name} PARTITION OF ${parent}
                FOR VALUES FROM ('${new Date(s).toISOString()}') TO ('${new Date(nextSpan(unit, s)).toISOString()}');
              ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY;`;
    });
    try {
      await this.sql.exec(statements.join('\n'));
    } catch (err) {
      // Another replica may have created the same partitions a moment ago.
      await this.list();
      if (missing.some((s) => !this.known.has(s))) throw err;
    }
    for (const s of missing) this.known.add(s);
  }

  /** Drops partitions whose whole span is older than the retention window. Returns the dropped names. */
  async dropExpired(nowMs: number, retentionHours: number): Promise<string[]> {
    const cutoff = nowMs - retentionHours * HOUR;
    const expired = (await this.list()).filter((start) => nextSpan(this.scheme.unit, start) <= cutoff);
    if (expired.length === 0) return [];
    const names = expired.map((s) => schemePartitionName(this.scheme, s));
    await this.sql.exec(names.map((n) => `DROP TABLE IF EXISTS ${n};`).join('\n'));
    for (const s of expired) this.known.delete(s);
    return names;
  }
}
