/** The time range a question is answered over: the question's own look-back, else the dashboard's range, else a default per intent. */
import type { ComparisonPeriod } from '@openmanager/contract';
import type { Intent } from '../nlu';
import { HOUR_MS, MINUTE_MS } from '../series';

export interface TimeScope {
  fromMs: number;
  toMs: number;
  source: 'question' | 'dashboard' | 'default';
  /** `toMs` is now (within a few collection intervals): current values come from the newest samples. */
  live: boolean;
}

/** Look-back when neither the question nor the dashboard says: enough points for what each intent computes. */
export const DEFAULT_RANGE_MINUTES: Record<Intent, number> = {
  server_health: 60,
  fleet_health: 60,
  top_usage: 60,
  anomalies: 60,
  forecast: 24 * 60,
  root_cause: 180,
  compare: 60,
  availability: 60,
  metric_value: 60,
  alerts: 60,
  unknown: 60,
};

export interface DashboardRange {
  fromMs?: number;
  toMs?: number;
}

/**
 * A range typed in the question is the most specific and wins; it ends at the dashboard's `to`
 * when one is given (looking back from where the operator is looking). A dashboard range without
 * `from` looks back the default from its `to`.
 */
export function resolveTimeScope(
  intent: Intent,
  rangeMinutes: number | null,
  dashboard: DashboardRange,
  nowMs: number,
  collectIntervalMs: number,
  period: ComparisonPeriod | null = null
): TimeScope {
  const toMs = Math.min(dashboard.toMs ?? nowMs, nowMs);
  const live = nowMs - toMs <= 3 * collectIntervalMs;
  if (period !== null) return { fromMs: periodBounds(period, toMs).previous.fromMs, toMs, source: 'question', live };
  if (rangeMinutes !== null && rangeMinutes > 0)
    return { fromMs: toMs - rangeMinutes * MINUTE_MS, toMs, source: 'question', live };
  if (dashboard.fromMs !== undefined && dashboard.fromMs < toMs)
    return { fromMs: dashboard.fromMs, toMs, source: 'dashboard', live };
  return { fromMs: toMs - DEFAULT_RANGE_MINUTES[intent] * MINUTE_MS, toMs, source: 'default', live };
}

/** History for trends and forecasts: a day back from the end of the range (they need more than a short range holds). */
export function trendHistory(scope: TimeScope): { fromMs: number; toMs: number } {
  return { fromMs: Math.min(scope.fromMs, scope.toMs - 24 * HOUR_MS), toMs: scope.toMs };
}

const DAY_MS = 24 * HOUR_MS;
const PERIOD_MS: Record<ComparisonPeriod, number> = { day: DAY_MS, week: 7 * DAY_MS };

export interface PeriodBounds {
  /** The period so far: from its start (UTC midnight; Monday for a week) to `toMs`. */
  current: { fromMs: number; toMs: number };
  /** The same stretch of the period before it (Monday to Thursday 15:30 of last week), so that hours of the day compare like for like. */
  previous: { fromMs: number; toMs: number };
}

/** This day or week so far and the same stretch of the one before it, in UTC. */
export function periodBounds(period: ComparisonPeriod, toMs: number): PeriodBounds {
  const midnight = Math.floor(toMs / DAY_MS) * DAY_MS;
  // 1970-01-01 was a Thursday: days since the last Monday.
  const start = period === 'day' ? midnight : midnight - ((Math.floor(toMs / DAY_MS) + 3) % 7) * DAY_MS;
  return {
    current: { fromMs: start, toMs },
    previous: { fromMs: start - PERIOD_MS[period], toMs: toMs - PERIOD_MS[period] },
  };
}
