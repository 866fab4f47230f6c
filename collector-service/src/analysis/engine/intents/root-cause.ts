/**
 * root_cause: what moves with a server's metric and what moved first. Only a state change — an
 * outage, a restart, a resource filling, a traffic jump — is offered as a probable cause; a cpu
 * or load rise, here or on a leading server, is a symptom and is named as such.
 */
import type { MetricName } from '../../../domain/metrics';
import type { ServerRecord } from '../../../domain/server-state';
import { thresholdBreaches } from '../../../domain/thresholds';
import { detectLevelShift } from '../../detectors/level-shift';
import type { Finding } from '../../findings';
import { capacityOutlooks, forecastFinding, trendFinding } from '../checks/capacity';
import { currentSamples } from '../checks/current-values';
import { relationFinding, relationsOf } from '../checks/relations';
import { outageFinding, outagesOf, readings, restartFinding, thresholdFindings } from '../checks/state';
import { workloadFindings, workloadState } from '../checks/workloads';
import type { IntentContext, IntentHandler, IntentResult } from '../intent-context';

const MAX_TARGETS = 3;
const SYMPTOM_METRICS: readonly MetricName[] = ['cpu', 'load'];

/** A traffic jump on a server (its own, or an upstream one that leads). */
async function trafficJumps(ctx: IntentContext, serverId: string): Promise<Finding[]> {
  const series = await ctx.data.series([serverId], ['network_in'], ctx.time.fromMs, ctx.time.toMs);
  const s = series.get(serverId)?.get('network_in');
  const shift = s ? detectLevelShift(s) : null;
  if (!shift || shift.after <= shift.before) return [];
  return [
    {
      serverId,
      metric: 'network_in',
      kind: 'anomaly',
      value: shift.after,
      threshold: null,
      level: 'warning',
      role: 'cause',
      event: 'traffic-jump',
      at: new Date(shift.sinceMs).toISOString(),
      message: ctx.say.levelShift({
        server: serverId,
        metric: 'network_in',
        before: shift.before,
        after: shift.after,
        sinceMs: shift.sinceMs,
        nowMs: ctx.nowMs,
      }),
    },
  ];
}

/** Named servers, else the unhealthy ones in scope. */
async function targetsOf(ctx: IntentContext): Promise<ServerRecord[]> {
  if (ctx.understanding.entities.servers.length > 0) return ctx.servers.slice(0, MAX_TARGETS);
  const [samples, outages] = await Promise.all([
    currentSamples(
      ctx,
      ctx.servers.map((r) => r.id)
    ),
    outagesOf(ctx, ctx.servers),
  ]);
  const down = new Set(outages.map((o) => o.serverId));
  const unhealthy = (r: ServerRecord) => {
    const sample = samples.get(r.id);
    return down.has(r.id) || (sample !== undefined && thresholdBreaches(sample, ctx.thresholds).length > 0);
  };
  return ctx.servers.filter(unhealthy).slice(0, MAX_TARGETS);
}

/** A silent server: the outage is the cause; its last sample is what is known of it. */
function explainOutage(ctx: IntentContext, outage: Finding, lines: string[]): Finding[] {
  lines.push(ctx.say.probableCause({ text: outage.message }));
  const last = ctx.time.live ? ctx.snapshot.latest.get(outage.serverId) : undefined;
  if (last)
    lines.push(
      ctx.say.lastKnown({
        server: outage.serverId,
        atMs: last.timestamp.getTime(),
        readings: readings(ctx, last),
        nowMs: ctx.nowMs,
      })
    );
  return [outage];
}

async function explainMetric(ctx: IntentContext, id: string, lines: string[]): Promise<Finding[]> {
  const [samples, outlooks, workloads] = await Promise.all([
    currentSamples(ctx, [id]),
    capacityOutlooks(ctx, [id]),
    workloadState(ctx, [id]),
  ]);
  const sample = samples.get(id);
  const breaches = sample ? thresholdBreaches(sample, ctx.thresholds) : [];
  const worst = breaches.find((b) => b.level === 'critical') ?? breaches[0];
  const running = await workloadFindings(ctx, workloads, id, breaches.length === 0);
  // Restarts told as a host metric's consequence make that metric the one to explain.
  const told = running.find((f) => f.relatedMetric !== undefined)?.relatedMetric;
  const metric: MetricName = ctx.understanding.entities.metrics[0] ?? worst?.metric ?? told ?? 'cpu';
  const findings: Finding[] = [];
  lines.push(ctx.say.rootCauseHeader({ server: id, metric, rangeMs: ctx.time.toMs - ctx.time.fromMs }));
  if (sample) {
    lines.push(ctx.say.serverStatus({ server: id, status: sample.status, readings: readings(ctx, sample) }));
    findings.push(...thresholdFindings(ctx, sample));
  }
  const relations = (await relationsOf(ctx, id, metric)) ?? [];
  const leaders = [
    ...new Set(relations.filter((r) => r.leader.serverId !== id && r.lagMs > 0).map((r) => r.leader.serverId)),
  ];
  const causes: Finding[] = [
    ...running.filter((f) => f.role === 'cause'),
    ...(sample ? [restartFinding(ctx, sample)] : []),
    ...outlooks.map((o) => trendFinding(ctx, o)),
    ...(await trafficJumps(ctx, id)),
    ...(await Promise.all(leaders.map((leader) => trafficJumps(ctx, leader)))).flat(),
  ].filter((f): f is Finding => f !== null);
  // When a filling resource runs out is a consequence to know, not a cause of its own.
  const fills = outlooks.map((o) => forecastFinding(ctx, o)).filter((f): f is Finding => f !== null);
  const related = relations.map((r) => relationFinding(ctx, r));
  const consequences = running.filter((f) => f.role !== 'cause');
  findings.push(...causes, ...consequences, ...fills, ...related);
  lines.push(
    ...causes.map((f) => ctx.say.probableCause({ text: f.message })),
    ...consequences.map((f) => f.message),
    ...fills.map((f) => f.message),
    ...related.map((f) => f.message)
  );
  if (related.length === 0) lines.push(ctx.say.noRelation({ server: id, metric }));
  if (SYMPTOM_METRICS.includes(metric)) lines.push(ctx.say.symptomNote({ metric, leader: leaders[0] ?? null }));
  if (causes.length === 0) lines.push(ctx.say.noStateChange());
  return findings;
}

export const rootCause: IntentHandler = async (ctx): Promise<IntentResult> => {
  const targets = await targetsOf(ctx);
  if (targets.length === 0)
    return { findings: [], lines: [ctx.say.fleetAllClear()], evaluated: ctx.servers.length > 0 };
  const outages = new Map((await outagesOf(ctx, targets)).map((o) => [o.serverId, outageFinding(ctx, o)]));
  const findings: Finding[] = [];
  const lines: string[] = [];
  for (const { id } of targets) {
    const outage = outages.get(id);
    findings.push(...(outage ? explainOutage(ctx, outage, lines) : await explainMetric(ctx, id, lines)));
  }
  return { findings, lines, evaluated: targets.some((t) => outages.has(t.id) || ctx.snapshot.latest.has(t.id)) };
};
