/** API keys: reads need a read or admin key, admin routes an admin key; open reads only in dummy mode on loopback. */
import type { RunningService } from '../../src/service';
import { bearer, startTestService } from '../support/test-service';

const READ = 'read-secret-1234';
const ADMIN = 'admin-secret-456';

describe('with API_KEYS set', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startTestService({ env: { API_KEYS: `grafana:read:${READ},ops:admin:${ADMIN}` } });
  }, 60_000);
  afterAll(() => service.close());

  const request = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    service.app.request(path, { method, headers });

  test('health needs no key, so probes and docker health checks work', async () => {
    expect((await request('/api/health')).status).toBe(200);
  });

  test.each(['/api/servers', '/api/servers/DB-EU-002', '/api/status'])(
    '%s without a key → 401 asking for one',
    async (path) => {
      const res = await request(path);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      expect(await res.json()).toEqual({
        error: { code: 'unauthorized', message: 'missing API key: send Authorization: Bearer <key>' },
      });
    }
  );

  test.each([
    ['a wrong key', bearer('not-the-key')],
    ['a key one character short', bearer(READ.slice(0, -1))],
    ['another scheme', { Authorization: `Basic ${READ}` }],
  ])('%s → 401', async (_, headers) => {
    const res = await request('/api/servers', headers);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('API key not recognised');
  });

  test('a read key reads; an admin key reads too', async () => {
    expect((await request('/api/servers', bearer(READ))).status).toBe(200);
    expect((await request('/api/status', bearer(ADMIN))).status).toBe(200);
  });

  test('a read key on an admin route → 403; the admin key runs it', async () => {
    const denied = await request('/api/admin/collect', bearer(READ), 'POST');
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({ error: { code: 'forbidden', message: 'this route needs an admin key' } });
    const allowed = await request('/api/admin/collect', bearer(ADMIN), 'POST');
    expect(allowed.status).toBe(200);
    expect(((await allowed.json()) as { run: string }).run).toBe('ran');
  });
});

describe('without API_KEYS (dummy mode on loopback)', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startTestService();
  }, 60_000);
  afterAll(() => service.close());

  test('reads are open', async () => {
    expect((await service.app.request('/api/servers')).status).toBe(200);
  });

  test('admin routes stay closed and say how to open them', async () => {
    const res = await service.app.request('/api/admin/maintenance', { method: 'POST' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('set API_KEYS');
  });
});
