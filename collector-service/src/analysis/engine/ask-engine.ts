/** Understanding → the intent's analysis → findings, severity and the answer in the question's language. */
import type { ServerRecord } from '../../domain/server-state';
import { inScope, matchServerId } from '../../domain/server-scope';
import type { Thresholds } from '../../domain/thresholds';
import type { SeriesReader } from '../../storage/series/series-reader';
import type { AskAnswer } from '@openmanager/contract';
import type { Catalog } from '../answer/catalog';
import { EN } from '../answer/catalog-en';
import { KO } from '../answer/catalog-ko';
import { byLevel, severityOf, type Finding } from '../findings';
import type { Entities, Intent, Understanding } from '../nlu';
import type { AnalysisData } from './analysis-data';
import type { IntentContext, IntentHandler, IntentResult } from './intent-context';
import type { AlertFeed } from './alert-feed';
import { alerts } from './intents/alerts';
import { anomalies } from './intents/anomalies';
import { availability } from './intents/availability';
import { compare } from './intents/compare';
import { fleetHealth } from './intents/fleet-health';
import { forecast } from './intents/forecast';
import { metricValue } from './intents/metric-value';
import { rootCause } from './intents/root-cause';
import { serverHealth } from './intents/server-health';
import { topUsage } from './intents/top-usage';
import { understoodPhrase, unknown } from './intents/unknown';
import { resolveTimeScope, type DashboardRange } from './time-scope';

const HANDLERS: Record<Intent, IntentHandler> = {
  server_health: serverHealth,
  fleet_health: fleetHealth,
  top_usage: topUsage,
  anomalies,
  forecast,
  root_cause: rootCause,
  compare,
  availability,
  metric_value: metricValue,
  alerts,
  unknown,
};

/** Intents about particular servers: when the names given are all unknown, saying so beats a fleet-wide answer. */
const NEEDS_SERVERS: ReadonlySet<Intent> = new Set(['server_health', 'compare', 'metric_value', 'root_cause']);

export interface EngineDeps {
  data: AnalysisData;
  thresholds: Thresholds;
  anomalyThreshold: number;
  now: () => number;
  alerts?: AlertFeed;
  series?: SeriesReader;
}

export const catalogFor = (language: 'ko' | 'en'): Catalog => (language === 'ko' ? KO : EN);

/** The servers a question is about: those named, else those matching its provider/region/role, else all. */
export function selectServers(records: readonly ServerRecord[], e: Entities): ServerRecord[] {
  if (e.servers.length > 0)
    return e.servers.flatMap((id) => {
      const matches = matchServerId(records, id);
      return matches.length === 1 ? matches : [];
    });
  return records.filter((r) => inScope(r, e));
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Findings carry computed values to two decimals (the messages print fewer). */
function roundNumbers(f: Finding): Finding {
  const out = {
    ...f,
    value: f.value === null ? null : round2(f.value),
    threshold: f.threshold === null ? null : round2(f.threshold),
  };
  if (f.ratePerHour !== undefined) out.ratePerHour = round2(f.ratePerHour);
  if (f.etaHours !== undefined) out.etaHours = round2(f.etaHours);
  return out;
}

export async function analyze(u: Understanding, dashboard: DashboardRange, deps: EngineDeps): Promise<AskAnswer> {
  const snapshot = await deps.data.snapshot();
  const nowMs = deps.now();
  const say = catalogFor(u.language);
  const time = resolveTimeScope(
    u.intent,
    u.entities.rangeMinutes,
    dashboard,
    nowMs,
    deps.data.collectIntervalMs,
    u.intent === 'compare' ? u.entities.period : null
  );
  const ctx: IntentContext = {
    understanding: u,
    say,
    data: deps.data,
    snapshot,
    servers: selectServers(snapshot.records, u.entities),
    time,
    thresholds: deps.thresholds,
    anomalyThreshold: deps.anomalyThreshold,
    nowMs,
    alerts: deps.alerts ?? null,
    series: deps.series ?? null,
  };
  const preface = u.unresolved.length > 0 ? [say.unknownServers({ names: u.unresolved })] : [];
  const named = u.entities.servers.length > 0;

  let result: IntentResult;
  if (u.intent !== 'unknown' && !named && NEEDS_SERVERS.has(u.intent) && u.unresolved.length > 0) {
    result = { findings: [], lines: [say.help({ understood: understoodPhrase(say, u.entities) })], evaluated: false };
  } else if (u.intent !== 'unknown' && ctx.servers.length === 0) {
    result = { findings: [], lines: [say.noServersInScope({ scope: u.entities })], evaluated: false };
  } else {
    const handler = u.intent === 'server_health' && !named ? fleetHealth : HANDLERS[u.intent];
    result = await handler(ctx);
  }
  const lines = [...preface, ...result.lines];
  if (time.source === 'dashboard' && u.intent !== 'unknown')
    lines.push(say.rangeNote({ fromMs: time.fromMs, toMs: time.toMs, nowMs }));
  const findings = result.findings.map(roundNumbers).sort(byLevel);
  return {
    intent: u.intent,
    language: u.language,
    entities: u.entities,
    severity: severityOf(findings, result.evaluated),
    answer: lines.join('\n'),
    findings,
    range: { from: new Date(time.fromMs).toISOString(), to: new Date(time.toMs).toISOString() },
    rephrased: false,
  };
}
