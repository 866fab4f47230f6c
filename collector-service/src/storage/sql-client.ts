/** One small interface over the two PostgreSQL engines the service runs on: a server (pg) or embedded (PGlite). */
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { Pool } from 'pg';
import type { Logger } from 'pino';

export interface SqlClient {
  readonly kind: 'postgres' | 'pglite';
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs several statements (no parameters) as one implicit transaction. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export function connectPostgres(url: string, log: Logger): SqlClient {
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', (err) => log.warn({ err: err.message }, 'postgres connection lost'));
  return {
    kind: 'postgres',
    async query<Row>(text: string, params: unknown[] = []) {
      const result = await pool.query(text, params);
      return result.rows as Row[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}

/** PGlite in `dataDir/pglite` (or in memory when dataDir is `memory://`). */
export async function openEmbedded(dataDir: string): Promise<SqlClient> {
  const { PGlite } = await import('@electric-sql/pglite');
  let location = dataDir;
  if (!dataDir.startsWith('memory://')) {
    location = path.resolve(dataDir, 'pglite');
    await mkdir(location, { recursive: true });
  }
  const db = await PGlite.create(location);
  return {
    kind: 'pglite',
    async query<Row>(text: string, params: unknown[] = []) {
      const result = await db.query<Row>(text, params);
      return result.rows;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    close: () => db.close(),
  };
}
