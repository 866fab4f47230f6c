/**
 * Admission control in front of the routes, cheapest refusal first: rate limit (429), body size (413),
 * JSON content type (415), then a concurrency limit on the heavy reads (503). /api/health is never refused.
 */
import type { Hono, MiddlewareHandler } from 'hono';
import type { Config } from '../../config';
import { bodyLimit } from './body-limit';
import { ConcurrencyGate, concurrencyLimit } from './concurrency';
import { requireJson } from './json-content';
import { createRateLimit } from './rate-limit';

/** Reads whose work grows with their parameters. */
export const HEAVY_ROUTES = [
  '/api/query',
  '/api/ask',
  '/api/annotations',
  '/api/servers/:id/metrics',
  '/mcp',
  '/prometheus/api/v1/query',
  '/prometheus/api/v1/query_range',
  '/prometheus/api/v1/series',
  '/prometheus/api/v1/labels',
  '/prometheus/api/v1/label/:name/values',
];
/** Routes that take JSON bodies; /prometheus keeps Prometheus's form-encoded POST. */
const JSON_ROUTES = ['/api/*', '/mcp'];
/** How long a shed client is asked to wait before retrying. */
const RETRY_AFTER_SECONDS = 1;

export interface Admission {
  /**
   * Whether a GET passes every step at once, counted as the steps count it; false when a step would make it
   * wait or refuse it, and nothing was counted: then only the app's middleware may answer it.
   */
  admitsGetAtOnce(authorization: string | undefined, remoteAddress: string | undefined): boolean;
  gate: ConcurrencyGate;
  close(): Promise<void>;
}

type AdmissionConfig = Pick<Config, 'limits' | 'redisUrl' | 'redisKeyPrefix'>;

export function installAdmission(app: Hono, config: AdmissionConfig): Admission {
  const { limits } = config;
  const rate =
    limits.ratePerMinute > 0
      ? createRateLimit({
          perMinute: limits.ratePerMinute,
          redisUrl: config.redisUrl,
          redisKeyPrefix: config.redisKeyPrefix,
        })
      : null;
  // A short queue absorbs a dashboard's burst of panels; past it, or past a few seconds, requests are shed.
  const gate = new ConcurrencyGate({
    limit: limits.concurrency,
    queue: limits.concurrency * 8,
    maxWaitMs: Math.min(5_000, limits.query.timeoutMs),
  });

  const exceptHealth =
    (handler: MiddlewareHandler): MiddlewareHandler =>
    (c, next) =>
      c.req.path === '/api/health' ? next() : handler(c, next);
  if (rate) app.use('*', exceptHealth(rate.middleware));
  app.use('*', bodyLimit(limits.bodyBytes));
  for (const path of JSON_ROUTES) app.use(path, requireJson());
  const shed = concurrencyLimit(gate, RETRY_AFTER_SECONDS);
  for (const path of HEAVY_ROUTES) app.use(path, shed);

  return {
    // A GET has no body to limit: of the steps above only the rate limit applies.
    admitsGetAtOnce: (authorization, remoteAddress) => rate?.admitsAtOnce(authorization, remoteAddress) ?? true,
    gate,
    close: async () => rate?.close(),
  };
}
