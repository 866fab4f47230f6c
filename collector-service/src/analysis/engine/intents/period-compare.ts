/**
 * compare over time: a period against the one before it ("CPU this week compared with last week"),
 * averaged per server from the metrics store's range reads. A period the store holds too little of
 * is said to be missing, never filled in.
 */
import type { ComparisonPeriod } from '@openmanager/contract';
import type { MetricName } from '../../../domain/metrics';
import { mean, type Series } from '../../series';
import type { IntentContext, IntentHandler } from '../intent-context';
import { periodBounds } from '../time-scope';

const DEFAULT_METRICS: MetricName[] = ['cpu', 'memory', 'disk'];
/** Less of the previous period than this is not enough to speak of it. */
const MIN_COVERAGE = 0.5;

interface Span {
  fromMs: number;
  toMs: number;
}

function within(s: Series, span: Span): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.t.length; i++) if (s.t[i] >= span.fromMs && s.t[i] < span.toMs) out.push(s.v[i]);
  return out;
}

/** Share of `span` between the first and last points inside it (0 when none). */
function coverage(s: Series, span: Span, stepMs: number): number {
  const inside = s.t.filter((t) => t >= span.fromMs && t < span.toMs);
  if (inside.length === 0) return 0;
  return Math.min(1, (inside[inside.length - 1] - inside[0] + stepMs) / (span.toMs - span.fromMs));
}

function scopeText(ctx: IntentContext): string {
  const e = ctx.understanding.entities;
  return e.servers.length > 0 ? ctx.servers.map((r) => r.id).join(', ') : ctx.say.scope(e);
}

export const periodCompare: IntentHandler = async (ctx) => {
  const period: ComparisonPeriod = ctx.understanding.entities.period ?? 'week';
  const { current, previous } = periodBounds(period, ctx.time.toMs);
  const ids = ctx.servers.map((r) => r.id);
  const metrics = ctx.understanding.entities.metrics.length > 0 ? ctx.understanding.entities.metrics : DEFAULT_METRICS;
  const series = await ctx.data.series(ids, metrics, previous.fromMs, current.toMs);
  const lines: string[] = [];
  let evaluated = false;
  for (const metric of metrics) {
    const perServer = ids.flatMap((id) => {
      const s = series.get(id)?.get(metric);
      return s && s.t.length > 0 ? [{ id, s }] : [];
    });
    const stepMs = perServer.length > 0 && perServer[0].s.t.length > 1 ? perServer[0].s.t[1] - perServer[0].s.t[0] : 0;
    const compared = perServer.flatMap(({ id, s }) => {
      const before = within(s, previous);
      const now = within(s, current);
      if (now.length === 0 || coverage(s, previous, stepMs) < MIN_COVERAGE) return [];
      return [{ id, previous: mean(before), current: mean(now) }];
    });
    if (compared.length === 0) {
      const firsts = perServer.map(({ s }) => s.t[0]);
      lines.push(
        ctx.say.periodMissing({
          metric,
          period,
          haveSinceMs: firsts.length > 0 ? Math.min(...firsts) : null,
          nowMs: ctx.nowMs,
        })
      );
      continue;
    }
    evaluated = true;
    lines.push(
      ctx.say.periodCompare({
        metric,
        period,
        scope: scopeText(ctx),
        current: mean(compared.map((c) => c.current)),
        previous: mean(compared.map((c) => c.previous)),
      })
    );
    if (compared.length > 1) {
      const mover = compared.reduce((a, b) =>
        Math.abs(b.current - b.previous) > Math.abs(a.current - a.previous) ? b : a
      );
      lines.push(ctx.say.periodMover({ metric, period, server: mover.id, ...mover }));
    }
  }
  return { findings: [], lines, evaluated };
};
