/**
 * The deployment's database roles, on a PostgreSQL cluster of the test's own: the compose init script
 * makes a role that is no superuser; the service's migrations, run as that role, leave it owning
 * exactly its tables, and take them away from Supabase's `anon` and `authenticated` roles.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { openStorage } from '../../collector-service/src/storage/open-storage';
import { startOwnPostgres, type OwnPostgres } from '../../collector-service/test/support/own-servers';
import { recordsFor, sample } from '../../collector-service/test/support/samples';
import { silentLog } from '../../collector-service/test/support/services';
import { REPO_ROOT } from '../support/process';

jest.setTimeout(120_000);
const run = promisify(execFile);

async function sql<T>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('database roles of the compose deployment', () => {
  let pg: OwnPostgres;
  let admin: string;
  let service: string;

  beforeAll(async () => {
    pg = await startOwnPostgres();
    await run('sh', [path.join(REPO_ROOT, 'provisioning/postgres/init-openmanager.sh')], {
      env: {
        PATH: `/usr/lib/postgresql/15/bin:${process.env.PATH}`,
        PGHOST: '127.0.0.1',
        PGPORT: String(pg.port),
        POSTGRES_USER: 'postgres',
        OPENMANAGER_DB_PASSWORD: 'role-password-for-tests',
      },
    });
    admin = `postgres://postgres@127.0.0.1:${pg.port}/openmanager`;
    service = `postgres://openmanager@127.0.0.1:${pg.port}/openmanager`;
    // what Supabase does: anon and authenticated get every new table in public by default
    await sql(
      admin,
      `CREATE ROLE anon NOLOGIN; CREATE ROLE authenticated NOLOGIN;
      ALTER DEFAULT PRIVILEGES FOR ROLE openmanager IN SCHEMA public GRANT ALL ON TABLES TO anon, authenticated;
      CREATE TABLE someone_elses (x int)`
    );
    const storage = await openStorage({ databaseUrl: service, dataDir: '', redisKeyPrefix: '' }, silentLog);
    const now = Date.now();
    const samples = [sample('A', now), sample('A', now - 30 * 3_600_000)];
    const series = [now, now - 30 * 3_600_000].map((t) => ({
      serverId: 'A',
      name: 'openmanager_service_up',
      labels: { service: 'postfix.service' },
      timestamp: new Date(t),
      value: 1,
    }));
    await storage.store.write({ servers: recordsFor(samples), samples, series });
    await storage.close();
  });
  afterAll(() => pg?.remove());

  test('the service role is no superuser and cannot create databases or roles', async () => {
    const [role] = await sql<Record<string, boolean>>(
      admin,
      `SELECT rolsuper, rolcreatedb, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = 'openmanager'`
    );
    expect(role).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false });
    await expect(sql(service, 'CREATE DATABASE nope')).rejects.toThrow(/permission denied/);
    await expect(sql(service, 'SELECT * FROM someone_elses')).rejects.toThrow(/permission denied/);
  });

  test('it owns exactly the tables its migrations created, partitions included', async () => {
    const owned = await sql<{ relname: string; owner: string }>(
      admin,
      `SELECT c.relname, pg_get_userbyid(c.relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`
    );
    const mine = owned.filter((t) => t.owner === 'openmanager').map((t) => t.relname);
    expect(mine).toEqual(expect.arrayContaining(['schema_migrations', 'server_metrics', 'servers']));
    expect(mine).toEqual(expect.arrayContaining(['series_index', 'server_series']));
    expect(mine.filter((t) => /^server_metrics_/.test(t)).length).toBeGreaterThanOrEqual(2);
    expect(mine.filter((t) => /^server_series_/.test(t)).length).toBeGreaterThanOrEqual(2);
    expect(owned.filter((t) => t.owner !== 'openmanager').map((t) => t.relname)).toEqual(['someone_elses']);
  });

  test("Supabase's anon and authenticated roles can read none of them, partitions made later included", async () => {
    const granted = await sql<{ relname: string; role: string }>(
      admin,
      `SELECT c.relname, r.rolname AS role FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         CROSS JOIN (SELECT rolname FROM pg_roles WHERE rolname IN ('anon', 'authenticated')) r
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND pg_get_userbyid(c.relowner) = 'openmanager'
          AND (has_table_privilege(r.rolname, c.oid, 'SELECT') OR has_table_privilege(r.rolname, c.oid, 'INSERT'))`
    );
    expect(granted).toEqual([]);
  });
});
