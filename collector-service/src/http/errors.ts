/** The contract's error shape, `{"error": {"code", "message"}}`, for every failure the API answers. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { LimitError, TimeRangeError } from '../limits';
import { ServerNotFoundError } from '../servers/query';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string
  ) {
    super(message);
  }
}

export const badRequest = (message: string, code = 'bad_request') => new ApiError(400, code, message);
export const notFound = (message: string) => new ApiError(404, 'not_found', message);

export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string) {
  return c.json({ error: { code, message } }, status);
}

export function handleError(log: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof ApiError) return errorResponse(c, err.status, err.code, err.message);
    if (err instanceof LimitError) return errorResponse(c, err.status, err.code, err.message);
    if (err instanceof TimeRangeError) return errorResponse(c, 400, 'bad_request', err.message);
    if (err instanceof ServerNotFoundError) return errorResponse(c, 404, 'not_found', err.message);
    log.error({ err: err.message, stack: err.stack, path: c.req.path }, 'request failed');
    return errorResponse(c, 500, 'internal', 'internal error; the service log has the details');
  };
}
