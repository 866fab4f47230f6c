/**
 * GET /api/servers, /api/servers/:id (read-through latest sample; a cache hit is usually answered before the
 * app, in memory-reads.ts) and /api/servers/:id/metrics (downsampled series).
 */
import { Hono } from 'hono';
import { metricsQuery, serverListQuery, type ServerDetail } from '@openmanager/contract';
import type { RequireRole } from '../auth';
import type { ServiceContext } from '../../service-context';
import { parseQuery } from '../validate';
import { requestBudget } from '../request-budget';

export function serverRoutes(ctx: ServiceContext, requireRole: RequireRole, detailBody: DetailBody) {
  const app = new Hono();
  app.use('/api/servers', requireRole('read'));
  app.use('/api/servers/*', requireRole('read'));

  app.get('/api/servers', async (c) => {
    const servers = await ctx.servers.list(parseQuery(c, serverListQuery));
    return c.json({ servers, total: servers.length });
  });

  app.get('/api/servers/:id', async (c) =>
    c.body(detailBody(await ctx.servers.one(c.req.param('id'))), 200, DETAIL_HEADERS)
  );

  app.get('/api/servers/:id/metrics', async (c) => {
    const q = parseQuery(c, metricsQuery(ctx.now()));
    const answer = await ctx.servers.metrics(
      c.req.param('id'),
      { fromMs: q.from, toMs: q.to, stepMs: q.step, metrics: q.metrics, aggregation: q.aggregation },
      requestBudget(ctx, c)
    );
    return c.json(answer);
  });

  return app;
}

export const DETAIL_HEADERS = { 'content-type': 'application/json' };

/** A server's detail as JSON bytes. */
export type DetailBody = (detail: Readonly<ServerDetail>) => Buffer<ArrayBuffer>;

/** Encodes each detail once: one() hands back the same object while a server is unchanged. */
export function detailBodies(): DetailBody {
  const bodies = new WeakMap<object, Buffer<ArrayBuffer>>();
  return (detail) => {
    let body = bodies.get(detail);
    if (body === undefined) bodies.set(detail, (body = Buffer.from(JSON.stringify(detail))));
    return body;
  };
}
