/** What an answer rests on: findings in the contract's shape (CONTRACT §4), their levels, and the severity they add up to. */
import type { MetricName } from '../domain/metrics';
import type { ChangeKind } from './detectors/anomaly';

export const FINDING_KINDS = ['threshold', 'anomaly', 'trend', 'forecast', 'correlation', 'offline'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export type FindingLevel = 'info' | 'warning' | 'critical';
export type Severity = 'ok' | 'warning' | 'critical' | 'unknown';

/**
 * Whether a finding may explain others. Only a state change (offline, a restart, a disk or memory
 * filling, a traffic jump) is a probable cause; a cpu or latency rise is a symptom.
 */
export type CausalRole = 'cause' | 'symptom';

export interface Finding {
  serverId: string;
  metric: MetricName | null;
  kind: FindingKind;
  /** The measured value the finding is about (a percentage, bytes/s, a correlation coefficient...). */
  value: number | null;
  /** The level it is compared with (threshold, capacity), when there is one. */
  threshold: number | null;
  /** One sentence in the question's language. */
  message: string;
  level: FindingLevel;
  role?: CausalRole;
  /**
   * Set on `anomaly` findings that are discrete state changes rather than the shared detector's
   * scores: an uptime reset, or a step in inbound traffic. Without it, an anomaly is a detector episode.
   */
  event?: 'restart' | 'traffic-jump';
  /** When it happened or was measured (ISO-8601). */
  at?: string;
  /** Detector anomalies: the kind of change (a spike, a level shift, a variance change, a break of the daily pattern) and since when (ISO-8601). */
  change?: ChangeKind;
  since?: string;
  /** Fitted rate of change, units per hour (trend, forecast). */
  ratePerHour?: number;
  /** Hours until `threshold` is reached at `ratePerHour` (forecast). */
  etaHours?: number;
  /** The other side of a correlation, and by how much the leader leads (seconds, > 0). */
  relatedServerId?: string;
  relatedMetric?: MetricName;
  lagSeconds?: number;
}

const LEVEL_RANK: Record<FindingLevel, number> = { info: 0, warning: 1, critical: 2 };

/** Severity of an answer: its worst finding; `ok` when nothing is wrong; `unknown` when nothing could be evaluated. */
export function severityOf(findings: readonly Finding[], evaluated: boolean): Severity {
  if (!evaluated) return 'unknown';
  let worst = 0;
  for (const f of findings) worst = Math.max(worst, LEVEL_RANK[f.level]);
  return worst === 2 ? 'critical' : worst === 1 ? 'warning' : 'ok';
}

/** Most severe first; stable otherwise. */
export function byLevel(a: Finding, b: Finding): number {
  return LEVEL_RANK[b.level] - LEVEL_RANK[a.level];
}
