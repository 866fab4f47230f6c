/**
 * Hourly partitions of server_metrics: created before rows need them, dropped whole once they
 * fall out of the retention window (no DELETE sweeps).
 */
import type { SqlClient } from './sql-client';

const HOUR = 3_600_000;
const PARENT = 'server_metrics';
const NAME = /^server_metrics_p(\d{4})(\d{2})(\d{2})(\d{2})$/;

export function partitionName(hourStartMs: number): string {
  const d = new Date(hourStartMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${PARENT}_p${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}`;
}

/** Start of the hour a partition name covers, or null for a name that is not ours. */
export function partitionStart(name: string): number | null {
  const m = NAME.exec(name);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4]) : null;
}

export class PartitionManager {
  private readonly known = new Set<number>();
  private loaded = false;
  /** Creations run one after another within this process (a backfill and a live write may want the same hour). */
  private creating: Promise<void> = Promise.resolve();

  constructor(private readonly sql: SqlClient) {}

  /** Hour starts of the partitions that exist now, oldest first. */
  async list(): Promise<number[]> {
    const rows = await this.sql.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
        WHERE i.inhparent = to_regclass($1)`,
      [PARENT]
    );
    const starts = rows.map((r) => partitionStart(r.name)).filter((s): s is number => s !== null);
    this.known.clear();
    for (const s of starts) this.known.add(s);
    this.loaded = true;
    return starts.sort((a, b) => a - b);
  }

  /** Makes sure every hour touching [fromMs, toMs] has a partition. */
  ensure(fromMs: number, toMs: number): Promise<void> {
    const run = this.creating.then(() => this.create(fromMs, toMs));
    this.creating = run.catch(() => undefined);
    return run;
  }

  private async create(fromMs: number, toMs: number): Promise<void> {
    if (!this.loaded) await this.list();
    const missing: number[] = [];
    for (let h = Math.floor(fromMs / HOUR) * HOUR; h <= toMs; h += HOUR) if (!this.known.has(h)) missing.push(h);
    if (missing.length === 0) return;
    const statements = missing.map((h) => {
      const name = partitionName(h);
      return `CREATE TABLE IF NOT EXISTS ${name} PARTITION OF ${PARENT}
                FOR VALUES FROM ('${new Date(h).toISOString()}') TO ('${new Date(h + HOUR).toISOString()}');
              ALTER TABLE ${name} ENABLE ROW LEVEL SECURITY;`;
    });
    try {
      await this.sql.exec(statements.join('\n'));
    } catch (err) {
      // Another replica may have created the same partitions a moment ago.
      await this.list();
      if (missing.some((h) => !this.known.has(h))) throw err;
    }
    for (const h of missing) this.known.add(h);
  }

  /** Drops partitions whose whole hour is older than the retention window. Returns the dropped names. */
  async dropExpired(nowMs: number, retentionHours: number): Promise<string[]> {
    const cutoff = nowMs - retentionHours * HOUR;
    const expired = (await this.list()).filter((start) => start + HOUR <= cutoff);
    if (expired.length === 0) return [];
    const names = expired.map(partitionName);
    await this.sql.exec(names.map((n) => `DROP TABLE IF EXISTS ${n};`).join('\n'));
    for (const h of expired) this.known.delete(h);
    return names;
  }
}
