/**
 * Hourly partitions of the time-partitioned tables (server_metrics, server_series): created before
 * rows need them, dropped whole once they fall out of the retention window (no DELETE sweeps).
 */
import type { SqlClient } from './sql-client';

const HOUR = 3_600_000;

/** The tables partitioned by hour, all kept for the same retention. */
export const PARTITIONED_TABLES = ['server_metrics', 'server_series'] as const;
export type PartitionedTable = (typeof PARTITIONED_TABLES)[number];

const NAME = /^(server_metrics|server_series)_p(\d{4})(\d{2})(\d{2})(\d{2})$/;

export function partitionName(hourStartMs: number, table: PartitionedTable = 'server_metrics'): string {
  const d = new Date(hourStartMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${table}_p${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}`;
}

/** Start of the hour a partition name covers (of `table` when given), or null for a name that is not one. */
export function partitionStart(name: string, table?: PartitionedTable): number | null {
  const m = NAME.exec(name);
  return m && (table === undefined || m[1] === table) ? Date.UTC(+m[2], +m[3] - 1, +m[4], +m[5]) : null;
}

export class PartitionManager {
  /** Names of the partitions known to exist. */
  private readonly known = new Set<string>();
  private loaded = false;
  /** Creations run one after another within this process (a backfill and a live write may want the same hour). */
  private creating: Promise<void> = Promise.resolve();

  constructor(private readonly sql: SqlClient) {}

  /** Hour starts of the partitions of `table` that exist now, oldest first. */
  async list(table: PartitionedTable = 'server_metrics'): Promise<number[]> {
    await this.load();
    return [...this.known]
      .map((name) => partitionStart(name, table))
      .filter((s): s is number => s !== null)
      .sort((a, b) => a - b);
  }

  private async load(): Promise<void> {
    const rows = await this.sql.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = ANY(ARRAY[${PARTITIONED_TABLES.map((t) => `to_regclass('${t}')`).join(', ')}])`
    );
    this.known.clear();
    for (const r of rows) if (NAME.test(r.name)) this.known.add(r.name);
    this.loaded = true;
  }

  /** Makes sure every hour touching [fromMs, toMs] has a partition, in each of `tables`. */
  ensure(fromMs: number, toMs: number, tables: readonly PartitionedTable[] = PARTITIONED_TABLES): Promise<void> {
    const run = this.creating.then(() => this.create(fromMs, toMs, tables));
    this.creating = run.catch(() => undefined);
    return run;
  }

  private async create(fromMs: number, toMs: number, tables: readonly PartitionedTable[]): Promise<void> {
    if (!this.loaded) await this.load();
    const missing: Array<{ table: PartitionedTable; hour: number; name: string }> = [];
    for (let h = Math.floor(fromMs / HOUR) * HOUR; h <= toMs; h += HOUR) {
      for (const table of tables) {
        const name = partitionName(h, table);
        if (!this.known.has(name)) missing.push({ table, hour: h, name });
      }
    }
    if (missing.length === 0) return;
    const statements = missing.map(
      ({ table, hour, name }) =>
        `CREATE TABLE IF NOT EXISTS ${name} PARTITION OF ${table}
           FOR VALUES FROM ('${new Date(hour).toISOString()}') TO ('${new Date(hour + HOUR).toISOString()}');
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

  /** Drops partitions (of every partitioned table) whose whole hour is older than the retention window. Returns the dropped names. */
  async dropExpired(nowMs: number, retentionHours: number): Promise<string[]> {
    const cutoff = nowMs - retentionHours * HOUR;
    await this.load();
    const expired = [...this.known].filter((name) => partitionStart(name)! + HOUR <= cutoff);
    if (expired.length === 0) return [];
    await this.sql.exec(expired.map((n) => `DROP TABLE IF EXISTS ${n};`).join('\n'));
    for (const n of expired) this.known.delete(n);
    return expired.sort();
  }
}
