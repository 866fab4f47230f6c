/** GET /api/annotations: threshold breaches and anomalies in the dashboard's range, for Grafana annotations. */
import { Hono } from 'hono';
import { ANOMALY_SCORE_THRESHOLD } from '../../analysis';
import { annotationsQuery, type AnnotationsAnswer } from '@openmanager/contract';
import { findAnnotations } from '../../grafana/annotations';
import type { RequireRole } from '../auth';
import type { ServiceContext } from '../../service-context';
import { badRequest } from '../errors';
import { parseQuery } from '../validate';
import { requestBudget } from '../request-budget';

export function annotationRoutes(ctx: ServiceContext, requireRole: RequireRole) {
  const app = new Hono();
  app.get('/api/annotations', requireRole('read'), async (c) => {
    const q = parseQuery(c, annotationsQuery(ctx.now()));
    if (q.from >= q.to) throw badRequest('from: must be before to');
    const answer: AnnotationsAnswer = await findAnnotations(
      { fromMs: q.from, toMs: q.to, serverIds: q.servers, kinds: q.kinds ?? ['threshold', 'anomaly'] },
      {
        store: ctx.storage.store,
        servers: ctx.servers,
        thresholds: ctx.config.thresholds,
        analysis: ctx.analysis.data,
        anomalyThreshold: ANOMALY_SCORE_THRESHOLD,
      },
      requestBudget(ctx, c)
    );
    return c.json(answer);
  });
  return app;
}
