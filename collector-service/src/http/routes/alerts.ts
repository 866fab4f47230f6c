/** GET /api/alerts (read): the pending and firing alerts, each with the analysis engine's explanation. */
import { Hono } from 'hono';
import { apiAlerts } from '../../alerts/alert-views';
import type { ServiceContext } from '../../service-context';
import type { RequireRole } from '../auth';

export function alertRoutes(ctx: ServiceContext, requireRole: RequireRole) {
  const app = new Hono();
  app.get('/api/alerts', requireRole('read'), (c) => c.json(apiAlerts(ctx.alerting)));
  return app;
}
