/** metric_value: a named server's metrics now, or their statistics and trend over the question's range. */
import { metricValue as sampleValue, type MetricName } from '../../../domain/metrics';
import { fitLine } from '../../detectors/linear-fit';
import type { Finding } from '../../findings';
import { rangeStats } from '../../series';
import { CAPACITY_METRICS, capacityFindings, capacityOutlooks } from '../checks/capacity';
import { currentSamples } from '../checks/current-values';
import { outageFinding, outagesOf, readings, thresholdFindings } from '../checks/state';
import type { IntentContext, IntentHandler } from '../intent-context';
import { rankServers } from './top-usage';

const DEFAULT_METRICS: MetricName[] = ['cpu', 'memory', 'disk'];

async function overRange(ctx: IntentContext, ids: string[], metrics: MetricName[], lines: string[]): Promise<boolean> {
  const series = await ctx.data.series(ids, metrics, ctx.time.fromMs, ctx.time.toMs);
  let evaluated = false;
  for (const id of ids) {
    for (const metric of metrics) {
      const s = series.get(id)?.get(metric);
      const stats = s ? rangeStats(s) : null;
      if (!s || !stats) continue;
      evaluated = true;
      const fit = fitLine(s.t, s.v);
      lines.push(
        ctx.say.metricRange({
          server: id,
          metric,
          rangeMs: ctx.time.toMs - ctx.time.fromMs,
          stats,
          ratePerHour: fit ? fit.slopePerHour : null,
        })
      );
    }
  }
  return evaluated;
}

export const metricValue: IntentHandler = async (ctx) => {
  const asked = ctx.understanding.entities.metrics;
  if (ctx.servers.length === 0 || ctx.understanding.entities.servers.length === 0) {
    return rankServers(ctx, [ctx.say.metricNeedsServer({ metric: asked[0] ?? 'cpu' })]);
  }
  const ids = ctx.servers.map((r) => r.id);
  const metrics = asked.length > 0 ? asked : DEFAULT_METRICS;
  const outages = await outagesOf(ctx, ctx.servers);
  const findings: Finding[] = outages.map((o) => outageFinding(ctx, o));
  const lines = findings.map((f) => f.message);
  const samples = await currentSamples(ctx, ids);
  for (const sample of samples.values())
    findings.push(...thresholdFindings(ctx, sample).filter((f) => metrics.includes(f.metric!)));
  if (ctx.time.source === 'question') {
    const evaluated = await overRange(ctx, ids, metrics, lines);
    return { findings, lines, evaluated: evaluated || outages.length > 0 };
  }
  // A resource that keeps rising is part of "how is its memory": say so with the value.
  const capacity = (
    await capacityOutlooks(
      ctx,
      [...samples.keys()],
      CAPACITY_METRICS.filter((m) => metrics.includes(m))
    )
  ).flatMap((o) => capacityFindings(ctx, o));
  findings.push(...capacity);
  for (const sample of samples.values()) {
    const breaches = new Map(readings(ctx, sample).map((r) => [r.metric, r.breach]));
    for (const metric of metrics) {
      const value = sampleValue(sample, metric);
      if (value === null) continue;
      const warningAt =
        metric === 'cpu' || metric === 'memory' || metric === 'disk' ? ctx.thresholds[metric].warning : undefined;
      lines.push(
        ctx.say.metricNow({
          server: sample.serverId,
          metric,
          value,
          atMs: sample.timestamp.getTime(),
          nowMs: ctx.nowMs,
          breach: breaches.get(metric),
          warningAt,
        })
      );
    }
  }
  lines.push(...capacity.map((f) => f.message));
  return { findings, lines, evaluated: samples.size + outages.length > 0 };
};
