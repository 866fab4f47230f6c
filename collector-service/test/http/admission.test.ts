/** Admission control: a key over RATE_LIMIT_PER_MINUTE gets 429 with Retry-After while another key is served; heavy reads past the concurrency limit are shed with 503. */
import { Hono } from 'hono';
import { ConcurrencyGate, concurrencyLimit } from '../../src/http/admission/concurrency';
import type { RunningService } from '../../src/service';
import { deleteRedisPrefix, redisKeys, REDIS_URL, uniqueRedisPrefix } from '../support/services';
import { bearer, startTestService } from '../support/test-service';

const KEY_A = 'reader-a-secret-0001';
const KEY_B = 'reader-b-secret-0002';
const LIMIT = 5;

describe.each([
  ['in process', false],
  ['in Redis, shared by replicas', true],
])('rate limit %s', (_, withRedis) => {
  const prefix = uniqueRedisPrefix();
  let services: RunningService[] = [];
  const start = () =>
    startTestService({
      env: {
        API_KEYS: `a:read:${KEY_A},b:read:${KEY_B}`,
        RATE_LIMIT_PER_MINUTE: String(LIMIT),
        ...(withRedis ? { REDIS_URL, REDIS_KEY_PREFIX: prefix } : {}),
      },
    });
  // With Redis, a second replica shares the count: requests alternate between the two.
  beforeAll(async () => {
    services = await Promise.all(withRedis ? [start(), start()] : [start()]);
    await Promise.all(services.map((s) => s.context.manager.tick()));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(services.map((s) => s.close()));
    if (withRedis) await deleteRedisPrefix(prefix);
  });

  test('a key over its limit gets 429 with Retry-After while another key is served', async () => {
    const [first] = services;
    const replicas = services;
    const statuses: number[] = [];
    // The list and a server's detail count alike.
    const paths = ['/api/servers', '/api/servers/DB-EU-002'];
    for (let i = 0; i <= LIMIT; i++) {
      const res = await replicas[i % replicas.length].app.request(paths[i % 2], { headers: bearer(KEY_A) });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
        expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(60);
        const body = (await res.json()) as { error: { code: string; message: string } };
        expect(body.error).toEqual({
          code: 'rate_limited',
          message: expect.stringContaining(`RATE_LIMIT_PER_MINUTE=${LIMIT}`),
        });
      }
    }
    expect(statuses).toEqual([...Array(LIMIT).fill(200), 429]);
    expect((await first.app.request('/api/servers', { headers: bearer(KEY_B) })).status).toBe(200);
    // Health is for load balancers and is never rate limited.
    expect((await first.app.request('/api/health', { headers: bearer(KEY_A) })).status).toBe(200);
    if (withRedis) expect((await redisKeys(prefix)).filter((k) => k.startsWith('ratelimit:'))).toHaveLength(2);
  });

  test("under /prometheus the refusal is in Prometheus's envelope", async () => {
    const service = services[0];
    const res = await service.app.request('/prometheus/api/v1/query?query=1', { headers: bearer(KEY_A) });
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({
      status: 'error',
      errorType: 'unavailable',
      error: expect.stringContaining('RATE_LIMIT_PER_MINUTE'),
    });
  });
});

describe('concurrency limit on heavy reads', () => {
  function slowApp(gate: ConcurrencyGate) {
    const release: Array<() => void> = [];
    const app = new Hono();
    app.use('/heavy', concurrencyLimit(gate, 2));
    app.get('/heavy', () => new Promise<Response>((resolve) => release.push(() => resolve(new Response('done')))));
    return { app, releaseAll: () => release.splice(0).forEach((r) => r()) };
  }

  test('past the limit and a full queue, a request is shed at once with 503 and Retry-After; queued ones are served in turn', async () => {
    const gate = new ConcurrencyGate({ limit: 2, queue: 1, maxWaitMs: 60_000 });
    const { app, releaseAll } = slowApp(gate);
    const running = [Promise.resolve(app.request('/heavy')), Promise.resolve(app.request('/heavy'))];
    const queued = app.request('/heavy');
    const shed = await app.request('/heavy');
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('2');
    expect(await shed.json()).toEqual({
      error: { code: 'overloaded', message: expect.stringContaining('Retry-After') },
    });
    releaseAll();
    expect((await Promise.all(running)).map((r) => r.status)).toEqual([200, 200]);
    await new Promise((r) => setImmediate(r));
    releaseAll();
    expect((await queued).status).toBe(200);
    expect(gate.inFlight).toBe(0);
  });

  test('a request that waits longer than the queue allows is shed rather than queued for ever', async () => {
    const gate = new ConcurrencyGate({ limit: 1, queue: 10, maxWaitMs: 50 });
    const { app, releaseAll } = slowApp(gate);
    const running = app.request('/heavy');
    const waited = await app.request('/heavy');
    expect(waited.status).toBe(503);
    releaseAll();
    expect((await running).status).toBe(200);
  });
});
