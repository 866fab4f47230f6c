/** JSON routes take JSON: a POST with a body of another Content-Type is refused (415) before it is read. */
import type { MiddlewareHandler } from 'hono';
import { refuse } from './refuse';

const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i;

export function requireJson(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'POST' || !c.req.raw.body || c.req.header('content-length') === '0') return next();
    const type = c.req.header('content-type') ?? '';
    if (!JSON_TYPE.test(type)) {
      return refuse(
        c,
        415,
        'unsupported_media_type',
        `Content-Type must be application/json, got ${JSON.stringify(type.slice(0, 100) || 'none')}`
      );
    }
    return next();
  };
}
