/**
 * Every route the app serves × {no key, wrong key, read key, admin key}. The route list comes from
 * the app itself, so a route added later is checked too: open routes answer anyone, admin routes
 * only the admin key, every other route a read or admin key. A digest-configured key works like a plain one.
 */
import { createHash } from 'node:crypto';
import type { RunningService } from '../../src/service';
import { createTestDatabase, type TestDatabase } from '../support/services';
import { bearer, startTestService } from '../support/test-service';

const READ = 'matrix-read-key-0001';
const ADMIN = 'matrix-admin-key-0002';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Routes anyone may call: probes and self-description. */
const OPEN = new Set(['/api/health', '/api/openapi.json']);
const isAdmin = (path: string) => path.startsWith('/api/admin/');

const concrete = (path: string) =>
  path
    .replace(/:id\b[^/]*/g, 'DB-EU-002')
    .replace(/:[a-z]+\b[^/]*/gi, 'cpu')
    .replace(/\*$/, 'x');

describe('auth matrix: every route × every kind of caller', () => {
  let db: TestDatabase;
  let service: RunningService;
  beforeAll(async () => {
    db = await createTestDatabase();
    service = await startTestService({
      env: { DATABASE_URL: db.url, API_KEYS: `grafana:read:sha256:${sha256(READ)},ops:admin:${ADMIN}` },
    });
  }, 60_000);
  afterAll(async () => {
    await service.close();
    await db.drop();
  });

  const routes = () => {
    const seen = new Map<string, { method: string; path: string }>();
    for (const r of service.app.routes) {
      if (r.method === 'ALL' || (r.path.endsWith('/*') && !isAdmin(r.path))) continue;
      seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
    }
    return [...seen.values()];
  };

  test('the app serves the routes this matrix expects to cover', () => {
    const listed = routes().map((r) => `${r.method} ${r.path}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'GET /api/servers',
        'GET /api/servers/:id',
        'POST /api/query',
        'POST /api/ask',
        'GET /metrics',
        'POST /api/admin/collect',
      ])
    );
  });

  test.each([
    ['no key', {} as Record<string, string>, 'none'],
    ['a wrong key', bearer('matrix-wrong-key-0003'), 'none'],
    ['the read key', bearer(READ), 'read'],
    ['the admin key', bearer(ADMIN), 'admin'],
  ])(
    '%s',
    async (_, headers, role) => {
      const outcomes: string[] = [];
      for (const { method, path } of routes()) {
        const res = await service.app.request(concrete(path), {
          method,
          headers: { ...headers, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
          ...(method === 'POST' ? { body: '{}' } : {}),
        });
        await res.arrayBuffer();
        const allowed = OPEN.has(path) || (isAdmin(path) ? role === 'admin' : role !== 'none');
        const denied = res.status === 401 || res.status === 403;
        if (allowed === denied) outcomes.push(`${method} ${path} → ${res.status}`);
        if (denied && !OPEN.has(path)) {
          const expected = role === 'none' ? 401 : 403;
          if (res.status !== expected) outcomes.push(`${method} ${path} → ${res.status}, expected ${expected}`);
        }
      }
      expect(outcomes).toEqual([]);
    },
    120_000
  );

  test('/api/status tells the caller its role, so a client can warn about an admin key', async () => {
    const read = (await (await service.app.request('/api/status', { headers: bearer(READ) })).json()) as {
      caller: unknown;
    };
    expect(read.caller).toEqual({ key: 'grafana', role: 'read' });
    const admin = (await (await service.app.request('/api/status', { headers: bearer(ADMIN) })).json()) as {
      caller: unknown;
    };
    expect(admin.caller).toEqual({ key: 'ops', role: 'admin' });
  });
});
