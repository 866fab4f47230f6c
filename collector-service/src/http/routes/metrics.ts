/** GET /metrics: the service's own metrics in Prometheus exposition format (read key; open when keys are off). */
import { Hono } from 'hono';
import { Registry } from 'prom-client';
import { registry } from '../../metrics/registry';
import { serviceGauges } from '../../metrics/service-gauges';
import type { RequireRole } from '../auth';
import type { ServiceContext } from '../../service-context';

export function metricsRoutes(ctx: ServiceContext, requireRole: RequireRole) {
  const app = new Hono();
  const gauges = serviceGauges(ctx);

  app.get('/metrics', requireRole('read'), async (c) => {
    const merged = Registry.merge([registry, gauges]);
    return c.body(await merged.metrics(), 200, { 'content-type': merged.contentType });
  });

  return app;
}
