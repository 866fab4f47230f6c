/**
 * The built service as a user starts it: a real process, embedded storage with nothing installed,
 * or PostgreSQL + Redis; graceful shutdown; a bad setting stopping start-up with one clear line.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { CONTRACT_SERVER_IDS } from '../../collector-service/src/collectors/dummy/fleet';
import {
  createTestDatabase,
  deleteRedisPrefix,
  redisKeys,
  redisTtl,
  REDIS_URL,
  uniqueRedisPrefix,
} from '../../collector-service/test/support/services';
import { freePort, SERVICE_MAIN, startProcess, waitForOk, type RunningProcess } from '../support/process';

jest.setTimeout(120_000);

const json = async (url: string) => (await fetch(url)).json() as Promise<any>;

describe('npm start with nothing configured (embedded PGlite + in-process cache)', () => {
  let dataDir: string;
  let proc: RunningProcess;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'om-start-'));
    const port = await freePort();
    proc = startProcess(SERVICE_MAIN, { PORT: String(port), DATA_DIR: dataDir }, port);
    await waitForOk(`${proc.baseUrl}/api/health`, proc, 60_000);
  });
  afterAll(async () => {
    await proc.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('answers /api/health and lists exactly the 30 contract servers', async () => {
    expect(await json(`${proc.baseUrl}/api/health`)).toMatchObject({
      status: 'ok',
      storage: { database: { kind: 'pglite' }, cache: { kind: 'memory' } },
    });
    const { servers } = await json(`${proc.baseUrl}/api/servers`);
    expect(servers.map((s: { id: string }) => s.id).sort()).toEqual([...CONTRACT_SERVER_IDS].sort());
  });

  test('has a day of history at once, in DATA_DIR', async () => {
    const to = Date.now();
    const { points } = await json(
      `${proc.baseUrl}/api/servers/ONPREM-FILE-01/metrics?from=${to - 23 * 3_600_000}&to=${to}&step=1h&metrics=disk`
    );
    expect(points.length).toBeGreaterThanOrEqual(23);
    expect(points.every((p: { disk: number }) => p.disk >= 80)).toBe(true);
  });

  test('SIGTERM stops it cleanly', async () => {
    expect(await proc.stop('SIGTERM')).toBe(0);
    expect(proc.output()).toContain('stopped cleanly');
  });
});

describe('npm start with DATABASE_URL and REDIS_URL', () => {
  let proc: RunningProcess;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const prefix = uniqueRedisPrefix();

  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    proc = startProcess(
      SERVICE_MAIN,
      {
        PORT: String(port),
        DATABASE_URL: db.url,
        REDIS_URL,
        REDIS_KEY_PREFIX: prefix,
        COLLECT_INTERVAL_MS: '1000',
        DUMMY_BACKFILL_HOURS: '1',
      },
      port
    );
    await waitForOk(`${proc.baseUrl}/api/health`, proc, 60_000);
    // two collection runs
    await new Promise((r) => setTimeout(r, 2_500));
  });
  afterAll(async () => {
    await proc.stop();
    await deleteRedisPrefix(prefix);
    await db.drop();
  });

  test('samples land in server_metrics and the newest in Redis under server:*:latest with TTL ≤ 300', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(
      'SELECT count(*)::int AS n, count(DISTINCT server_id)::int AS servers FROM server_metrics'
    );
    await client.end();
    expect(rows[0].servers).toBe(30);
    expect(rows[0].n).toBeGreaterThan(30 * 60);

    const keys = await redisKeys(prefix);
    // WEB-US-003 is offline: nothing fresh to cache (a read — the alert rules' analysis — may re-cache its old sample through the read path).
    expect(keys.filter((k) => /^server:[A-Z0-9-]+:latest$/.test(k) && k !== 'server:WEB-US-003:latest')).toHaveLength(
      29
    );
    // beside it, the newest value of each labelled series (pods, volumes, services) of every reachable server
    expect(keys.filter((k) => /^server:[A-Z0-9-]+:series:latest$/.test(k)).sort()).toEqual(
      CONTRACT_SERVER_IDS.filter((id) => id !== 'WEB-US-003')
        .map((id) => `server:${id}:series:latest`)
        .sort()
    );
    expect(keys.every((k) => /^server:[A-Z0-9-]+:(series:)?latest$/.test(k))).toBe(true);
    for (const key of ['server:DB-EU-002:latest', 'server:DB-EU-002:series:latest']) {
      const ttl = await redisTtl(prefix, key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(300);
    }
  });

  test('GET /api/servers/DB-EU-002 is critical with cpu 80–90 and memory 90–94, from the cache', async () => {
    const body = await json(`${proc.baseUrl}/api/servers/DB-EU-002`);
    expect(body).toMatchObject({ status: 'critical', source: 'cache' });
    expect(body.metrics.cpu).toBeGreaterThanOrEqual(80);
    expect(body.metrics.cpu).toBeLessThanOrEqual(90);
    expect(body.metrics.memory).toBeGreaterThanOrEqual(90);
    expect(body.metrics.memory).toBeLessThanOrEqual(94);
  });
});

describe('a bad setting', () => {
  test('stops start-up with one line naming the variable', async () => {
    const port = await freePort();
    const proc = startProcess(SERVICE_MAIN, { PORT: String(port), COLLECT_INTERVAL_MS: 'soon' }, port);
    expect(await proc.exited).toBe(2);
    expect(proc.output().trim()).toBe(
      'Configuration error: COLLECT_INTERVAL_MS expects milliseconds between collection runs, 100 or more, got "soon"'
    );
  });
});
