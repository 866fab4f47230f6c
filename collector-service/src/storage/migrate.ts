/** Applies the numbered SQL migrations in sql/ that the database has not recorded yet. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SqlClient } from './sql-client';

/** The repository's sql/ folder, from src/storage or dist/storage alike. */
export const MIGRATIONS_DIR = path.resolve(__dirname, '../../../sql');

const MIGRATION_FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/;
/** Serialises migrations when several service replicas start at once. */
const MIGRATION_LOCK_KEY = 7_401_001;

export interface Migration {
  version: string;
  name: string;
  sql: string;
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => MIGRATION_FILE.test(f)).sort();
  return Promise.all(
    files.map(async (file) => {
      const [, version, name] = MIGRATION_FILE.exec(file)!;
      return { version, name, sql: await readFile(path.join(dir, file), 'utf8') };
    })
  );
}

async function appliedVersions(sql: SqlClient): Promise<Set<string>> {
  const [{ exists }] = await sql.query<{ exists: boolean }>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS exists`
  );
  if (!exists) return new Set();
  const rows = await sql.query<{ version: string }>('SELECT version FROM schema_migrations');
  return new Set(rows.map((r) => r.version));
}

/** Applies pending migrations in order; each file records its own version. Returns the versions applied. */
export async function migrate(sql: SqlClient, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  const applied = await appliedVersions(sql);
  const done: string[] = [];
  for (const m of all) {
    if (applied.has(m.version)) continue;
    await sql.exec(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY});\n${m.sql}`);
    done.push(m.version);
  }
  return done;
}
