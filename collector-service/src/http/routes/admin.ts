/** Admin routes: run a collection now, run partition maintenance now. Need an admin key. */
import { Hono } from 'hono';
import type { RequireRole } from '../auth';
import type { ServiceContext } from '../../service-context';

export function adminRoutes(ctx: ServiceContext, requireRole: RequireRole) {
  const app = new Hono();
  app.use('/api/admin/*', requireRole('admin'));

  app.post('/api/admin/collect', async (c) => {
    const outcome = await ctx.manager.tick();
    return c.json({ run: outcome, collectors: ctx.manager.collectorStatuses() }, outcome === 'ran' ? 200 : 409);
  });

  app.post('/api/admin/maintenance', async (c) => {
    const dropped = await ctx.maintenance.runOnce();
    return c.json({ dropped, ...ctx.maintenance.getStats() });
  });

  return app;
}
