/** GET /api/series (names of the labelled series) and /api/series/labels (one label's values on one series), for the query editor and template variables. */
import { Hono } from 'hono';
import { SERIES_SERVER_LABELS, seriesLabelsQuery, type SeriesLabelsAnswer } from '@openmanager/contract';
import { serverLabels } from '../../grafana/frames';
import type { RequireRole } from '../auth';
import type { ServiceContext } from '../../service-context';
import { parseQuery } from '../validate';

const SERVER_LABELS: ReadonlySet<string> = new Set(SERIES_SERVER_LABELS);

export function seriesRoutes(ctx: ServiceContext, requireRole: RequireRole) {
  const app = new Hono();
  app.use('/api/series', requireRole('read'));
  app.use('/api/series/*', requireRole('read'));

  app.get('/api/series', async (c) => c.json({ names: await ctx.storage.series.names() }));

  app.get('/api/series/labels', async (c) => {
    const { name, label } = parseQuery(c, seriesLabelsQuery);
    let values: string[];
    if (SERVER_LABELS.has(label)) {
      // Server labels come from the inventory: the values of the servers that report this series.
      const ids = new Set(
        (await ctx.storage.series.latest(undefined, 0)).filter((s) => s.name === name).map((s) => s.serverId)
      );
      const servers = (await ctx.servers.records()).filter((s) => ids.has(s.id));
      values = [...new Set(servers.map((s) => serverLabels(s)[label]!))].sort();
    } else {
      values = await ctx.storage.series.labelValues(name, label);
    }
    const answer: SeriesLabelsAnswer = { name, label, values };
    return c.json(answer);
  });
  return app;
}
