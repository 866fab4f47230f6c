/** Alerts and rules in the shapes clients read: Prometheus's /api/v1/rules and /api/v1/alerts, and OpenManager's /api/alerts. */
import { z } from 'zod';
import { sortedLabels } from '../promql/labels';
import type { Alert } from './alert-state';
import type { Alerting } from './alerting';
import { formatDuration } from '../promql/parse/literals';

const iso = (ms: number) => new Date(ms).toISOString();

/** Go's strconv.FormatFloat(v, 'e', -1, 64), which Prometheus's alerts API prints values with. */
export function goFormatE(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  return v.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
}

function prometheusAlert(a: Alert) {
  return {
    labels: sortedLabels(a.labels),
    annotations: sortedLabels(a.annotations),
    state: a.state,
    activeAt: iso(a.activeAt),
    ...(a.keepFiringSince > 0 && { keepFiringSince: iso(a.keepFiringSince) }),
    value: goFormatE(a.value),
  };
}

export interface RulesFilter {
  type?: string;
  ruleNames: string[];
  groupNames: string[];
  files: string[];
}

/** `/api/v1/rules`: groups with their alerting rules, states and alerts (recording rules: none). */
export function rulesAnswer(alerting: Alerting, f: RulesFilter) {
  const keep = (list: string[], v: string) => list.length === 0 || list.includes(v);
  const groups = f.type === 'record' ? [] : alerting.evaluator.groups;
  return {
    groups: groups
      .filter((g) => keep(f.groupNames, g.group.name) && keep(f.files, g.group.file))
      .map((g) => ({
        name: g.group.name,
        file: g.group.file,
        rules: g.rules
          .filter((r) => keep(f.ruleNames, r.rule.name))
          .map((r) => ({
            state: r.alerts.state(),
            name: r.rule.name,
            query: r.rule.query,
            duration: r.rule.forMs / 1000,
            keepFiringFor: r.rule.keepFiringForMs / 1000,
            labels: sortedLabels(r.rule.labels),
            annotations: sortedLabels(r.rule.annotationSources),
            alerts: r.alerts.current().map(prometheusAlert),
            health: r.status.health,
            ...(r.status.lastError && { lastError: r.status.lastError }),
            evaluationTime: r.status.evaluationSeconds,
            lastEvaluation: r.status.lastEvaluationMs > 0 ? iso(r.status.lastEvaluationMs) : '0001-01-01T00:00:00Z',
            type: 'alerting' as const,
          })),
        interval: (g.group.intervalMs ?? alerting.intervalMs) / 1000,
        limit: g.group.limit,
        evaluationTime: g.evaluationSeconds,
        lastEvaluation: g.lastEvaluationMs > 0 ? iso(g.lastEvaluationMs) : '0001-01-01T00:00:00Z',
      }))
      .filter((g) => f.ruleNames.length === 0 || g.rules.length > 0),
  };
}

/** `/api/v1/alerts`: every pending and firing alert. */
export function alertsAnswer(alerting: Alerting) {
  return { alerts: alerting.current().map((c) => prometheusAlert(c.alert)) };
}

/** One alert of `GET /api/alerts`. */
export const apiAlertSchema = z.object({
  name: z.string(),
  group: z.string(),
  state: z.enum(['pending', 'firing']),
  server: z.string().nullable(),
  severity: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  summary: z.string(),
  /** The analysis engine's explanation, in ALERT_LANGUAGE (null until written). */
  description: z.string().nullable(),
  value: z.number().nullable(),
  activeAt: z.string(),
  firedAt: z.string().nullable(),
  for: z.string(),
  generatorURL: z.string(),
});
export type ApiAlert = z.infer<typeof apiAlertSchema>;

export function apiAlerts(alerting: Alerting): {
  alerts: ApiAlert[];
  evaluationIntervalMs: number;
  alertmanagers: number;
} {
  return {
    alerts: alerting.current().map(({ group, rule, alert }) => ({
      name: rule.name,
      group,
      state: alert.state === 'firing' ? 'firing' : 'pending',
      server: alert.labels.server ?? null,
      severity: alert.labels.severity ?? null,
      labels: sortedLabels(alert.labels),
      summary: alert.annotations.summary ?? '',
      description: alert.annotations.description ?? null,
      value: Number.isFinite(alert.value) ? alert.value : null,
      activeAt: iso(alert.activeAt),
      firedAt: alert.firedAt > 0 ? iso(alert.firedAt) : null,
      for: formatDuration(rule.forMs),
      generatorURL: alerting.generatorUrl(alert.labels),
    })),
    evaluationIntervalMs: alerting.intervalMs,
    alertmanagers: alerting.alertmanagers,
  };
}
