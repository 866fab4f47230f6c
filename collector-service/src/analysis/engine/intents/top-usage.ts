/** top_usage: servers ranked by a metric, now or averaged over the range the question gives. */
import { metricValue as sampleValue, type MetricName } from '../../../domain/metrics';
import type { MetricReading } from '../../answer/catalog';
import type { Finding } from '../../findings';
import { mean } from '../../series';
import { currentSamples } from '../checks/current-values';
import { thresholdFindings } from '../checks/state';
import type { IntentContext, IntentHandler, IntentResult } from '../intent-context';

export const DEFAULT_LIMIT = 5;
/** Metrics ranked for one question, at most. */
const MAX_METRICS = 3;

interface Ranked {
  server: string;
  value: number;
}

async function rank(
  ctx: IntentContext,
  metric: MetricName,
  basis: 'now' | 'avg'
): Promise<{ ranked: Ranked[]; missing: string[] }> {
  const ids = ctx.servers.map((r) => r.id);
  const values = new Map<string, number>();
  if (basis === 'now') {
    for (const [id, sample] of await currentSamples(ctx, ids)) {
      const v = sampleValue(sample, metric);
      if (v !== null) values.set(id, v);
    }
  } else {
    const series = await ctx.data.series(ids, [metric], ctx.time.fromMs, ctx.time.toMs);
    for (const id of ids) {
      const s = series.get(id)?.get(metric);
      if (s && s.v.length > 0) values.set(id, mean(s.v));
    }
  }
  const sign = ctx.understanding.order === 'asc' ? 1 : -1;
  const ranked = [...values]
    .map(([server, value]) => ({ server, value }))
    .sort((a, b) => sign * (a.value - b.value) || a.server.localeCompare(b.server));
  return { ranked, missing: ids.filter((id) => !values.has(id)) };
}

function breachOf(ctx: IntentContext, metric: MetricName, value: number): MetricReading['breach'] | undefined {
  if (metric !== 'cpu' && metric !== 'memory' && metric !== 'disk') return undefined;
  const { warning, critical } = ctx.thresholds[metric];
  if (value >= critical) return { level: 'critical', threshold: critical };
  if (value >= warning) return { level: 'warning', threshold: warning };
  return undefined;
}

/** Ranks by the metrics asked (cpu when none); also used when a metric is asked without a server. */
export async function rankServers(ctx: IntentContext, lines: string[] = []): Promise<IntentResult> {
  const metrics = (
    ctx.understanding.entities.metrics.length > 0 ? ctx.understanding.entities.metrics : (['cpu'] as MetricName[])
  ).slice(0, MAX_METRICS);
  const limit = ctx.understanding.entities.limit ?? DEFAULT_LIMIT;
  const basis = ctx.time.source === 'question' ? 'avg' : 'now';
  const findings: Finding[] = [];
  let evaluated = false;
  const leftOut = new Set<string>();
  for (const metric of metrics) {
    const { ranked, missing } = await rank(ctx, metric, basis);
    missing.forEach((id) => leftOut.add(id));
    if (ranked.length === 0) continue;
    evaluated = true;
    const top = ranked.slice(0, limit);
    lines.push(
      ctx.say.topHeader({
        metric,
        count: top.length,
        basis,
        rangeMs: ctx.time.toMs - ctx.time.fromMs,
        order: ctx.understanding.order,
      })
    );
    top.forEach((r, i) =>
      lines.push(
        ctx.say.topEntry({
          rank: i + 1,
          server: r.server,
          metric,
          value: r.value,
          breach: breachOf(ctx, metric, r.value),
        })
      )
    );
    if (basis === 'now') {
      const samples = await currentSamples(
        ctx,
        top.map((r) => r.server)
      );
      for (const sample of samples.values())
        findings.push(...thresholdFindings(ctx, sample).filter((f) => f.metric === metric));
    }
  }
  if (leftOut.size > 0) lines.push(ctx.say.leftOut({ servers: [...leftOut] }));
  return { findings, lines, evaluated };
}

export const topUsage: IntentHandler = (ctx) => rankServers(ctx);
