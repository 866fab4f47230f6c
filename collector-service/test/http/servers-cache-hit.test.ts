/** A cache-hit GET /api/servers/:id on PostgreSQL + Redis is answered from memory: no database query, no Redis round-trip. */
import type { RunningService } from '../../src/service';
import { RedisLatestCache } from '../../src/storage/latest-cache';
import {
  createTestDatabase,
  deleteRedisPrefix,
  REDIS_URL,
  uniqueRedisPrefix,
  type TestDatabase,
} from '../support/services';
import { startTestService } from '../support/test-service';

describe('cache-hit reads of a server', () => {
  let db: TestDatabase;
  let prefix: string;
  let service: RunningService;

  beforeAll(async () => {
    db = await createTestDatabase();
    prefix = uniqueRedisPrefix();
    service = await startTestService({ env: { DATABASE_URL: db.url, REDIS_URL, REDIS_KEY_PREFIX: prefix } });
    await service.context.manager.tick();
  }, 60_000);
  afterAll(async () => {
    await service.close();
    await deleteRedisPrefix(prefix);
    await db.drop();
  });

  test('GET /api/servers/:id and GET /api/servers make no database round-trip once collected', async () => {
    const sql = service.context.storage.store.sql;
    const queries = jest.spyOn(sql, 'query');
    const sessions = jest.spyOn(sql, 'session' as never);
    const redisReads = jest.spyOn(RedisLatestCache.prototype, 'get');
    for (let i = 0; i < 5; i++) {
      const res = await service.app.request('/api/servers/DB-EU-002');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        id: 'DB-EU-002',
        status: 'critical',
        source: 'cache',
        metrics: { cpu: expect.any(Number) },
      });
    }
    const list = await service.app.request('/api/servers?provider=aws');
    expect(((await list.json()) as { total: number }).total).toBe(10);
    const missing = await service.app.request('/api/servers/NO-SUCH-SERVER');
    expect(missing.status).toBe(404);
    expect(queries).not.toHaveBeenCalled();
    expect(sessions).not.toHaveBeenCalled();
    expect(redisReads).not.toHaveBeenCalled();
  });

  test('an unchanged server is answered the same; the next collection run shows at once', async () => {
    const read = async () =>
      (await (await service.app.request('/api/servers/DB-EU-002')).json()) as {
        metrics: { timestamp: string };
        lastSeen: string;
      };
    const before = await read();
    expect(await read()).toEqual(before);
    await new Promise((resolve) => setTimeout(resolve, 5)); // a sample time of its own
    await service.context.manager.tick();
    const after = await read();
    expect(Date.parse(after.metrics.timestamp)).toBeGreaterThan(Date.parse(before.metrics.timestamp));
    expect(after.lastSeen).toBe(after.metrics.timestamp);
  });

  test('while PostgreSQL is unreachable the collected server is still answered', async () => {
    const sql = service.context.storage.store.sql;
    const broken = jest.spyOn(sql, 'query').mockRejectedValue(new Error('connection refused'));
    try {
      const res = await service.app.request('/api/servers/K8S-WORKER-01');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ id: 'K8S-WORKER-01', source: 'cache' });
    } finally {
      broken.mockRestore();
    }
  });
});
