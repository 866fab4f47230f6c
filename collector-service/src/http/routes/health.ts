/** GET /api/health (liveness and storage state, no key needed) and GET /api/status (collectors, storage, cache). */
import { Hono } from 'hono';
import { checkStorage } from '../../storage/storage-health';
import type { AuthVariables, RequireRole } from '../auth';
import type { ServiceContext } from '../../service-context';

export function healthRoutes(ctx: ServiceContext, requireRole: RequireRole) {
  const app = new Hono<{ Variables: AuthVariables }>();

  app.get('/api/health', async (c) => {
    const storage = await checkStorage(ctx.storage);
    const ok = storage.database.ok && storage.cache.ok;
    // Without its database the service cannot answer; without the cache it only answers slower.
    return c.json(
      {
        status: ok ? 'ok' : 'degraded',
        version: ctx.version,
        mode: ctx.config.mode,
        uptimeSeconds: Math.round((ctx.now() - ctx.startedAt.getTime()) / 1000),
        storage,
      },
      storage.database.ok ? 200 : 503
    );
  });

  app.get('/api/status', requireRole('read'), async (c) => {
    const storage = await checkStorage(ctx.storage);
    return c.json({
      // The caller's own key, so a client (the data source's Save & test) can warn about an admin key.
      caller: { key: c.get('apiKeyName'), role: c.get('apiKeyRole') ?? 'open' },
      mode: ctx.config.mode,
      version: ctx.version,
      startedAt: ctx.startedAt.toISOString(),
      collection: {
        intervalMs: ctx.config.collectIntervalMs,
        timeoutMs: ctx.config.collectorTimeoutMs,
        ...ctx.manager.managerStats(),
        ...ctx.writer.getStats(),
      },
      collectors: ctx.manager.collectorStatuses(),
      backfill: ctx.backfillProgress(),
      storage,
      retention: { hours: ctx.config.retentionHours, ...ctx.maintenance.getStats() },
      head: ctx.storage.store.head.stats(),
    });
  });

  return app;
}
