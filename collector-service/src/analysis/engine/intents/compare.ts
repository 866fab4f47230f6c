/** compare: two or more named servers side by side per metric, now or averaged over the question's range. */
import { metricValue as sampleValue, type MetricName } from '../../../domain/metrics';
import type { Finding } from '../../findings';
import { mean } from '../../series';
import { currentSamples } from '../checks/current-values';
import { outageFinding, outagesOf, thresholdFindings } from '../checks/state';
import type { IntentContext, IntentHandler } from '../intent-context';
import { periodCompare } from './period-compare';
import { serverHealth } from './server-health';

const DEFAULT_METRICS: MetricName[] = ['cpu', 'memory', 'disk'];

async function valuesOf(
  ctx: IntentContext,
  ids: string[],
  metric: MetricName,
  basis: 'now' | 'avg'
): Promise<Array<{ server: string; value: number }>> {
  if (basis === 'now') {
    const samples = await currentSamples(ctx, ids);
    return ids.flatMap((id) => {
      const v = samples.has(id) ? sampleValue(samples.get(id)!, metric) : null;
      return v === null ? [] : [{ server: id, value: v }];
    });
  }
  const series = await ctx.data.series(ids, [metric], ctx.time.fromMs, ctx.time.toMs);
  return ids.flatMap((id) => {
    const s = series.get(id)?.get(metric);
    return s && s.v.length > 0 ? [{ server: id, value: mean(s.v) }] : [];
  });
}

export const compare: IntentHandler = async (ctx) => {
  if (ctx.understanding.entities.period !== null) return periodCompare(ctx);
  if (ctx.servers.length < 2) {
    const single = ctx.servers.length === 1 ? await serverHealth(ctx) : { findings: [], lines: [], evaluated: false };
    return { ...single, lines: [ctx.say.compareNeedsTwo({ servers: ctx.servers.map((r) => r.id) }), ...single.lines] };
  }
  const ids = ctx.servers.map((r) => r.id);
  const metrics = ctx.understanding.entities.metrics.length > 0 ? ctx.understanding.entities.metrics : DEFAULT_METRICS;
  const basis = ctx.time.source === 'question' ? 'avg' : 'now';
  const rangeMs = ctx.time.toMs - ctx.time.fromMs;
  const outages = await outagesOf(ctx, ctx.servers);
  const findings: Finding[] = outages.map((o) => outageFinding(ctx, o));
  const lines = findings.map((f) => f.message);
  let evaluated = outages.length > 0;
  for (const metric of metrics) {
    const entries = await valuesOf(ctx, ids, metric, basis);
    if (entries.length === 0) continue;
    evaluated = true;
    lines.push(ctx.say.compareLine({ metric, entries, basis, rangeMs }));
    if (entries.length >= 2) {
      const sorted = [...entries].sort((a, b) => b.value - a.value);
      const [higher, lower] = [sorted[0], sorted[sorted.length - 1]];
      if (higher.value !== lower.value)
        lines.push(
          ctx.say.compareVerdict({
            metric,
            higher: higher.server,
            lower: lower.server,
            difference: higher.value - lower.value,
          })
        );
    }
  }
  for (const sample of (await currentSamples(ctx, ids)).values()) {
    findings.push(...thresholdFindings(ctx, sample).filter((f) => metrics.includes(f.metric!)));
  }
  return { findings, lines, evaluated };
};
