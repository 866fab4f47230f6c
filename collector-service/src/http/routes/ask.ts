/** POST /api/ask: a question in Korean or English → intent, entities, severity, the answer and the findings it rests on. */
import { Hono } from 'hono';
import { askRequest } from '@openmanager/contract';
import type { RequireRole } from '../auth';
import type { ServiceContext } from '../../service-context';
import { parseJsonBody } from '../validate';
import { clampTime } from '../../limits';

export function askRoutes(ctx: ServiceContext, requireRole: RequireRole) {
  const app = new Hono();
  const service = ctx.analysis;
  app.post('/api/ask', requireRole('read'), async (c) => {
    const body = await parseJsonBody(c, askRequest(ctx.now()));
    return c.json(await service.ask(body.question, { fromMs: clampTime(body.from), toMs: clampTime(body.to) }));
  });
  return app;
}
