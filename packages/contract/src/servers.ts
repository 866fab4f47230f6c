/** Wire contract of the server routes: query parameters (zod) and answer shapes. */
import { z } from 'zod';
import { METRIC_NAMES, PROVIDERS, SERVER_STATUSES, type MetricName, type Provider, type ServerStatus } from './names';
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

/** A server as the API shows it. `status` is what an operator should see now (offline when stale). */
export interface ServerView {
  id: string;
  provider: Provider;
  region: string;
  role: string;
  collector: string;
  labels: Record<string, string>;
  status: ServerStatus;
  reachable: boolean;
  lastSeen: string | null;
}

/** A sample as the API shows it: contract metric names. */
export interface SampleView {
  timestamp: string;
  cpu: number | null;
  memory: number | null;
  disk: number | null;
  network_in: number | null;
  network_out: number | null;
  load: number | null;
  uptime_seconds: number | null;
  status: ServerStatus;
}

export interface ServerDetail extends ServerView {
  metrics: SampleView | null;
  source: 'cache' | 'database' | null;
}

export type MetricPoint = { timestamp: string } & Partial<Record<MetricName, number | null>>;

export interface MetricsAnswer {
  id: string;
  from: string;
  to: string;
  stepSeconds: number;
  aggregation: z.infer<typeof aggregation>;
  metrics: MetricName[];
  points: MetricPoint[];
}

export const ALL_METRICS: MetricName[] = [...METRIC_NAMES];
