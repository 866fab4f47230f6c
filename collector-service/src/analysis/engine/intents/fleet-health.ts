/** fleet_health: counts by status in the scope, the servers that are not healthy and why, and what fills within 24 h. */
import { metricValue } from '../../answer/format';
import type { ServerStatus } from '../../../domain/metrics';
import { statusFromThresholds } from '../../../domain/thresholds';
import type { Finding } from '../../findings';
import { capacityFindings, capacityOutlooks } from '../checks/capacity';
import { currentSamples } from '../checks/current-values';
import { outageFinding, outagesOf, readings, thresholdFindings } from '../checks/state';
import type { IntentHandler } from '../intent-context';

/** Capacity warnings stated in a fleet summary (soonest first); the findings keep them all. */
const CAPACITY_STATED = 3;

export const fleetHealth: IntentHandler = async (ctx) => {
  const ids = ctx.servers.map((r) => r.id);
  const [samples, outages, outlooks] = await Promise.all([
    currentSamples(ctx, ids),
    outagesOf(ctx, ctx.servers),
    capacityOutlooks(ctx, ids),
  ]);
  const offline = new Set(outages.map((o) => o.serverId));
  const counts: Record<ServerStatus, number> = { online: 0, warning: 0, critical: 0, offline: 0 };
  const groups: Record<'critical' | 'warning', string[]> = { critical: [], warning: [] };
  const findings: Finding[] = outages.map((o) => outageFinding(ctx, o));
  for (const id of ids) {
    if (offline.has(id)) {
      counts.offline++;
      continue;
    }
    const sample = samples.get(id);
    if (!sample) continue;
    const status = statusFromThresholds(sample, ctx.thresholds);
    counts[status]++;
    findings.push(...thresholdFindings(ctx, sample));
    if (status === 'critical' || status === 'warning') {
      const breached = readings(ctx, sample).filter((r) => r.breach);
      groups[status].push(
        `${id} (${breached.map((r) => `${ctx.say.metric(r.metric)} ${metricValue(r.metric, r.value)}`).join(', ')})`
      );
    }
  }
  const capacity = outlooks
    .flatMap((o) => capacityFindings(ctx, o))
    .filter((f) => !offline.has(f.serverId))
    .sort((a, b) => (a.etaHours ?? Infinity) - (b.etaHours ?? Infinity));
  findings.push(...capacity);

  const lines = [ctx.say.fleetCounts({ scope: ctx.understanding.entities, total: ids.length, counts })];
  if (groups.critical.length > 0) lines.push(ctx.say.fleetGroup({ status: 'critical', entries: groups.critical }));
  if (groups.warning.length > 0) lines.push(ctx.say.fleetGroup({ status: 'warning', entries: groups.warning }));
  lines.push(...findings.filter((f) => f.kind === 'offline').map((f) => f.message));
  // One sentence per server: a forecast says more than the trend behind it.
  const stated = new Set<string>();
  for (const f of capacity) {
    if (stated.size >= CAPACITY_STATED || stated.has(f.serverId + f.metric)) continue;
    stated.add(f.serverId + f.metric);
    lines.push(f.message);
  }
  if (findings.length === 0) lines.push(ctx.say.fleetAllClear());
  return { findings, lines, evaluated: samples.size + outages.length > 0 };
};
