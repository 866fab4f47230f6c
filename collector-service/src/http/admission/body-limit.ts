/** BODY_LIMIT_BYTES: a body above it is refused (413) from its Content-Length, or as soon as a streamed body passes it. */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import { refuse } from './refuse';

export function bodyLimit(maxBytes: number): MiddlewareHandler {
  const limit = honoBodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      refuse(
        c,
        413,
        'payload_too_large',
        `request body is larger than BODY_LIMIT_BYTES=${maxBytes} bytes; send a smaller body (a question, a query, not data)`
      ),
  });
  // Asking a GET for its body would build a whole fetch Request (and an AbortController) for every read.
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
}
