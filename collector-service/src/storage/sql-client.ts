/** One small interface over the two PostgreSQL engines the service runs on: a server (pg) or embedded (PGlite). */
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Logger } from 'pino';

export interface SqlClient {
  readonly kind: 'postgres' | 'pglite';
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs several statements (no parameters) as one implicit transaction. */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
  /** One connection for several statements, COPY included (PostgreSQL server only). */
  session?<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
}

export interface SqlSession {
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: Row[]; rowCount: number }>;
  /** Runs `COPY ... FROM STDIN` with `data` as its input; resolves to the rows copied. */
  copyFrom(statement: string, data: string): Promise<number>;
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
    async session(work) {
      const client = await pool.connect();
      try {
        return await work({
          async query<Row>(text: string, params: unknown[] = []) {
            const result = await client.query(text, params);
            return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
          },
          copyFrom: (statement, data) =>
            new Promise<number>((resolve, reject) => {
              const stream = client.query(copyFrom(statement));
              stream.on('error', reject);
              stream.on('finish', () => resolve(stream.rowCount));
              stream.end(data);
            }),
        });
      } finally {
        client.release();
      }
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
