/** The alerting of a running service, assembled from the config: rules, sources, state store, Alertmanager, explanations. */
import path from 'node:path';
import type { Logger } from 'pino';
import type { AskService } from '../analysis';
import type { Config } from '../config';
import type { SeriesSource } from '../promql/eval/query-engine';
import type { SqlClient } from '../storage/sql-client';
import { Alerting } from './alerting';
import { AlertStore } from './alert-store';
import { AnomalyScoreSource } from './anomaly-score-series';
import { alertExplainer } from './explanation';
import { Notifier } from './notifier';
import { loadRuleFile } from './rule-file';

export { Alerting, type CurrentAlert } from './alerting';
export type { AlertEvent } from './alert-store';
export { RuleFileError } from './rule-file';

/** The shipped rules, from src/alerts or dist/alerts alike. */
export const DEFAULT_RULES_FILE = path.resolve(__dirname, '../../../provisioning/alerting/openmanager.rules.yml');

/** The fleet dashboard on the alert's server. */
export function fleetDashboardLink(grafanaUrl: string, labels: Record<string, string>): string {
  const url = new URL(`${grafanaUrl}/d/openmanager-fleet/openmanager-fleet`);
  if (labels.server) url.searchParams.set('var-server', labels.server);
  return url.toString();
}

export interface AlertingDeps {
  config: Config;
  /** The stored openmanager_* series. */
  stored: SeriesSource;
  sql: SqlClient;
  analysis: AskService;
  log: Logger;
  now: () => number;
}

export async function createAlerting({ config, stored, sql, analysis, log, now }: AlertingDeps): Promise<Alerting> {
  const a = config.alerts;
  const groups = await loadRuleFile(a.rulesFile ?? DEFAULT_RULES_FILE);
  return new Alerting({
    groups,
    source: stored,
    extraSources: [new AnomalyScoreSource(analysis.data, now)],
    store: new AlertStore(sql),
    notifier: new Notifier(a.alertmanagerUrls, log),
    explain: alertExplainer(analysis, a.language),
    intervalMs: a.evaluationIntervalMs,
    resendDelayMs: a.resendDelayMs,
    generatorUrl: (labels) => fleetDashboardLink(a.grafanaUrl, labels),
    log,
    now,
  });
}
