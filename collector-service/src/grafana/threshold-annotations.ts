/** Threshold breaches as annotation regions: runs of buckets at or above a warning threshold, per server and metric. */
import type { Annotation } from '@openmanager/contract';
import { THRESHOLD_METRICS, type Thresholds } from '../domain/thresholds';
import type { SeriesSet } from '../storage/metrics-store';

const round1 = (v: number) => Math.round(v * 10) / 10;

/** A silence longer than this splits a breach in two (the server was not reporting in between). */
const MIN_GAP_MS = 5 * 60_000;

/** `series` must hold the per-bucket maximum of cpu, memory and disk. */
export function thresholdAnnotations(series: SeriesSet[], stepMs: number, thresholds: Thresholds): Annotation[] {
  const maxGapMs = Math.max(2 * stepMs, MIN_GAP_MS);
  const out: Annotation[] = [];
  for (const set of series) {
    for (const metric of THRESHOLD_METRICS) {
      const values = set.values[metric] ?? [];
      const { warning, critical } = thresholds[metric];
      let start = -1;
      let peak = -Infinity;
      const close = (endIndex: number) => {
        const severity = peak >= critical ? 'critical' : 'warning';
        out.push({
          time: set.timestamps[start],
          timeEnd: set.timestamps[endIndex] + stepMs,
          serverId: set.serverId,
          metric,
          kind: 'threshold',
          severity,
          text: `${set.serverId} ${metric} ≥ ${severity === 'critical' ? critical : warning}% (${severity}), peak ${round1(peak)}%`,
          tags: ['threshold', severity, metric, set.serverId],
        });
        start = -1;
        peak = -Infinity;
      };
      values.forEach((v, i) => {
        const gap = i > 0 && set.timestamps[i] - set.timestamps[i - 1] > maxGapMs;
        if (start >= 0 && (v === null || v < warning || gap)) close(i - 1);
        if (v !== null && v >= warning) {
          if (start < 0) start = i;
          peak = Math.max(peak, v);
        }
      });
      if (start >= 0) close(values.length - 1);
    }
  }
  return out;
}
