/** The rate limit's Redis count in batches: far below the limit no request waits for Redis, replicas still share one count, and the refusal stays near the limit. */
import Redis from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { BatchedLimiter } from '../../src/http/admission/batched-limiter';
import { deleteRedisPrefix, REDIS_URL, uniqueRedisPrefix } from '../support/services';

const LIMIT = 1_000; // a batch of 10, admitted locally up to a known count of 500

describe('a rate limit counted in Redis in batches', () => {
  const prefix = uniqueRedisPrefix();
  const redis = new Redis(REDIS_URL);
  const replica = () =>
    new BatchedLimiter(
      new RateLimiterRedis({ storeClient: redis, points: LIMIT, duration: 60, keyPrefix: `${prefix}rl` }),
      LIMIT
    );
  const counted = async (key: string) => Number(await redis.get(`${prefix}rl:${key}`));
  /** Admits one request; true when admitted, false when refused. */
  const ask = async (limiter: BatchedLimiter, key: string) => {
    try {
      await limiter.admit(key);
      return true;
    } catch (err) {
      if (err instanceof RateLimiterRes) return false;
      throw err;
    }
  };

  afterAll(async () => {
    await deleteRedisPrefix(prefix);
    redis.disconnect();
  });

  test('a key far below its limit is admitted without a Redis round trip, and every request is counted in Redis', async () => {
    const limiter = replica();
    await limiter.admit('quiet'); // a key not seen in this window asks Redis
    const waited = Array.from({ length: 9 }, () => limiter.admit('quiet'));
    expect(waited.every((w) => w === undefined)).toBe(true);
    expect(await counted('quiet')).toBe(1);
    await limiter.close();
    expect(await counted('quiet')).toBe(10);
  });

  test('two replicas share one count: the limit is refused within a batch per replica, and nothing goes uncounted', async () => {
    const replicas = [replica(), replica()];
    let admitted = 0;
    let requests = 0;
    for (; requests < 2 * LIMIT; requests++) {
      if (await ask(replicas[requests % 2], 'busy')) admitted++;
      else if (requests > LIMIT) break;
    }
    expect(admitted).toBeGreaterThanOrEqual(LIMIT);
    expect(admitted).toBeLessThanOrEqual(LIMIT + 2 * (LIMIT / 100));
    // Past the limit both replicas refuse, whichever is asked.
    expect(await ask(replicas[0], 'busy')).toBe(false);
    expect(await ask(replicas[1], 'busy')).toBe(false);
    await Promise.all(replicas.map((r) => r.close()));
    expect(await counted('busy')).toBe(requests + 3);
  });
});
