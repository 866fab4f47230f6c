/** The Hono application: request logging, route groups, the contract's error shape for everything else. */
import { Hono, type MiddlewareHandler } from 'hono';
import { installAdmission, type Admission } from './admission';
import { createAuth, createKeyCheck } from './auth';
import type { ServiceContext } from '../service-context';
import { errorResponse, handleError } from './errors';
import { mcpRoutes } from './routes/mcp';
import { metricsRoutes } from './routes/metrics';
import { adminRoutes } from './routes/admin';
import { alertRoutes } from './routes/alerts';
import { annotationRoutes } from './routes/annotations';
import { askRoutes } from './routes/ask';
import { healthRoutes } from './routes/health';
import { openApiRoutes } from './routes/openapi';
import { prometheusRoutes } from './routes/prometheus';
import { queryRoutes } from './routes/query';
import { seriesRoutes } from './routes/series';
import { detailBodies, serverRoutes } from './routes/servers';
import { createMemoryReads, type MemoryReads } from './memory-reads';

export interface HttpApp {
  /** Every route; `app.routes` lists them, middleware included (method ALL). */
  app: Hono;
  /** Cache-hit reads answered before the app, on node:http (memory-reads.ts). */
  memoryReads: MemoryReads;
  /** Admission control's state (the concurrency gate) and its Redis connection to close. */
  admission: Admission;
}

export function createApp(ctx: ServiceContext): HttpApp {
  const app = new Hono();
  const checkKey = createKeyCheck({ keys: ctx.config.apiKeys, openReads: ctx.config.openReads });
  const requireRole = createAuth(checkKey);
  const detailBody = detailBodies();

  // Per-request lines are debug level: an info line per request would cost more than a cached read.
  const requestLog: MiddlewareHandler = (c, next) => {
    if (!ctx.log.isLevelEnabled('debug')) return next();
    const started = performance.now();
    return next().then(() =>
      ctx.log.debug(
        { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
        'request'
      )
    );
  };
  app.use('*', requestLog);

  const admission = installAdmission(app, ctx.config);

  app.route('/', healthRoutes(ctx, requireRole));
  app.route('/', openApiRoutes(ctx));
  app.route('/', serverRoutes(ctx, requireRole, detailBody));
  app.route('/', queryRoutes(ctx, requireRole));
  app.route('/', seriesRoutes(ctx, requireRole));
  app.route('/', annotationRoutes(ctx, requireRole));
  app.route('/', askRoutes(ctx, requireRole));
  app.route('/', mcpRoutes(ctx, requireRole));
  app.route('/', adminRoutes(ctx, requireRole));
  app.route('/', alertRoutes(ctx, requireRole));
  app.route('/', prometheusRoutes(ctx, requireRole));
  app.route('/', metricsRoutes(ctx, requireRole));

  app.notFound((c) => errorResponse(c, 404, 'not_found', `no route ${c.req.method} ${c.req.path}`));
  app.onError(handleError(ctx.log));

  const memoryReads = createMemoryReads({ checkKey, admission, servers: ctx.servers, detailBody, log: ctx.log });
  return { app, admission, memoryReads };
}
