/**
 * Evaluates rule groups with Prometheus's semantics over a series source: each rule's expression
 * at the evaluation time, its alerts' states updated, ALERTS / ALERTS_FOR_STATE written. Pure of
 * delivery and persistence, so promtool's rule tests can drive it directly.
 */
import { QueryBudget } from '../limits';
import { evaluateInstant, type SeriesSource } from '../promql/eval/query-engine';
import type { Sample } from '../promql/eval/values';
import { alertSeriesSamples, RuleAlerts, type Alert } from './alert-state';
import { AlertSeries, CombinedSource } from './alert-series';
import type { AlertRule, RuleGroup } from './rule-file';

/** One rule's evaluation, as the rules API reports it. */
export interface RuleHealth {
  health: 'ok' | 'err' | 'unknown';
  lastError: string;
  lastEvaluationMs: number;
  evaluationSeconds: number;
}

export interface EvaluatedRule {
  rule: AlertRule;
  alerts: RuleAlerts;
  status: RuleHealth;
}

/** What changed in one evaluation, for history and delivery. */
export interface Transitions {
  fired: Array<{ rule: AlertRule; alert: Alert }>;
  resolved: Array<{ rule: AlertRule; alert: Alert }>;
}

const RULE_TIMEOUT_MS = 20_000;
/** Samples one rule may load or produce (Prometheus's query.max-samples default). */
const RULE_MAX_SAMPLES = 50_000_000;

export class RuleEvaluator {
  readonly groups: Array<{
    group: RuleGroup;
    rules: EvaluatedRule[];
    lastEvaluationMs: number;
    evaluationSeconds: number;
  }>;
  /** ALERTS and ALERTS_FOR_STATE as written so far. */
  readonly series: AlertSeries;
  /** The source rules read: the given one plus the alert series (rules may query ALERTS). */
  private readonly source: SeriesSource;

  constructor(groups: RuleGroup[], source: SeriesSource, series = new AlertSeries()) {
    this.series = series;
    this.source = new CombinedSource([source, series]);
    this.groups = groups.map((group) => ({
      group,
      rules: group.rules.map((rule) => ({
        rule,
        alerts: new RuleAlerts(rule),
        status: { health: 'unknown' as const, lastError: '', lastEvaluationMs: 0, evaluationSeconds: 0 },
      })),
      lastEvaluationMs: 0,
      evaluationSeconds: 0,
    }));
  }

  /**
   * Evaluates one group at `ts`; a failing rule is marked unhealthy and the others still run. Once
   * `signal` is aborted (shutdown), the rules' reads stop at their next check.
   */
  async evaluateGroup(index: number, ts: number, signal?: AbortSignal): Promise<Transitions> {
    const g = this.groups[index];
    const started = performance.now();
    const out: Transitions = { fired: [], resolved: [] };
    for (const r of g.rules) {
      const ruleStarted = performance.now();
      const before = new Map([...r.alerts.active].map(([k, a]) => [k, { state: a.state, resolvedAt: a.resolvedAt }]));
      try {
        const value = await evaluateInstant(this.source, r.rule.expr, ts, {
          budget: new QueryBudget({ timeoutMs: RULE_TIMEOUT_MS, maxSamples: RULE_MAX_SAMPLES }, { signal }),
        });
        const samples: Sample[] =
          value.type === 'vector' ? value.samples : value.type === 'scalar' ? [{ labels: {}, value: value.value }] : [];
        r.alerts.update(samples, ts, g.group.limit);
        r.status.health = 'ok';
        r.status.lastError = '';
      } catch (err) {
        r.status.health = 'err';
        r.status.lastError = (err as Error).message;
      }
      for (const a of r.alerts.active.values()) {
        const was = before.get(a.key);
        if (a.state === 'firing' && was?.state !== 'firing') out.fired.push({ rule: r.rule, alert: a });
        if (a.state === 'inactive' && was && was.state === 'firing') out.resolved.push({ rule: r.rule, alert: a });
      }
      this.series.append(`${g.group.name}\u0000${r.rule.name}`, alertSeriesSamples(r.alerts.current()), ts);
      r.status.lastEvaluationMs = ts;
      r.status.evaluationSeconds = (performance.now() - ruleStarted) / 1000;
    }
    g.lastEvaluationMs = ts;
    g.evaluationSeconds = (performance.now() - started) / 1000;
    return out;
  }

  /** Evaluates every group at `ts` (promtool's test loop: all groups at each step). */
  async evaluateAll(ts: number): Promise<void> {
    for (let i = 0; i < this.groups.length; i++) await this.evaluateGroup(i, ts);
  }

  /** Every pending or firing alert with its rule. */
  current(): Array<{ rule: AlertRule; alert: Alert }> {
    return this.groups.flatMap((g) =>
      g.rules.flatMap((r) => r.alerts.current().map((alert) => ({ rule: r.rule, alert })))
    );
  }
}
