/** Warning/critical thresholds and the status they give a sample. */
import { metricValue, type ServerMetrics, type ServerStatus } from './metrics';

export const THRESHOLD_METRICS = ['cpu', 'memory', 'disk'] as const;
export type ThresholdMetric = (typeof THRESHOLD_METRICS)[number];

export interface Threshold {
  warning: number;
  critical: number;
}
export type Thresholds = Record<ThresholdMetric, Threshold>;

export const DEFAULT_THRESHOLDS: Thresholds = {
  cpu: { warning: 70, critical: 85 },
  memory: { warning: 80, critical: 90 },
  disk: { warning: 80, critical: 90 },
};

export interface ThresholdBreach {
  metric: ThresholdMetric;
  level: 'warning' | 'critical';
  value: number;
  threshold: number;
}

/** Every threshold a sample is at or above, worst level per metric. */
export function thresholdBreaches(sample: ServerMetrics, thresholds: Thresholds): ThresholdBreach[] {
  const breaches: ThresholdBreach[] = [];
  for (const metric of THRESHOLD_METRICS) {
    const value = metricValue(sample, metric);
    if (value === null) continue;
    const { warning, critical } = thresholds[metric];
    if (value >= critical) breaches.push({ metric, level: 'critical', value, threshold: critical });
    else if (value >= warning) breaches.push({ metric, level: 'warning', value, threshold: warning });
  }
  return breaches;
}

/** Status of a reachable server's sample: the worst threshold level it breaches. */
export function statusFromThresholds(sample: ServerMetrics, thresholds: Thresholds): ServerStatus {
  const levels = thresholdBreaches(sample, thresholds).map((b) => b.level);
  if (levels.includes('critical')) return 'critical';
  if (levels.includes('warning')) return 'warning';
  return 'online';
}

const SEVERITY_ORDER: ServerStatus[] = ['online', 'warning', 'critical', 'offline'];

/** The worse of two statuses (offline counts as worst). */
export function worstStatus(a: ServerStatus, b: ServerStatus): ServerStatus {
  return SEVERITY_ORDER.indexOf(a) >= SEVERITY_ORDER.indexOf(b) ? a : b;
}
