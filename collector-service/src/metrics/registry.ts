/**
 * The service's own metrics (prom-client), served at GET /metrics. Counters here are shared by the
 * whole process so any module can count an event by importing them; per-service state (spool,
 * breaker, collectors) is read at scrape time by `service-gauges.ts`.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const registry = new Registry();

// Process metrics, event-loop lag among them (openmanager_nodejs_eventloop_lag_seconds).
collectDefaultMetrics({ register: registry, prefix: 'openmanager_' });

export const rateLimitRejections = new Counter({
  name: 'openmanager_rate_limit_rejections_total',
  help: 'Requests refused with 429 because a caller went over RATE_LIMIT_PER_MINUTE',
  registers: [registry],
});

export const budgetRejections = new Counter({
  name: 'openmanager_budget_rejections_total',
  help: 'Requests refused with 422 because a query went over a limit (samples, points, steps, deadline)',
  labelNames: ['limit'] as const,
  registers: [registry],
});

export const writeLatency = new Histogram({
  name: 'openmanager_db_write_duration_seconds',
  help: 'Time of one batch write to the database, by outcome',
  labelNames: ['outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const rejectedRows = new Counter({
  name: 'openmanager_rejected_rows_total',
  help: 'Rows refused: at the collector boundary (bad id, timestamp) or by the database for a data reason',
  labelNames: ['stage'] as const,
  registers: [registry],
});

export const cacheLookups = new Counter({
  name: 'openmanager_cache_lookups_total',
  help: 'Newest-sample cache lookups by result (hit, miss, or unavailable when the cache or its breaker refused)',
  labelNames: ['result'] as const,
  registers: [registry],
});
