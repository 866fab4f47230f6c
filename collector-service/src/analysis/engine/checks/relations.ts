/** Which series move with a server's metric, and which of them moves first: lagged correlation on the window's grid. */
import type { MetricName } from '../../../domain/metrics';
import { pauseSlice } from '../../../limits';
import { bestLeadLag } from '../../detectors/correlation';
import type { Finding } from '../../findings';
import type { IntentContext } from '../intent-context';

export interface Relation {
  /** The series that moves first (or either one when lagMs is 0). */
  leader: { serverId: string; metric: MetricName };
  follower: { serverId: string; metric: MetricName };
  r: number;
  lagMs: number;
}

/** What other servers may tell about a target; load is left out, it only restates cpu. */
const OTHER_SERVER_METRICS: readonly MetricName[] = ['cpu', 'network_in', 'network_out'];
const SAME_SERVER_METRICS: readonly MetricName[] = ['cpu', 'network_in', 'network_out'];
export const RELATIONS_KEPT = 3;

/**
 * The strongest relations of (serverId, metric) over the range, one per other server; null when the window does
 * not hold the range. Every server of the fleet is a candidate, so the work yields to the event loop as it goes.
 */
export async function relationsOf(
  ctx: IntentContext,
  serverId: string,
  metric: MetricName
): Promise<Relation[] | null> {
  const { fromMs, toMs } = ctx.time;
  const target = ctx.data.aligned(serverId, metric, fromMs, toMs);
  if (!target) return null;
  const best = new Map<string, Relation>();
  for (const record of ctx.snapshot.records) {
    await pauseSlice();
    const same = record.id === serverId;
    for (const m of same ? SAME_SERVER_METRICS.filter((x) => x !== metric) : OTHER_SERVER_METRICS) {
      const candidate = ctx.data.aligned(record.id, m, fromMs, toMs);
      if (!candidate) continue;
      const ll = bestLeadLag(candidate.values, target.values);
      if (!ll) continue;
      const key = same ? `${record.id}:${m}` : record.id;
      if ((best.get(key)?.r ?? -Infinity) >= ll.r) continue;
      const them = { serverId: record.id, metric: m };
      const us = { serverId, metric };
      best.set(key, {
        leader: ll.lagSteps >= 0 ? them : us,
        follower: ll.lagSteps >= 0 ? us : them,
        r: ll.r,
        lagMs: Math.abs(ll.lagSteps) * target.stepMs,
      });
    }
  }
  return [...best.values()].sort((a, b) => b.r - a.r).slice(0, RELATIONS_KEPT);
}

export function relationFinding(ctx: IntentContext, rel: Relation): Finding {
  return {
    serverId: rel.follower.serverId,
    metric: rel.follower.metric,
    kind: 'correlation',
    value: Math.round(rel.r * 100) / 100,
    threshold: null,
    level: 'info',
    relatedServerId: rel.leader.serverId,
    relatedMetric: rel.leader.metric,
    lagSeconds: rel.lagMs / 1000,
    message: ctx.say.correlation({
      leader: rel.leader.serverId,
      leaderMetric: rel.leader.metric,
      follower: rel.follower.serverId,
      followerMetric: rel.follower.metric,
      lagMs: rel.lagMs,
      r: rel.r,
    }),
  };
}
