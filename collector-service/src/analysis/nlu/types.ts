/** The shapes question understanding produces (CONTRACT §4 intents and entities). */
import type { MetricName, Provider } from '../../domain/metrics';

export const INTENTS = [
  'server_health',
  'fleet_health',
  'top_usage',
  'anomalies',
  'forecast',
  'root_cause',
  'compare',
  'availability',
  'metric_value',
  'alerts',
  'unknown',
] as const;
export type Intent = (typeof INTENTS)[number];

/** What a question is about, resolved against the live inventory. Empty/null when not mentioned. */
export interface Entities {
  /** Canonical server ids, in the order they were mentioned. */
  servers: string[];
  metrics: MetricName[];
  provider: Provider | null;
  region: string | null;
  role: string | null;
  /** Look-back window ("last 30 minutes" → 30). */
  rangeMinutes: number | null;
  /** How many servers to list ("top 5" → 5). */
  limit: number | null;
}

export interface Understanding {
  intent: Intent;
  /** Any Hangul in the question → `ko` (mixed questions are Korean), otherwise `en`. */
  language: 'ko' | 'en';
  entities: Entities;
  /** 0..1: how clearly the winning intent beat the others (0 for `unknown`). */
  confidence: number;
  /** Words that looked meaningful but resolved to nothing: unknown server ids, regions, unsupported metrics. */
  unresolved: string[];
  /** Ranking direction for `top_usage`: `asc` when the question asks for the least used. */
  order: 'desc' | 'asc';
  /** Why the intent was chosen: the cues that fired, as `intent:matched text`. */
  signals: string[];
}
