/** Where memory and disk are heading: the trend since the last reset, and when they fill at that rate. */
import type { MetricName } from '../../../domain/metrics';
import { forecastReach, type Forecast } from '../../detectors/forecast';
import { analyzeTrend, isReportableRise, type TrendResult } from '../../detectors/trend';
import type { Finding } from '../../findings';
import type { Series } from '../../series';
import type { IntentContext } from '../intent-context';
import { trendHistory } from '../time-scope';

export const CAPACITY_METRICS: readonly MetricName[] = ['disk', 'memory'];
/** A resource is full at 100 %. */
export const CAPACITY = 100;

export interface CapacityOutlook {
  serverId: string;
  metric: MetricName;
  trend: TrendResult;
  forecast: Forecast;
}

function outlookOf(serverId: string, metric: MetricName, s: Series | undefined): CapacityOutlook | null {
  if (!s || s.t.length === 0) return null;
  const trend = analyzeTrend(s);
  return { serverId, metric, trend, forecast: forecastReach(trend, CAPACITY) };
}

/** Outlooks over the day before the end of the range; a live range's are computed once per snapshot. */
export async function capacityOutlooks(
  ctx: IntentContext,
  serverIds: readonly string[],
  metrics: readonly MetricName[] = CAPACITY_METRICS
): Promise<CapacityOutlook[]> {
  const { fromMs, toMs } = trendHistory(ctx.time);
  const key = (id: string, m: MetricName) => `outlook|${id}|${m}|${Math.round((toMs - fromMs) / 60_000)}`;
  const missing = ctx.time.live
    ? serverIds.filter((id) => metrics.some((m) => !ctx.data.hasMemo(key(id, m))))
    : serverIds;
  const series =
    missing.length > 0
      ? await ctx.data.series(missing, metrics, fromMs, toMs)
      : new Map<string, Map<MetricName, Series>>();
  const out: CapacityOutlook[] = [];
  for (const serverId of serverIds) {
    for (const metric of metrics) {
      const compute = () => outlookOf(serverId, metric, series.get(serverId)?.get(metric));
      const outlook = ctx.time.live ? ctx.data.memo(key(serverId, metric), compute) : compute();
      if (outlook) out.push(outlook);
    }
  }
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function forecastFinding(ctx: IntentContext, o: CapacityOutlook): Finding | null {
  const f = o.forecast;
  if (f.status !== 'eta') return null;
  return {
    serverId: o.serverId,
    metric: o.metric,
    kind: 'forecast',
    value: f.current,
    threshold: f.target,
    level: 'warning',
    role: 'cause',
    at: iso(f.atMs),
    ratePerHour: f.ratePerHour,
    etaHours: f.etaHours,
    message: ctx.say.forecast({
      server: o.serverId,
      metric: o.metric,
      current: f.current,
      target: f.target,
      ratePerHour: f.ratePerHour,
      etaHours: f.etaHours,
      atMs: f.atMs,
      basis: f.basis,
      nowMs: ctx.nowMs,
    }),
  };
}

export function trendFinding(ctx: IntentContext, o: CapacityOutlook): Finding | null {
  const t = o.trend;
  if (!isReportableRise(t) || !t.segment || !t.basis) return null;
  return {
    serverId: o.serverId,
    metric: o.metric,
    kind: 'trend',
    value: t.current,
    threshold: null,
    level: 'warning',
    // A resource filling up is a state change: it may explain what follows.
    role: 'cause',
    at: iso(t.segment.startMs),
    ratePerHour: t.ratePerHour,
    message: ctx.say.trend({
      server: o.serverId,
      metric: o.metric,
      ratePerHour: t.ratePerHour,
      fromValue: t.segment.fromValue,
      toValue: t.basis === 'current' ? t.current : t.segment.toValue,
      sinceMs: t.segment.startMs,
      risingCycles: t.risingCycles,
      basis: t.basis,
      nowMs: ctx.nowMs,
    }),
  };
}

/** What is worth stating about an outlook: a steady rise, and when it fills if that is within the horizon. */
export function capacityFindings(ctx: IntentContext, o: CapacityOutlook): Finding[] {
  return [trendFinding(ctx, o), forecastFinding(ctx, o)].filter((f): f is Finding => f !== null);
}
