/** Threshold crossings inside the range (spikes that came and went), from the window's per-bucket values. */
import { THRESHOLD_METRICS, type ThresholdMetric } from '../../../domain/thresholds';
import type { Finding } from '../../findings';
import type { IntentContext } from '../intent-context';

export interface BreachEpisodes {
  serverId: string;
  metric: ThresholdMetric;
  /** Runs of consecutive buckets at or above the warning threshold. */
  episodes: number;
  peak: number;
  peakAtMs: number;
  /** Every point of the range was at or above the warning threshold: a state, not a spike. */
  persistent: boolean;
}

export async function breachEpisodes(
  ctx: IntentContext,
  serverIds: readonly string[],
  metrics: readonly ThresholdMetric[] = THRESHOLD_METRICS
): Promise<BreachEpisodes[]> {
  const series = await ctx.data.series(serverIds, metrics, ctx.time.fromMs, ctx.time.toMs);
  const out: BreachEpisodes[] = [];
  for (const serverId of serverIds) {
    for (const metric of metrics) {
      const s = series.get(serverId)?.get(metric);
      if (!s || s.v.length === 0) continue;
      const warning = ctx.thresholds[metric].warning;
      let episodes = 0;
      let inside = false;
      let above = 0;
      let peak = -Infinity;
      let peakAtMs = 0;
      s.v.forEach((v, i) => {
        if (v >= warning) {
          if (!inside) episodes++;
          inside = true;
          above++;
          if (v > peak) [peak, peakAtMs] = [v, s.t[i]];
        } else inside = false;
      });
      if (episodes > 0) out.push({ serverId, metric, episodes, peak, peakAtMs, persistent: above === s.v.length });
    }
  }
  return out.sort((a, b) => b.peak - a.peak);
}

export function breachFinding(ctx: IntentContext, e: BreachEpisodes): Finding {
  const { warning, critical } = ctx.thresholds[e.metric];
  const level = e.peak >= critical ? 'critical' : 'warning';
  const threshold = level === 'critical' ? critical : warning;
  return {
    serverId: e.serverId,
    metric: e.metric,
    kind: 'threshold',
    value: e.peak,
    threshold,
    // A spike that came and went is worth a look, not an alarm: it is not the server's state now.
    level: 'warning',
    role: 'symptom',
    at: new Date(e.peakAtMs).toISOString(),
    message: ctx.say.breachEpisodes({
      server: e.serverId,
      metric: e.metric,
      episodes: e.episodes,
      peak: e.peak,
      peakAtMs: e.peakAtMs,
      threshold,
      level,
      rangeMs: ctx.time.toMs - ctx.time.fromMs,
      nowMs: ctx.nowMs,
    }),
  };
}
