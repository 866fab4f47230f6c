/** forecast: when memory or disk fills at its fitted rate — per named server, or the first to fill in the scope. */
import type { MetricName } from '../../../domain/metrics';
import { forecastHorizonHours } from '../../detectors/forecast';
import { DEFAULT_TREND_OPTIONS } from '../../detectors/trend';
import type { Finding } from '../../findings';
import { capacityOutlooks, forecastFinding, trendFinding, type CapacityOutlook } from '../checks/capacity';
import { currentSamples } from '../checks/current-values';
import { outageFinding, outagesOf, thresholdFindings } from '../checks/state';
import type { IntentContext, IntentHandler } from '../intent-context';

/** Resources a question may ask a forecast of; anything else asked falls back to these. */
const FORECASTABLE: readonly MetricName[] = ['disk', 'memory', 'cpu'];
const FILLING_STATED = 5;

function metricsAsked(ctx: IntentContext): MetricName[] {
  const asked = ctx.understanding.entities.metrics.filter((m) => FORECASTABLE.includes(m));
  if (asked.length > 0) return asked;
  return ctx.understanding.entities.servers.length > 0 ? ['disk', 'memory'] : ['disk'];
}

/** The sentence for one outlook, whatever its forecast came to. */
function outlookLine(ctx: IntentContext, o: CapacityOutlook): string {
  const f = o.forecast;
  const base = { server: o.serverId, metric: o.metric };
  switch (f.status) {
    case 'eta':
      return forecastFinding(ctx, o)!.message;
    case 'reached':
      return ctx.say.forecastReached({ ...base, current: f.current, target: f.target });
    case 'beyond-horizon':
      return ctx.say.forecastBeyond({
        ...base,
        current: f.current,
        ratePerHour: f.ratePerHour,
        horizonHours: f.horizonHours,
      });
    case 'not-rising':
      return ctx.say.forecastFlat({ ...base, current: o.trend.current, ratePerHour: f.ratePerHour });
    case 'insufficient':
      return ctx.say.notEnoughHistory({ ...base, haveMs: o.trend.historyMs, needMs: DEFAULT_TREND_OPTIONS.minSpanMs });
  }
}

/** Where a filling resource already stands against its thresholds: the severity should say so. */
async function thresholdsOf(
  ctx: IntentContext,
  filling: ReadonlyArray<Pick<Finding, 'serverId' | 'metric'>>
): Promise<Finding[]> {
  const samples = await currentSamples(ctx, [...new Set(filling.map((f) => f.serverId))]);
  return [...samples.values()].flatMap((s) =>
    thresholdFindings(ctx, s).filter((t) => filling.some((f) => f.serverId === t.serverId && f.metric === t.metric))
  );
}

export const forecast: IntentHandler = async (ctx) => {
  const metrics = metricsAsked(ctx);
  const ids = ctx.servers.map((r) => r.id);
  const [outlooks, outages] = await Promise.all([capacityOutlooks(ctx, ids, metrics), outagesOf(ctx, ctx.servers)]);
  const offline = new Set(outages.map((o) => o.serverId));
  const live = outlooks.filter((o) => !offline.has(o.serverId));
  const findings: Finding[] = [];
  const lines: string[] = [];
  const named = ctx.understanding.entities.servers.length > 0;

  if (named) {
    for (const o of outages) {
      const f = outageFinding(ctx, o);
      findings.push(f);
      lines.push(f.message);
    }
    for (const o of live) {
      lines.push(outlookLine(ctx, o));
      const trend = trendFinding(ctx, o);
      const fill = forecastFinding(ctx, o);
      if (trend && o.trend.risingCycles > 0) lines.push(trend.message);
      findings.push(...[trend, fill].filter((f): f is Finding => f !== null));
    }
    const breached = await thresholdsOf(
      ctx,
      live.map((o) => ({ serverId: o.serverId, metric: o.metric }))
    );
    findings.push(...breached);
    lines.push(...breached.map((f) => f.message));
  } else {
    const filling = live
      .map((o) => forecastFinding(ctx, o))
      .filter((f): f is Finding => f !== null)
      .sort((a, b) => a.etaHours! - b.etaHours!);
    const rising = live
      .map((o) => trendFinding(ctx, o))
      .filter(
        (f): f is Finding => f !== null && !filling.some((x) => x.serverId === f.serverId && x.metric === f.metric)
      );
    const breached = await thresholdsOf(ctx, filling);
    findings.push(...filling, ...rising, ...breached);
    if (filling.length > 0) {
      lines.push(
        ctx.say.forecastFirst({
          server: filling[0].serverId,
          metric: filling[0].metric!,
          etaHours: filling[0].etaHours!,
        })
      );
      lines.push(...filling.slice(0, FILLING_STATED).map((f) => f.message));
    } else {
      const horizon = Math.max(0, ...live.map((o) => forecastHorizonHours(o.trend)));
      lines.push(
        ctx.say.forecastNone({ metrics, horizonHours: horizon, servers: new Set(live.map((o) => o.serverId)).size })
      );
    }
    lines.push(...breached.map((f) => f.message), ...rising.map((f) => f.message));
  }
  return { findings, lines, evaluated: live.length > 0 || findings.length > 0 };
};
