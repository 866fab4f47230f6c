/** GET /api/servers, /api/servers/:id (read-through latest sample) and /api/servers/:id/metrics (downsampled series). */
import { Hono } from 'hono';
import {
  metricsQuery,
  serverListQuery,
  ALL_METRICS,
  type MetricsAnswer,
  type ServerDetail,
} from '@openmanager/contract';
import type { ServerRecord } from '../../domain/server-state';
import type { RequireRole } from '../auth';
import type { ServiceContext } from '../../service-context';
import { badRequest, notFound } from '../errors';
import { parseQuery } from '../validate';
import { toSampleView, toServerView } from '../../servers/views';
import { requestBudget } from '../request-budget';
import { checkPoints, clampRange, stepFor } from '../../limits';

/** Default points per series when no step is given. */
const DEFAULT_POINTS = 1_000;
const MAX_RANGE_MS = 31 * 86_400_000;
const DEFAULT_RANGE_MS = 3_600_000;

export function serverRoutes(ctx: ServiceContext, requireRole: RequireRole) {
  const app = new Hono();
  app.use('/api/servers', requireRole('read'));
  app.use('/api/servers/*', requireRole('read'));

  async function findServer(id: string): Promise<ServerRecord> {
    let record: ServerRecord | null;
    try {
      record = await ctx.storage.store.getServer(id);
    } catch (err) {
      // The database is away: the last collection run still knows the server (its newest sample is cached).
      record = ctx.manager.lastCollected(id) ?? null;
      if (!record) throw err;
    }
    if (!record) throw notFound(`no server with id ${JSON.stringify(id)}`);
    return record;
  }

  app.get('/api/servers', async (c) => {
    const filter = parseQuery(c, serverListQuery);
    const now = ctx.now();
    const servers = (await ctx.storage.store.listServers(filter))
      .map((r) => toServerView(r, now, ctx.config.collectIntervalMs))
      .filter((s) => !filter.status || s.status === filter.status);
    return c.json({ servers, total: servers.length });
  });

  app.get('/api/servers/:id', async (c) => {
    const record = await findServer(c.req.param('id'));
    const latest = await ctx.storage.reader.get(record.id);
    const detail: ServerDetail = {
      ...toServerView(record, ctx.now(), ctx.config.collectIntervalMs),
      metrics: latest ? toSampleView(latest.sample) : null,
      source: latest?.source ?? null,
    };
    return c.json(detail);
  });

  app.get('/api/servers/:id/metrics', async (c) => {
    const now = ctx.now();
    const q = parseQuery(c, metricsQuery(now));
    const record = await findServer(c.req.param('id'));
    const asked = { to: q.to ?? now, from: q.from ?? (q.to ?? now) - DEFAULT_RANGE_MS };
    const { fromMs: from, toMs: to } = clampRange(asked.from, asked.to);
    if (to - from > MAX_RANGE_MS)
      throw badRequest(
        `from: the range may span at most 31 days, this one spans ${Math.ceil((to - from) / 86_400_000)}`
      );
    const stepMs = q.step ?? stepFor(from, to, DEFAULT_POINTS, ctx.config.collectIntervalMs);
    const points = checkPoints(from, to, stepMs);
    const metrics = q.metrics ?? ALL_METRICS;
    const budget = requestBudget(ctx, c);
    budget.charge(points * metrics.length);
    const { series: read, resolution } = await ctx.storage.store.read(
      { serverIds: [record.id], metrics, fromMs: from, toMs: to, stepMs, aggregation: q.aggregation },
      budget
    );
    const [series] = read;
    const answer: MetricsAnswer = {
      id: record.id,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      stepSeconds: stepMs / 1000,
      aggregation: q.aggregation,
      metrics,
      resolution,
      points: series.timestamps.map((t, i) => ({
        timestamp: new Date(t).toISOString(),
        ...Object.fromEntries(metrics.map((m) => [m, series.values[m]![i]])),
      })),
    };
    return c.json(answer);
  });

  return app;
}
