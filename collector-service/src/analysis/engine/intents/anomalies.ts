/** anomalies: unusual behaviour in the scope and range — the shared detector's episodes, threshold crossings that came and went, steady rises of memory and disk, outages. */
import { METRIC_NAMES } from '../../../domain/metrics';
import { THRESHOLD_METRICS } from '../../../domain/thresholds';
import type { Finding } from '../../findings';
import { anomalyEpisodes, anomalyFinding } from '../checks/anomalies';
import { breachEpisodes, breachFinding } from '../checks/breach-episodes';
import { CAPACITY_METRICS, capacityOutlooks, trendFinding } from '../checks/capacity';
import { outageFinding, outagesOf } from '../checks/state';
import type { IntentHandler } from '../intent-context';

/** Episodes stated in the answer; the findings keep them all. */
const EPISODES_STATED = 8;

export const anomalies: IntentHandler = async (ctx) => {
  const asked = ctx.understanding.entities.metrics;
  const metrics = asked.length > 0 ? asked : [...METRIC_NAMES];
  const ids = ctx.servers.map((r) => r.id);
  const rangeMs = ctx.time.toMs - ctx.time.fromMs;
  const capacityMetrics = CAPACITY_METRICS.filter((m) => metrics.includes(m));
  const thresholdMetrics = THRESHOLD_METRICS.filter((m) => metrics.includes(m));
  const [episodes, crossings, outlooks, outages] = await Promise.all([
    anomalyEpisodes(ctx, ids, metrics, ctx.time.fromMs, ctx.time.toMs),
    breachEpisodes(ctx, ids, thresholdMetrics),
    capacityOutlooks(ctx, ids, capacityMetrics),
    asked.length === 0 ? outagesOf(ctx, ctx.servers) : Promise.resolve([]),
  ]);
  // Spikes across a threshold that came and went are unusual; a server above it all along is in a state, not an episode.
  const unusual = [
    ...(episodes ?? []).map((e) => anomalyFinding(ctx, e)),
    ...crossings.filter((e) => !e.persistent).map((e) => breachFinding(ctx, e)),
  ];
  const rising = outlooks.map((o) => trendFinding(ctx, o)).filter((f): f is Finding => f !== null);
  const offline = outages.map((o) => outageFinding(ctx, o));

  const lines: string[] = [];
  if (episodes === null) lines.push(ctx.say.anomaliesUnavailable());
  if (unusual.length > 0) {
    lines.push(ctx.say.anomaliesHeader({ count: unusual.length, rangeMs }));
    lines.push(...unusual.slice(0, EPISODES_STATED).map((f) => f.message));
  }
  if (rising.length > 0) lines.push(ctx.say.risingHeader(), ...rising.map((f) => f.message));
  lines.push(...offline.map((f) => f.message));
  if (episodes !== null && unusual.length + rising.length + offline.length === 0) {
    lines.push(ctx.say.anomaliesNone({ rangeMs, servers: ids.length, metrics }));
  }
  return {
    findings: [...offline, ...unusual, ...rising],
    lines,
    evaluated: ids.length > 0 && (episodes !== null || unusual.length + outlooks.length > 0),
  };
};
