/** POST /api/query: what the Grafana data source sends; answers data frames per refId. */
import { Hono } from 'hono';
import { queryRequest } from '@openmanager/contract';
import { executeQuery } from '../../grafana/query-executor';
import type { RequireRole } from '../auth';
import type { ServiceContext } from '../../service-context';
import { parseJsonBody } from '../validate';
import { requestBudget } from '../request-budget';
import { jsonAnswer } from '../json-answer';

export function queryRoutes(ctx: ServiceContext, requireRole: RequireRole) {
  const app = new Hono();
  app.post('/api/query', requireRole('read'), async (c) => {
    const request = await parseJsonBody(c, queryRequest(ctx.now()));
    const answer = await executeQuery(
      request,
      {
        store: ctx.storage.store,
        servers: ctx.servers,
        reader: ctx.storage.reader,
        series: ctx.storage.series,
        collectorStatuses: () => ctx.manager.collectorStatuses(),
        collectIntervalMs: ctx.config.collectIntervalMs,
        now: ctx.now,
      },
      requestBudget(ctx, c)
    );
    return jsonAnswer(c, answer);
  });
  return app;
}
