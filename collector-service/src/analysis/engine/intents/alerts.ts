/**
 * alerts: what the alert rules say. Without a time range, the alerts firing and pending now in the
 * question's scope; with one ("last night", "지난 3시간"), how many fired in it and which.
 */
import { METRIC_NAMES, type MetricName } from '../../../domain/metrics';
import type { Finding } from '../../findings';
import type { IntentHandler, IntentResult } from '../intent-context';

const MAX_LINES = 20;

const metricOf = (m: string | null): MetricName | null =>
  m !== null && (METRIC_NAMES as readonly string[]).includes(m) ? (m as MetricName) : null;

export const alerts: IntentHandler = async (ctx): Promise<IntentResult> => {
  const feed = ctx.alerts;
  if (!feed) return { findings: [], lines: [ctx.say.alertsUnavailable()], evaluated: false };
  const inScope = new Set(ctx.servers.map((s) => s.id));
  const scoped = ctx.servers.length < ctx.snapshot.records.length;
  const keep = (server: string | null) => !scoped || (server !== null && inScope.has(server));

  if (ctx.time.source === 'question') {
    const events = (await feed.alertHistory(ctx.time.fromMs, ctx.time.toMs)).filter((e) => keep(e.server));
    const lines = [
      ctx.say.alertsHistory({ count: events.length, fromMs: ctx.time.fromMs, toMs: ctx.time.toMs, nowMs: ctx.nowMs }),
    ];
    for (const e of events.slice(0, MAX_LINES)) {
      lines.push(
        ctx.say.alertsHistoryLine({
          name: e.name,
          server: e.server,
          severity: e.severity,
          firedAtMs: e.firedAtMs,
          resolvedAtMs: e.resolvedAtMs,
          nowMs: ctx.nowMs,
        })
      );
    }
    if (events.length > MAX_LINES)
      lines.push(ctx.say.leftOut({ servers: [...new Set(events.slice(MAX_LINES).map((e) => e.server ?? e.name))] }));
    return { findings: [], lines, evaluated: true };
  }

  const current = feed.currentAlerts().filter((a) => keep(a.server));
  if (current.length === 0)
    return { findings: [], lines: [ctx.say.alertsNone({ servers: ctx.servers.length })], evaluated: true };
  const firing = current.filter((a) => a.state === 'firing');
  const lines = [ctx.say.alertsNow({ firing: firing.length, pending: current.length - firing.length })];
  const findings: Finding[] = [];
  for (const a of current.slice(0, MAX_LINES)) {
    const line = ctx.say.alertLine({
      name: a.name,
      server: a.server,
      severity: a.severity,
      state: a.state,
      sinceMs: a.activeAtMs,
      nowMs: ctx.nowMs,
      summary: a.summary,
    });
    lines.push(line);
    if (a.state === 'firing' && a.server) {
      findings.push({
        serverId: a.server,
        metric: metricOf(a.metric),
        kind: a.metric === null ? 'offline' : 'threshold',
        value: null,
        threshold: null,
        message: line.replace(/^- /, ''),
        level: a.severity === 'critical' ? 'critical' : 'warning',
        at: new Date(a.activeAtMs).toISOString(),
      });
    }
  }
  return { findings, lines, evaluated: true };
};
