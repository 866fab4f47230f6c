/**
 * Middleware and a handler run as one Hono handler that answers synchronously while every step does.
 * Hono awaits a route's middleware whenever more than one handler matches it, and @hono/node-server then
 * takes its slower path for a promised answer; a cache hit spent a third of its time there.
 *
 * The steps are ordinary Hono middleware that pass on with `return next()` rather than `await next()`:
 * here next() hands back the rest of the chain's answer (a Response, or a promise of one while a step
 * waits), though Hono types it as Promise<void>. Middleware that awaits still works, asynchronously.
 */
import type { Context, Handler, MiddlewareHandler, Next } from 'hono';

type Answer = Response | Promise<Response>;

const isPromise = (value: unknown): value is Promise<unknown> => value instanceof Promise;
const noNext: Next = () => Promise.reject(new Error('the handler ends a chain: it has no next'));

/** As Hono's compose does: the first answer given becomes c.res, for middleware that reads it after next(). */
function settle(c: Context, answer: Response | void): Response {
  if (answer && !c.finalized) c.res = answer;
  return answer ?? c.res;
}

export function chain(middleware: readonly MiddlewareHandler[], handler: Handler): Handler {
  const run = (c: Context, i: number): Answer => {
    const step = i < middleware.length ? middleware[i] : handler;
    const next = i < middleware.length ? ((() => run(c, i + 1)) as unknown as Next) : noNext;
    const out = step(c, next) as Response | void | Promise<Response | void>;
    return isPromise(out) ? out.then((answer) => settle(c, answer)) : settle(c, out);
  };
  return (c) => run(c, 0);
}
