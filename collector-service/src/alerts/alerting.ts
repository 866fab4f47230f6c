/**
 * The service's alerting: rule groups evaluated on their schedules, alerts explained by the
 * analysis, sent to Alertmanager as Prometheus sends them (resent while firing, `endsAt` four
 * resend periods ahead, resolutions with their time), state saved after each evaluation and
 * restored at start so a restart neither re-pages nor delays.
 */
import type { Logger } from 'pino';
import type { AlertFeed, FeedAlert, FeedEvent } from '../analysis';
import type { SeriesSource } from '../promql/eval/query-engine';
import type { Alert } from './alert-state';
import type { AlertEvent, AlertStore } from './alert-store';
import type { Explain } from './explanation';
import type { Notifier, NotifierStats, PostableAlert } from './notifier';
import type { AlertRule, RuleGroup } from './rule-file';
import { CombinedSource } from './alert-series';
import { RuleEvaluator } from './rule-evaluator';

export interface AlertingOptions {
  groups: RuleGroup[];
  /** The stored series rules read. */
  source: SeriesSource;
  /** Series computed by the service (anomaly scores), read by rules and by /prometheus queries. */
  extraSources: SeriesSource[];
  store: AlertStore;
  notifier: Notifier;
  explain: Explain;
  intervalMs: number;
  resendDelayMs: number;
  /** Link an alert opens: the fleet dashboard on its server. */
  generatorUrl: (labels: Record<string, string>) => string;
  log: Logger;
  now: () => number;
}

/** Saved state older than this is not restored (Prometheus's rules.alert.for-outage-tolerance). */
export const OUTAGE_TOLERANCE_MS = 3_600_000;
/** An explanation is rewritten at most this often while its alert lasts. */
const EXPLANATION_REFRESH_MS = 5 * 60_000;
/** Explanations written per group evaluation; the rest wait for the next one. */
const MAX_EXPLANATIONS_PER_EVALUATION = 20;

export interface CurrentAlert {
  group: string;
  rule: AlertRule;
  alert: Alert;
}

export class Alerting implements AlertFeed {
  readonly evaluator: RuleEvaluator;
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<number>();
  private inFlight = new Set<Promise<void>>();
  private readonly stopping = new AbortController();
  private readonly explanations = new Map<string, { text: string; atMs: number }>();

  constructor(private readonly o: AlertingOptions) {
    this.evaluator = new RuleEvaluator(o.groups, new CombinedSource([o.source, ...o.extraSources]));
  }

  /** Series the alerting adds to queries: its ALERTS / ALERTS_FOR_STATE and the anomaly scores its rules read. */
  derivedSources(): SeriesSource[] {
    return [this.evaluator.series, ...this.o.extraSources];
  }

  get intervalMs(): number {
    return this.o.intervalMs;
  }

  /** Alerts sent, failed and dropped so far (per Alertmanager, summed). */
  get delivery(): NotifierStats {
    return { ...this.o.notifier.stats };
  }

  get alertmanagers(): number {
    return this.o.notifier.targetCount;
  }

  generatorUrl(labels: Record<string, string>): string {
    return this.o.generatorUrl(labels);
  }

  get ruleCount(): number {
    return this.o.groups.reduce((n, g) => n + g.rules.length, 0);
  }

  /** Restores saved alerts into their rules (unknown rules' state is dropped). */
  async restore(): Promise<number> {
    const saved = await this.o.store.load(this.o.now(), OUTAGE_TOLERANCE_MS);
    let restored = 0;
    for (const s of saved) {
      const rule = this.evaluator.groups
        .find((g) => g.group.name === s.group)
        ?.rules.find((r) => r.rule.name === s.rule);
      if (!rule) continue;
      const { group: _g, rule: _r, savedAt: _s, ...alert } = s;
      rule.alerts.active.set(alert.key, alert);
      if (alert.annotations.description)
        this.explanations.set(this.explanationKey(s.group, rule.rule, alert), {
          text: alert.annotations.description,
          atMs: s.savedAt,
        });
      restored++;
    }
    return restored;
  }

  start(): void {
    this.evaluator.groups.forEach((g, i) => {
      const every = g.group.intervalMs ?? this.o.intervalMs;
      this.timers.push(setInterval(() => this.tick(i), every));
      this.tick(i);
    });
  }

  private tick(index: number): void {
    if (this.running.has(index)) return;
    this.running.add(index);
    const run = this.evaluateGroup(index, this.o.now())
      .catch((err: Error) =>
        this.o.log.error({ err: err.message, group: this.o.groups[index].name }, 'alert evaluation failed')
      )
      .finally(() => {
        this.running.delete(index);
        this.inFlight.delete(run);
      });
    this.inFlight.add(run);
  }

