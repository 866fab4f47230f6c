/** A refusal before a route runs, in the error shape of the API asked: the contract's, or Prometheus's under /prometheus. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { failure } from '../../promql/api/format';

const PROMETHEUS_TYPE: Partial<Record<number, string>> = {
  413: 'bad_data',
  415: 'bad_data',
  429: 'unavailable',
  503: 'unavailable',
};

export function refuse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  retryAfterSeconds?: number
): Response {
  if (retryAfterSeconds !== undefined) c.header('Retry-After', String(Math.max(1, Math.ceil(retryAfterSeconds))));
  if (c.req.path.startsWith('/prometheus/'))
    return c.json(failure(PROMETHEUS_TYPE[status] ?? 'bad_data', message), status);
  return c.json({ error: { code, message } }, status);
}
