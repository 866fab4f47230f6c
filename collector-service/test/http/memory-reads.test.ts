/**
 * Over HTTP, a cache-hit GET /api/servers/:id is answered before the Hono app, as the app would answer it: the
 * same bytes and headers, the same key check, counted by the same rate limit. Anything else reaches the app.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { createHttpServer } from '../../src/http/server';
import { startService, type RunningService } from '../../src/service';
import { bearer, startTestService } from '../support/test-service';

const READ_KEY = 'reader-secret-00000001';
const OTHER_KEY = 'reader-secret-00000002';

interface Served {
  service: RunningService;
  /** Requests that reached the Hono app. */
  appFetches: jest.SpyInstance;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

async function serve(service: RunningService): Promise<Served> {
  await service.context.manager.tick();
  const appFetches = jest.spyOn(service.app, 'fetch'); // before the server takes hold of it
  const server: Server = createHttpServer(service, '127.0.0.1').listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    service,
    appFetches,
    get: (path, headers) => fetch(`${base}${path}`, { headers }),
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await service.close();
    },
  };
}

describe('memory reads, open reads', () => {
  let served: Served;
  beforeAll(async () => (served = await serve(await startTestService())), 60_000);
  afterAll(() => served.close());
  beforeEach(() => served.appFetches.mockClear());

  test('a cache hit answers what the app answers, without the app', async () => {
    await served.get('/api/servers/DB-EU-002'); // a client's first request asks the shared rate limiter
    served.appFetches.mockClear();
    const fromMemory = await served.get('/api/servers/DB-EU-002');
    const fromApp = await served.service.app.request('/api/servers/DB-EU-002');
    expect(fromMemory.status).toBe(200);
    expect(fromMemory.headers.get('content-type')).toBe(fromApp.headers.get('content-type'));
    const body = await fromMemory.text();
    expect(body).toBe(await fromApp.text());
    expect(Number(fromMemory.headers.get('content-length'))).toBe(Buffer.byteLength(body));
    expect(JSON.parse(body)).toMatchObject({ id: 'DB-EU-002', source: 'cache', metrics: { cpu: expect.any(Number) } });
    expect(served.appFetches).not.toHaveBeenCalled();
  });

  test.each([
    ['an id matched ignoring case', '/api/servers/db-eu-002', 200],
    ['a percent-encoded id', '/api/servers/DB%2DEU%2D002', 200],
    ['a query string', '/api/servers/DB-EU-002?x=1', 200],
    ['an unknown server', '/api/servers/NO-SUCH-SERVER', 404],
  ])('%s goes to the app, which answers it', async (_, path, status) => {
    const res = await served.get(path);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { id?: string; error?: { code: string } };
    if (status === 200) expect(body.id).toBe('DB-EU-002');
    else expect(body.error?.code).toBe('not_found');
    expect(served.appFetches).toHaveBeenCalledTimes(1);
  });

  test('a fault in memory is answered by the app with a 500, and the service keeps serving', async () => {
    const broken = jest.spyOn(served.service.context.servers, 'peekOne').mockImplementation(() => {
      throw new Error('inventory corrupted');
    });
    try {
      const res = await served.get('/api/servers/DB-EU-002');
      expect(res.status).toBe(500);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('internal');
    } finally {
      broken.mockRestore();
    }
    expect((await served.get('/api/servers/DB-EU-002')).status).toBe(200);
  });
});

describe('memory reads with API keys and a rate limit', () => {
  const LIMIT = 200;
  let served: Served;
  beforeAll(async () => {
    served = await serve(
      await startTestService({
        env: { API_KEYS: `a:read:${READ_KEY},b:read:${OTHER_KEY}`, RATE_LIMIT_PER_MINUTE: String(LIMIT) },
      })
    );
  }, 60_000);
  afterAll(() => served.close());

  test('a missing or unknown key is refused by the app, with its challenge', async () => {
    const missing = await served.get('/api/servers/DB-EU-002');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    const unknown = await served.get('/api/servers/DB-EU-002', bearer('not-a-key-at-all-000'));
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  test('reads answered from memory count toward the key’s limit; past it, 429 while another key is served', async () => {
    served.appFetches.mockClear();
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++)
      statuses.push((await served.get('/api/servers/DB-EU-002', bearer(READ_KEY))).status);
    expect(statuses).toEqual([...Array(LIMIT).fill(200), 429]);
    // Below half the limit two in three were answered from memory (the count is sent on in batches); past it
    // every request goes to the app, whose limiter asks the shared count.
    expect(LIMIT + 1 - served.appFetches.mock.calls.length).toBeGreaterThanOrEqual(LIMIT / 4);
    const refused = await served.get('/api/servers/DB-EU-002', bearer(READ_KEY));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    expect((await served.get('/api/servers/DB-EU-002', bearer(OTHER_KEY))).status).toBe(200);
  });
});

test('with debug logging on, every read reaches the app and its request line is logged', async () => {
  const lines: Array<{ msg: string; path?: string }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as { msg: string; path?: string });
      done();
    },
  });
  const config = loadConfig({ DATA_DIR: 'memory://', DUMMY_BACKFILL_HOURS: '0', LOG_LEVEL: 'debug' });
  const served = await serve(await startService(config, pino({ level: 'debug' }, sink), { schedule: false }));
  try {
    for (let i = 0; i < 3; i++) expect((await served.get('/api/servers/DB-EU-002')).status).toBe(200);
    expect(served.appFetches).toHaveBeenCalledTimes(3);
    expect(lines.filter((l) => l.msg === 'request' && l.path === '/api/servers/DB-EU-002')).toHaveLength(3);
  } finally {
    await served.close();
  }
}, 60_000);
