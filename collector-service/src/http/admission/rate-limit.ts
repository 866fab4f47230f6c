/**
 * RATE_LIMIT_PER_MINUTE per API key (or per client address without one): over it, 429 with Retry-After.
 * In Redis (under REDIS_KEY_PREFIX) when REDIS_URL is set, so replicas share one count; in process otherwise.
 * A Redis that stops answering falls back to the in-process count rather than refusing or waving everyone through.
 * Keys far below the limit are counted in Redis in batches (batched-limiter.ts): a read is not a Redis round trip.
 */
import { createHash } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { BatchedLimiter } from './batched-limiter';
import { refuse } from './refuse';

const REDIS_TIMEOUT_MS = 500;

export interface RateLimitOptions {
  perMinute: number;
  redisUrl?: string;
  redisKeyPrefix: string;
}

export interface RateLimit {
  middleware: MiddlewareHandler;
  /**
   * Admits and counts a request of this caller when that takes no round trip to the shared limiter; false
   * when it would (or would refuse), and nothing was counted: then the middleware must decide.
   */
  admitsAtOnce(authorization: string | undefined, remoteAddress: string | undefined): boolean;
  close(): Promise<void>;
}

/** Whom a request is counted against: its API key (hashed, never stored as sent) or its client address. */
function clientKey(authorization: string | undefined, remoteAddress: string | undefined): string {
  if (authorization) return `key:${createHash('sha256').update(authorization).digest('hex').slice(0, 32)}`;
  return `addr:${remoteAddress ?? 'unknown'}`;
}

function remoteAddressOf(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

export function createRateLimit({ perMinute, redisUrl, redisKeyPrefix }: RateLimitOptions): RateLimit {
  const options = { points: perMinute, duration: 60 };
  let redis: Redis | undefined;
  let limiter: RateLimiterAbstract;
  if (redisUrl) {
    // Commands wait for a connection being made, but never long: past the timeout the insurance limiter answers.
    redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, commandTimeout: REDIS_TIMEOUT_MS });
    redis.on('error', () => undefined); // the insurance limiter answers while Redis is away
    limiter = new RateLimiterRedis({
      ...options,
      storeClient: redis,
      keyPrefix: `${redisKeyPrefix}ratelimit`,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  } else {
    limiter = new RateLimiterMemory(options);
  }
  // Batched in process too: rate-limiter-flexible answers every count with a promise, even from memory.
  const batched = new BatchedLimiter(limiter, perMinute);

  const refuseOver = (c: Context, err: unknown) => {
    if (!(err instanceof RateLimiterRes)) throw err;
    return refuse(
      c,
      429,
      'rate_limited',
      `more than RATE_LIMIT_PER_MINUTE=${perMinute} requests in a minute from this API key or client; retry after the time in Retry-After`,
      err.msBeforeNext / 1000
    );
  };
  const middleware: MiddlewareHandler = (c, next) => {
    const asked = batched.admit(clientKey(c.req.header('authorization'), remoteAddressOf(c)));
    return asked ? asked.then(next, (err: unknown) => refuseOver(c, err)) : next();
  };

  return {
    middleware,
    admitsAtOnce: (authorization, remoteAddress) => batched.admitLocally(clientKey(authorization, remoteAddress)),
    async close() {
      await batched.close().catch(() => undefined);
      redis?.disconnect();
    },
  };
}
