/** The one QueryBudget of a read request: QUERY_TIMEOUT_MS and QUERY_MAX_SAMPLES, abandoned when the client goes away. */
import type { Context } from 'hono';
import { QueryBudget } from '../limits';
import type { ServiceContext } from '../service-context';

/** `timeoutMs` may only shorten the configured deadline (Prometheus's `timeout` parameter). */
export function requestBudget(ctx: ServiceContext, c: Context, timeoutMs?: number): QueryBudget {
  const limits = ctx.config.limits.query;
  return new QueryBudget(
    { timeoutMs: Math.min(limits.timeoutMs, timeoutMs ?? Infinity), maxSamples: limits.maxSamples },
    { signal: c.req.raw.signal }
  );
}
