/** server_health: each named server's state, current values against thresholds, outages, restarts, filling resources and recent anomalies. */
import { METRIC_NAMES, type ServerStatus } from '../../../domain/metrics';
import { statusFromThresholds, worstStatus } from '../../../domain/thresholds';
import { byLevel, type Finding } from '../../findings';
import { anomalyEpisodes, anomalyFinding } from '../checks/anomalies';
import { breachEpisodes, breachFinding } from '../checks/breach-episodes';
import { capacityFindings, capacityOutlooks } from '../checks/capacity';
import { currentSamples } from '../checks/current-values';
import { outageFinding, outagesOf, readings, restartFinding, thresholdFindings } from '../checks/state';
import { workloadFindings, workloadState } from '../checks/workloads';
import type { IntentHandler } from '../intent-context';

/** Anomaly episodes stated per server; the findings keep them all. */
const ANOMALIES_STATED = 3;

export const serverHealth: IntentHandler = async (ctx) => {
  const ids = ctx.servers.map((r) => r.id);
  const [samples, outages, outlooks, episodes, crossings, workloads] = await Promise.all([
    currentSamples(ctx, ids),
    outagesOf(ctx, ctx.servers),
    capacityOutlooks(ctx, ids),
    anomalyEpisodes(ctx, ids, METRIC_NAMES, ctx.time.fromMs, ctx.time.toMs),
    breachEpisodes(ctx, ids),
    workloadState(ctx, ids),
  ]);
  const findings: Finding[] = [];
  const lines: string[] = [];
  let evaluated = false;
  for (const id of ids) {
    const outage = outages.find((o) => o.serverId === id);
    if (outage) {
      const f = outageFinding(ctx, outage);
      findings.push(f);
      lines.push(f.message);
      const last = ctx.time.live ? ctx.snapshot.latest.get(id) : undefined;
      if (last)
        lines.push(
          ctx.say.lastKnown({
            server: id,
            atMs: last.timestamp.getTime(),
            readings: readings(ctx, last),
            nowMs: ctx.nowMs,
          })
        );
      evaluated = true;
      continue;
    }
    const sample = samples.get(id);
    if (!sample) {
      lines.push(ctx.say.noData({ server: id }));
      continue;
    }
    evaluated = true;
    const restart = restartFinding(ctx, sample);
    const breachedNow = new Set(thresholdFindings(ctx, sample).map((f) => f.metric));
    const others: Finding[] = [
      ...(await workloadFindings(ctx, workloads, id, breachedNow.size === 0)),
      ...(restart ? [restart] : []),
      ...crossings
        .filter((e) => e.serverId === id && !e.persistent && !breachedNow.has(e.metric))
        .map((e) => breachFinding(ctx, e)),
      ...outlooks.filter((o) => o.serverId === id).flatMap((o) => capacityFindings(ctx, o)),
      ...(episodes ?? []).filter((e) => e.serverId === id).map((e) => anomalyFinding(ctx, e)),
    ].sort(byLevel);
    let status: ServerStatus = statusFromThresholds(sample, ctx.thresholds);
    for (const f of others) if (f.level !== 'info') status = worstStatus(status, f.level);
    findings.push(...thresholdFindings(ctx, sample), ...others);
    lines.push(ctx.say.serverStatus({ server: id, status, readings: readings(ctx, sample) }));
    const stated = others.filter((f) => f.kind !== 'anomaly' || f.metric === null);
    stated.push(...others.filter((f) => f.kind === 'anomaly' && f.metric !== null).slice(0, ANOMALIES_STATED));
    lines.push(...stated.map((f) => f.message));
    if (others.length === 0 && status === 'online')
      lines.push(ctx.say.serverQuiet({ rangeMs: ctx.time.toMs - ctx.time.fromMs }));
  }
  return { findings, lines, evaluated };
};
