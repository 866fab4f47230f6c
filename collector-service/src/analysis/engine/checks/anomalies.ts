/**
 * Anomaly episodes from the shared detector's scores: runs of buckets scoring at or above its
 * threshold, kept when the departure from the usual level is large enough for an operator to act on
 * (a smooth memory series that dips 2 points is statistically novel and practically nothing).
 */
import type { MetricName } from '../../../domain/metrics';
import { pauseSlice } from '../../../limits';
import type { ChangeKind } from '../../detectors/anomaly';
import type { Finding } from '../../findings';
import { median } from '../../series';
import type { IntentContext } from '../intent-context';

export interface AnomalyEpisodes {
  serverId: string;
  metric: MetricName;
  episodes: number;
  peakAtMs: number;
  peakScore: number;
  peakValue: number;
  /** Median of the range's values outside the episodes. */
  typical: number;
  /** What kind of change the strongest episode was, and when it began. */
  change: ChangeKind | null;
  sinceMs: number;
}

/** Smallest departure from the typical level worth reporting: percentage points for usage, a share of the typical level otherwise. */
export const MIN_POINTS_CHANGE = 5;
export const MIN_RELATIVE_CHANGE = 0.3;

export function isMaterial(metric: MetricName, value: number, typical: number): boolean {
  if (metric === 'cpu' || metric === 'memory' || metric === 'disk')
    return Math.abs(value - typical) >= MIN_POINTS_CHANGE;
  return Math.abs(value - typical) >= MIN_RELATIVE_CHANGE * Math.max(Math.abs(typical), 1e-9);
}

/** Episodes per (server, metric) in [fromMs, toMs), strongest first; null when the scores do not reach back that far. */
export async function anomalyEpisodes(
  ctx: IntentContext,
  serverIds: readonly string[],
  metrics: readonly MetricName[],
  fromMs: number,
  toMs: number
): Promise<AnomalyEpisodes[] | null> {
  const series = await ctx.data.series(serverIds, metrics, fromMs, toMs);
  const found: AnomalyEpisodes[] = [];
  for (const serverId of serverIds) {
    for (const metric of metrics) {
      // Per series: after a restart, a detector's first pass over the day takes milliseconds, a fleet's many seconds.
      await pauseSlice();
      const scores = ctx.data.anomalyScores(serverId, metric, fromMs, toMs);
      if (scores === null) return null;
      const values = series.get(serverId)?.get(metric);
      if (!values || values.t.length === 0) continue;
      const valueAt = new Map(values.t.map((t, i) => [t, values.v[i]]));
      const flagged = new Set<number>();
      let episodes = 0;
      let lastFlagged = -Infinity;
      let peak = { atMs: 0, score: -1, sinceMs: 0, change: null as ChangeKind | null };
      let episodeStart = 0;
      let episodeChange: ChangeKind | null = null;
      const step = ctx.data.windowStepMs ?? 60_000;
      scores.t.forEach((t, i) => {
        if (scores.v[i] < ctx.anomalyThreshold) return;
        if (t - lastFlagged > step) {
          episodes++;
          episodeStart = t;
          episodeChange = null;
        }
        episodeChange ??= scores.change[i];
        lastFlagged = t;
        flagged.add(t);
        if (scores.v[i] > peak.score)
          peak = { atMs: t, score: scores.v[i], sinceMs: episodeStart, change: episodeChange };
      });
      const peakValue = valueAt.get(peak.atMs);
      if (episodes === 0 || peakValue === undefined) continue;
      const normal = values.v.filter((_, i) => !flagged.has(values.t[i]));
      const typical = median(normal.length > 0 ? normal : values.v);
      if (!isMaterial(metric, peakValue, typical)) continue;
      found.push({
        serverId,
        metric,
        episodes,
        peakAtMs: peak.atMs,
        peakScore: peak.score,
        peakValue,
        typical,
        change: peak.change,
        sinceMs: peak.sinceMs,
      });
    }
  }
  return found.sort((a, b) => b.peakScore - a.peakScore);
}

export function anomalyFinding(ctx: IntentContext, e: AnomalyEpisodes): Finding {
  const trafficJump = (e.metric === 'network_in' || e.metric === 'network_out') && e.peakValue > e.typical;
  return {
    serverId: e.serverId,
    metric: e.metric,
    kind: 'anomaly',
    value: e.peakValue,
    threshold: null,
    level: 'warning',
    // More traffic arriving is a change in what the server is asked to do; a usage rise is what it suffers.
    role: trafficJump ? 'cause' : 'symptom',
    at: new Date(e.peakAtMs).toISOString(),
    ...(e.change ? { change: e.change } : {}),
    since: new Date(e.sinceMs).toISOString(),
    message: ctx.say.anomaly({
      server: e.serverId,
      metric: e.metric,
      value: e.peakValue,
      typical: e.typical,
      atMs: e.peakAtMs,
      score: e.peakScore,
      episodes: e.episodes,
      change: e.change,
      sinceMs: e.sinceMs,
      nowMs: ctx.nowMs,
    }),
  };
}
