/** Wire contract of the server routes: query parameters (zod) and answer shapes. */
import { z } from 'zod';
import { METRIC_NAMES, PROVIDERS, SERVER_STATUSES, type MetricName } from './names';
import { aggregation, instant, metricList, step } from './params';

export const serverListQuery = z.object({
  provider: z.enum(PROVIDERS, { error: `expected one of ${PROVIDERS.join(', ')}` }).optional(),
  region: z.string().trim().min(1).optional(),
  role: z.string().trim().min(1).optional(),
  status: z.enum(SERVER_STATUSES, { error: `expected one of ${SERVER_STATUSES.join(', ')}` }).optional(),
});

export const metricsQuery = (nowMs: number) =>
  z.object({
    from: instant(nowMs).optional(),
    to: instant(nowMs).optional(),
    step: step.optional(),
    metrics: metricList.optional(),
    aggregation: aggregation.default('avg'),
  });

const metricValue = z.number().nullable();

/** A server as the API shows it. `status` is what an operator should see now (offline when stale). */
export const serverView = z.object({
  id: z.string(),
  provider: z.enum(PROVIDERS),
  region: z.string(),
  role: z.string(),
  collector: z.string(),
  labels: z.record(z.string(), z.string()),
  status: z.enum(SERVER_STATUSES),
  reachable: z.boolean(),
  /** ISO-8601 of the newest sample; null when none yet. */
  lastSeen: z.string().nullable(),
});
export type ServerView = z.infer<typeof serverView>;

/** A sample as the API shows it: the API's metric names (cpu, memory, disk in percent; network in bytes/s). */
export const sampleView = z.object({
  timestamp: z.string(),
  cpu: metricValue,
  memory: metricValue,
  disk: metricValue,
  network_in: metricValue,
  network_out: metricValue,
  load: metricValue,
  uptime_seconds: metricValue,
  status: z.enum(SERVER_STATUSES),
});
export type SampleView = z.infer<typeof sampleView>;

export const serverDetail = serverView.extend({
  metrics: sampleView.nullable(),
  source: z.enum(['cache', 'database']).nullable(),
});
export type ServerDetail = z.infer<typeof serverDetail>;

export const serverListAnswer = z.object({ servers: z.array(serverView), total: z.number() });

export const metricPoint = z
  .object({ timestamp: z.string() })
  .extend(
    Object.fromEntries(METRIC_NAMES.map((m) => [m, metricValue.optional()])) as Record<
      MetricName,
      z.ZodOptional<typeof metricValue>
    >
  );
export type MetricPoint = z.infer<typeof metricPoint>;

export const metricsAnswer = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  stepSeconds: z.number(),
  aggregation,
  metrics: z.array(z.enum(METRIC_NAMES)),
  /** Which stored resolution answered: raw samples, or 5-minute / 1-hour rollups for ranges older than the raw retention. */
  resolution: z.enum(['raw', '5m', '1h']),
  points: z.array(metricPoint),
});
export type MetricsAnswer = z.infer<typeof metricsAnswer>;

export const ALL_METRICS: MetricName[] = [...METRIC_NAMES];
