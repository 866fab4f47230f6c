/** The Hono application: request logging, route groups, the contract's error shape for everything else. */
import { Hono, type MiddlewareHandler } from 'hono';
import type { RouterRoute } from 'hono/types';
import { installAdmission, type Admission } from './admission';
import { createAuth } from './auth';
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
import { serverDetail, serverRoutes } from './routes/servers';
import { chain } from './sync-chain';

export interface HttpApp {
  /** Every route: the synchronous front (below), and behind it the rest. */
  app: Hono;
  /** What both serve, middleware included (method ALL), as Hono lists routes. */
  routes: RouterRoute[];
  /** Admission control's state (the concurrency gate) and its Redis connection to close. */
  admission: Admission;
}

export function createApp(ctx: ServiceContext): HttpApp {
  const app = new Hono();
  const requireRole = createAuth({ keys: ctx.config.apiKeys, openReads: ctx.config.openReads });

  // Per-request lines are debug level: an info line per request would cost more than a cached read.
  const requestLog: MiddlewareHandler = (c, next) => {
    if (!ctx.log.isLevelEnabled('debug')) return next();
    const started = performance.now();
    // Promise.resolve: in a synchronous chain next() may hand back the answer itself.
    return Promise.resolve(next()).then(() =>
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
  app.route('/', serverRoutes(ctx, requireRole));
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

  // Reads that are usually answered from memory, each registered as one handler (sync-chain.ts), so that
  // Hono and the Node adapter answer them synchronously; any other request goes on to the app.
  // A GET has no body: of the admission steps only those of every route apply.
  const front = new Hono();
  front.get('/api/servers/:id', chain([requestLog, ...admission.everyRoute, requireRole('read')], serverDetail(ctx)));
  front.notFound((c) => app.fetch(c.req.raw, c.env));
  front.onError(handleError(ctx.log));
  return { app: front, routes: [...front.routes, ...app.routes], admission };
}