  /** One evaluation of one group: states, history, explanations, delivery, saved state. */
  async evaluateGroup(index: number, ts: number): Promise<void> {
    const g = this.evaluator.groups[index];
    const { fired, resolved } = await this.evaluator.evaluateGroup(index, ts, this.stopping.signal);
    await this.explainAll(
      g.group.name,
      g.rules.flatMap((r) => [...r.alerts.active.values()].map((alert) => ({ rule: r.rule, alert }))),
      ts
    );
    const intervalMs = g.group.intervalMs ?? this.o.intervalMs;
    const due = g.rules.flatMap((r) => r.alerts.due(ts, this.o.resendDelayMs, intervalMs));
    if (this.o.notifier.enabled) this.o.notifier.send(due.map((a) => this.postable(a)));
    await Promise.all([
      ...fired.map((f) => this.o.store.recordFired(f.rule.name, f.alert)),
      ...resolved.map((r) => this.o.store.recordResolved(r.rule.name, r.alert)),
    ]);
    await this.o.store.save(
      g.group.name,
      g.rules.flatMap((r) => [...r.alerts.active.values()].map((a) => ({ ...a, rule: r.rule.name }))),
      ts
    );
    await this.o.store.prune(ts);
  }

  private explanationKey(group: string, rule: AlertRule, alert: Alert): string {
    return `${group}\u0000${rule.name}\u0000${alert.key}`;
  }

  /** Puts each alert's explanation in its `description`, writing missing and stale ones (a bounded number per run). */
  private async explainAll(group: string, alerts: Array<{ rule: AlertRule; alert: Alert }>, ts: number): Promise<void> {
    const live = new Set(alerts.map(({ rule, alert }) => this.explanationKey(group, rule, alert)));
    for (const key of this.explanations.keys())
      if (key.startsWith(`${group}\u0000`) && !live.has(key)) this.explanations.delete(key);
    let written = 0;
    for (const { rule, alert } of alerts) {
      const key = this.explanationKey(group, rule, alert);
      const known = this.explanations.get(key);
      const stale = !known || (alert.state !== 'inactive' && ts - known.atMs >= EXPLANATION_REFRESH_MS);
      if (stale && written < MAX_EXPLANATIONS_PER_EVALUATION && !this.stopping.signal.aborted) {
        written++;
        try {
          const text = await this.o.explain(alert.labels);
          if (text !== null) this.explanations.set(key, { text, atMs: ts });
        } catch (err) {
          this.o.log.warn({ err: (err as Error).message, alertname: rule.name }, 'explaining an alert failed');
        }
      }
      const text = this.explanations.get(key)?.text;
      if (text !== undefined) alert.annotations = { ...alert.annotations, description: text };
    }
  }

  private postable(a: Alert): PostableAlert {
    return {
      labels: { ...a.labels },
      annotations: a.annotations,
      startsAt: new Date(a.firedAt).toISOString(),
      endsAt: new Date(a.resolvedAt > 0 && a.state === 'inactive' ? a.resolvedAt : a.validUntil).toISOString(),
      generatorURL: this.generatorUrl(a.labels),
    };
  }

  /** Pending and firing alerts, worst first. */
  current(): CurrentAlert[] {
    const out: CurrentAlert[] = [];
    for (const g of this.evaluator.groups)
      for (const r of g.rules)
        for (const alert of r.alerts.current()) out.push({ group: g.group.name, rule: r.rule, alert });
    const rank = (c: CurrentAlert) =>
      (c.alert.state === 'firing' ? 0 : 1) * 10 + (c.alert.labels.severity === 'critical' ? 0 : 1);
    return out.sort((a, b) => rank(a) - rank(b) || a.alert.activeAt - b.alert.activeAt);
  }

  history(fromMs: number, toMs: number): Promise<AlertEvent[]> {
    return this.o.store.history(fromMs, toMs);
  }

  currentAlerts(): FeedAlert[] {
    return this.current().map(({ rule, alert }) => ({
      name: rule.name,
      server: alert.labels.server ?? null,
      severity: alert.labels.severity ?? null,
      metric: alert.labels.metric ?? null,
      state: alert.state === 'firing' ? 'firing' : 'pending',
      activeAtMs: alert.activeAt,
      summary: alert.annotations.summary ?? '',
    }));
  }

  async alertHistory(fromMs: number, toMs: number): Promise<FeedEvent[]> {
    return (await this.history(fromMs, toMs)).map((e) => ({
      name: e.rule,
      server: e.serverId,
      severity: e.severity,
      firedAtMs: e.firedAt,
      resolvedAtMs: e.resolvedAt,
    }));
  }

  /**
   * Stops the schedules, cuts running evaluations short (their reads stop, no new explanations are
   * written: at 10,000 servers one evaluation of the hours-long rules and their explanations takes
   * minutes), waits for them to save what they have, then for queued sends.
   */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.timers.forEach(clearInterval);
    this.timers = [];
    await Promise.all([...this.inFlight]);
    await this.o.notifier.flush();
  }
}
