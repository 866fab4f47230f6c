/**
 * Anomalies as annotation regions: runs of buckets the shared online detector scores clearly above its
 * threshold, kept when the departure from the typical level is material (the same rule /api/ask uses).
 * A dashboard mark should be worth a look, so only usage metrics (where "material" means 5 points)
 * and confident scores are marked; /api/ask reports the borderline and traffic cases with their context.
 */
import { isMaterial, median, type AnalysisData, type ChangeKind } from '../analysis';
import type { Annotation } from '@openmanager/contract';
import { THRESHOLD_METRICS } from '../domain/thresholds';
import type { QueryBudget } from '../limits';

/** Scores from the alarm level (0.5) to here are borderline on 1-minute data with a daily swing. */
const DASHBOARD_MIN_SCORE = 0.6;

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Null when the detector's window does not hold the range (older than the in-memory history). */
export async function anomalyAnnotations(
  data: AnalysisData,
  anomalyThreshold: number,
  serverIds: string[],
  fromMs: number,
  toMs: number,
  budget: Pick<QueryBudget, 'pause'>
): Promise<Annotation[] | null> {
  await data.snapshot();
  const stepMs = data.windowStepMs;
  if (stepMs === null) return null;
  const minScore = Math.max(anomalyThreshold, DASHBOARD_MIN_SCORE);
  const series = await data.series(serverIds, THRESHOLD_METRICS, fromMs, toMs);
  const out: Annotation[] = [];
  for (const serverId of serverIds) {
    for (const metric of THRESHOLD_METRICS) {
      // Per series: after a restart, a detector's first pass over the day takes milliseconds, a fleet's many seconds.
      await budget.pause();
      const scores = data.anomalyScores(serverId, metric, fromMs, toMs);
      if (scores === null) return null;
      const values = series.get(serverId)?.get(metric);
      if (!values || values.t.length === 0) continue;
      const valueAt = new Map(values.t.map((t, i) => [t, values.v[i]]));
      const runs: Array<{ start: number; end: number; peakAt: number; peakScore: number; change: ChangeKind | null }> =
        [];
      scores.t.forEach((t, i) => {
        if (scores.v[i] < minScore || !valueAt.has(t)) return;
        const last = runs[runs.length - 1];
        if (last && t - last.end <= stepMs) {
          last.end = t;
          last.change ??= scores.change[i];
          if (scores.v[i] > last.peakScore) Object.assign(last, { peakAt: t, peakScore: scores.v[i] });
        } else runs.push({ start: t, end: t, peakAt: t, peakScore: scores.v[i], change: scores.change[i] });
      });
      if (runs.length === 0) continue;
      const flagged = new Set(runs.flatMap((r) => values.t.filter((t) => t >= r.start && t <= r.end)));
      const normal = values.v.filter((_, i) => !flagged.has(values.t[i]));
      const typical = median(normal.length > 0 ? normal : values.v);
      for (const run of runs) {
        const peak = valueAt.get(run.peakAt)!;
        if (!isMaterial(metric, peak, typical)) continue;
        out.push({
          time: run.start,
          timeEnd: run.end + stepMs,
          serverId,
          metric,
          kind: 'anomaly',
          severity: 'warning',
          text: `${serverId} ${metric} unusual: ${round1(peak)} against a typical ${round1(typical)} (${run.change ? `${run.change.replace('_', ' ')}, ` : ''}anomaly score ${run.peakScore.toFixed(2)})`,
          tags: ['anomaly', metric, serverId],
        });
      }
    }
  }
  return out;
}
