/** Findings about a server's state: threshold breaches of its current values, outages, restarts. */
import { metricValue as sampleValue, type ServerMetrics } from '../../../domain/metrics';
import type { ServerRecord } from '../../../domain/server-state';
import { thresholdBreaches, THRESHOLD_METRICS } from '../../../domain/thresholds';
import type { MetricReading } from '../../answer/catalog';
import { findOutages, type Outage } from '../../detectors/availability';
import { findRestart } from '../../detectors/restart';
import type { Finding } from '../../findings';
import type { IntentContext } from '../intent-context';

const iso = (ms: number) => new Date(ms).toISOString();

export function thresholdFindings(ctx: IntentContext, sample: ServerMetrics): Finding[] {
  return thresholdBreaches(sample, ctx.thresholds).map((b) => ({
    serverId: sample.serverId,
    metric: b.metric,
    kind: 'threshold',
    value: b.value,
    threshold: b.threshold,
    level: b.level,
    role: 'symptom',
    at: sample.timestamp.toISOString(),
    message: ctx.say.threshold({
      server: sample.serverId,
      metric: b.metric,
      value: b.value,
      threshold: b.threshold,
      level: b.level,
    }),
  }));
}

/** cpu, memory and disk of a sample, each with its breach when it has one. */
export function readings(ctx: IntentContext, sample: ServerMetrics): MetricReading[] {
  const breaches = new Map(thresholdBreaches(sample, ctx.thresholds).map((b) => [b.metric, b]));
  return THRESHOLD_METRICS.flatMap((metric) => {
    const value = sampleValue(sample, metric);
    if (value === null) return [];
    const b = breaches.get(metric);
    return [{ metric, value, ...(b ? { breach: { level: b.level, threshold: b.threshold } } : {}) }];
  });
}

/** Offline servers among `records`: now when the range is live, else as of the end of the range (no bucket near it). */
export async function outagesOf(ctx: IntentContext, records: readonly ServerRecord[]): Promise<Outage[]> {
  if (ctx.time.live) return findOutages(records, ctx.nowMs, ctx.data.collectIntervalMs);
  const lookBack = Math.max(3 * ctx.data.collectIntervalMs, 2 * (ctx.data.windowStepMs ?? 60_000));
  const { toMs } = ctx.time;
  // Who answered just before the end, read at full resolution (a day's read is bucketed: its last bucket
  // starts up to a bucket before the newest sample in it).
  const recent = await ctx.data.series(
    records.map((r) => r.id),
    ['cpu'],
    toMs - lookBack,
    toMs
  );
  const silent = records.filter((r) => (recent.get(r.id)?.get('cpu')?.t.length ?? 0) === 0);
  if (silent.length === 0) return [];
  const day = await ctx.data.series(
    silent.map((r) => r.id),
    ['cpu'],
    toMs - 24 * 3_600_000,
    toMs
  );
  const outages: Outage[] = [];
  for (const r of silent) {
    const s = day.get(r.id)?.get('cpu');
    const last = s && s.t.length > 0 ? s.t[s.t.length - 1] : null;
    outages.push({
      serverId: r.id,
      reason: last === null ? 'never-seen' : 'stale',
      lastSeenMs: last,
      silentForMs: last === null ? null : toMs - last,
    });
  }
  return outages;
}

export function outageFinding(ctx: IntentContext, o: Outage): Finding {
  return {
    serverId: o.serverId,
    metric: null,
    kind: 'offline',
    value: null,
    threshold: null,
    level: 'critical',
    role: 'cause',
    ...(o.lastSeenMs !== null ? { at: iso(o.lastSeenMs) } : {}),
    message: ctx.say.offline({ ...o, nowMs: ctx.nowMs }),
  };
}

/**
 * A restart (uptime reset) inside the range, as an anomaly finding with no metric: a state change,
 * so a probable cause. Only live ranges: the newest sample carries the uptime.
 */
export function restartFinding(ctx: IntentContext, sample: ServerMetrics): Finding | null {
  if (!ctx.time.live) return null;
  const restart = findRestart(sample, ctx.time.fromMs);
  if (!restart) return null;
  return {
    serverId: sample.serverId,
    metric: null,
    kind: 'anomaly',
    value: restart.uptimeSeconds,
    threshold: null,
    level: 'warning',
    role: 'cause',
    event: 'restart',
    at: iso(restart.bootedAtMs),
    message: ctx.say.restart({
      server: sample.serverId,
      bootedAtMs: restart.bootedAtMs,
      uptimeSeconds: restart.uptimeSeconds,
      nowMs: ctx.nowMs,
    }),
  };
}
