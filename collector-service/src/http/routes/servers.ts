/** GET /api/servers, /api/servers/:id (read-through latest sample) and /api/servers/:id/metrics (downsampled series). */
import { Hono, type Context, type Handler } from 'hono';
import { metricsQuery, serverListQuery, type ServerDetail } from '@openmanager/contract';
import type { RequireRole } from '../auth';
import type { ServiceContext } from '../../service-context';
import { parseQuery } from '../validate';
import { requestBudget } from '../request-budget';

export function serverRoutes(ctx: ServiceContext, requireRole: RequireRole) {
  const app = new Hono();
  app.use('/api/servers', requireRole('read'));
  app.use('/api/servers/*', requireRole('read'));

  app.get('/api/servers', async (c) => {
    const servers = await ctx.servers.list(parseQuery(c, serverListQuery));
    return c.json({ servers, total: servers.length });
  });

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

/**
 * GET /api/servers/:id, answered synchronously when the server's record and newest sample are in memory
 * (see app.ts for why that matters). one() hands back the same object while a server is unchanged: its
 * JSON is encoded once, to bytes.
 */
export function serverDetail(ctx: ServiceContext): Handler {
  const bodies = new WeakMap<object, Buffer<ArrayBuffer>>();
  const answer = (c: Context, detail: Readonly<ServerDetail>) => {
    let body = bodies.get(detail);
    if (body === undefined) bodies.set(detail, (body = Buffer.from(JSON.stringify(detail))));
    return c.body(body, 200, { 'content-type': 'application/json' });
  };
  return (c) => {
    const id = c.req.param('id') as string;
    const held = ctx.servers.peekOne(id);
    return held ? answer(c, held) : ctx.servers.one(id).then((detail) => answer(c, detail));
  };
}
