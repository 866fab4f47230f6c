/** The Hono application: request logging, route groups, the contract's error shape for everything else. */
import { Hono } from 'hono';
import { createAuth } from './auth';
import type { ServiceContext } from '../service-context';
import { errorResponse, handleError } from './errors';
import { mcpRoutes } from './routes/mcp';
import { adminRoutes } from './routes/admin';
import { alertRoutes } from './routes/alerts';
import { annotationRoutes } from './routes/annotations';
import { askRoutes } from './routes/ask';
import { healthRoutes } from './routes/health';
import { prometheusRoutes } from './routes/prometheus';
import { queryRoutes } from './routes/query';
import { serverRoutes } from './routes/servers';

export function createApp(ctx: ServiceContext): Hono {
  const app = new Hono();
  const requireRole = createAuth({ keys: ctx.config.apiKeys, openReads: ctx.config.openReads });

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    ctx.log.info(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });

  app.route('/', healthRoutes(ctx, requireRole));
  app.route('/', serverRoutes(ctx, requireRole));
  app.route('/', queryRoutes(ctx, requireRole));
  app.route('/', annotationRoutes(ctx, requireRole));
  app.route('/', askRoutes(ctx, requireRole));
  app.route('/', mcpRoutes(ctx, requireRole));
  app.route('/', adminRoutes(ctx, requireRole));
  app.route('/', alertRoutes(ctx, requireRole));
  app.route('/', prometheusRoutes(ctx, requireRole));

  app.notFound((c) => errorResponse(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`));
  app.onError(handleError(ctx.log));
  return app;
}
