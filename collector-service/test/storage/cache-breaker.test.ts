/** Redis away: the circuit opens, reads come from the database, health says degraded; Redis back: the circuit closes and the cache is refilled. */
import { openStorage, type Storage } from '../../src/storage/open-storage';
import { checkStorage } from '../../src/storage/storage-health';
import { ownRedis, type OwnRedis } from '../support/own-servers';
import { recordsFor, sample } from '../support/samples';
import { createTestDatabase, silentLog, type TestDatabase } from '../support/services';

const NOW = Date.now();

describe('cache circuit breaker', () => {
  let db: TestDatabase;
  let redis: OwnRedis;
  let storage: Storage;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await ownRedis();
    await redis.start();
    storage = await openStorage(
      { databaseUrl: db.url, redisUrl: redis.url, dataDir: '', redisKeyPrefix: 'om:' },
      silentLog
    );
    const samples = [sample('A', NOW, { cpuUsage: 7 }), sample('B', NOW)];
    await storage.store.write({ servers: recordsFor(samples), samples });
  }, 30_000);
  afterAll(async () => {
    await storage.close();
    await redis.stop();
    await db.drop();
  });

  test('opens while Redis is down (reads from the database, health degraded), closes and refills when it is back', async () => {
    expect(await storage.reader.get('A')).toMatchObject({ source: 'database' });
    expect(await storage.reader.get('A')).toMatchObject({ source: 'cache' });

    await redis.stop();
    // Misses of the in-process copy reach Redis through the breaker: a few failures open it.
    for (let i = 0; i < 4; i++) await storage.cache.get(`not-cached-${i}`).catch(() => null);
    expect(await storage.reader.get('B')).toMatchObject({ source: 'database' });
    // What the in-process copy holds is still answered without Redis.
    expect(await storage.reader.get('A')).toMatchObject({ source: 'cache', sample: { cpuUsage: 7 } });
    const down = await checkStorage(storage);
    expect(down.cache).toMatchObject({ kind: 'redis', ok: false, breaker: 'open' });
    expect(down.database.ok).toBe(true);

    await redis.start();
    // the next call after the half-open delay is the trial; once it succeeds the cache is refilled from the database
    let health = await checkStorage(storage);
    while (health.cache.breaker !== 'closed') {
      await new Promise((r) => setTimeout(r, 250));
      health = await checkStorage(storage);
    }
    expect(health.cache).toMatchObject({ ok: true, breaker: 'closed' });
    // nothing read B since Redis came back empty: only the refill can have put it there
    let cached = await storage.cache.getMany(['A', 'B']);
    while (cached.size < 2) {
      await new Promise((r) => setTimeout(r, 100));
      cached = await storage.cache.getMany(['A', 'B']);
    }
    expect(cached.get('B')).toMatchObject({ serverId: 'B' });
    expect(await storage.reader.get('B')).toMatchObject({ source: 'cache' });
  }, 60_000);
});
