/** Everything an answer says, as typed sentence builders; one implementation per language (ko, en). */
import type { ComparisonPeriod } from '@openmanager/contract';
import type { MetricName, ServerStatus } from '../../domain/metrics';
import type { ChangeKind } from '../detectors/anomaly';
import type { Outage } from '../detectors/availability';

export type Language = 'ko' | 'en';
export type Level = 'warning' | 'critical';

export interface MetricReading {
  metric: MetricName;
  value: number;
  /** Set when the value is at or above a threshold. */
  breach?: { level: Level; threshold: number };
}

export interface ScopeLabel {
  provider: string | null;
  region: string | null;
  role: string | null;
}

export interface RangeStatsText {
  latest: number;
  avg: number;
  min: number;
  max: number;
}

export interface Catalog {
  readonly language: Language;
  // words
  metric(m: MetricName): string;
  status(s: ServerStatus): string;
  duration(ms: number): string;
  scope(s: ScopeLabel): string;

  // findings (one sentence each)
  threshold(p: { server: string; metric: MetricName; value: number; threshold: number; level: Level }): string;
  offline(p: Outage & { nowMs: number }): string;
  anomaly(p: {
    server: string;
    metric: MetricName;
    value: number;
    typical: number;
    atMs: number;
    score: number;
    episodes: number;
    change: ChangeKind | null;
    sinceMs: number;
    nowMs: number;
  }): string;
  trend(p: {
    server: string;
    metric: MetricName;
    ratePerHour: number;
    fromValue: number;
    toValue: number;
    sinceMs: number;
    risingCycles: number;
    basis: 'current' | 'previous';
    nowMs: number;
  }): string;
  forecast(p: {
    server: string;
    metric: MetricName;
    current: number;
    target: number;
    ratePerHour: number;
    etaHours: number;
    atMs: number;
    basis: 'current' | 'previous';
    nowMs: number;
  }): string;
  breachEpisodes(p: {
    server: string;
    metric: MetricName;
    episodes: number;
    peak: number;
    peakAtMs: number;
    threshold: number;
    level: Level;
    rangeMs: number;
    nowMs: number;
  }): string;
  restart(p: { server: string; bootedAtMs: number; uptimeSeconds: number; nowMs: number }): string;
  serviceDown(p: {
    server: string;
    service: string;
    sinceMs: number;
    sinceBeforeRange: boolean;
    hostHealthy: boolean;
    nowMs: number;
  }): string;
  podRestarts(p: {
    server: string;
    pod: string;
    restarts: number;
    lastAtMs: number;
    rangeMs: number;
    nowMs: number;
    /** Set when the restarts fall on the host's memory resets: the leak that ends in an out-of-memory kill. */
    leak: { coinciding: number; ratePerHour: number | null; peak: number; after: number } | null;
  }): string;
  podNotRunning(p: { server: string; pod: string; phase: string; sinceMs: number; nowMs: number }): string;
  correlation(p: {
    leader: string;
    leaderMetric: MetricName;
    follower: string;
    followerMetric: MetricName;
    lagMs: number;
    r: number;
  }): string;
  levelShift(p: {
    server: string;
    metric: MetricName;
    before: number;
    after: number;
    sinceMs: number;
    nowMs: number;
  }): string;

  // server and fleet health
  serverStatus(p: { server: string; status: ServerStatus; readings: MetricReading[] }): string;
  serverQuiet(p: { rangeMs: number }): string;
  lastKnown(p: { server: string; atMs: number; readings: MetricReading[]; nowMs: number }): string;
  noData(p: { server: string }): string;
  fleetCounts(p: { scope: ScopeLabel; total: number; counts: Record<ServerStatus, number> }): string;
  fleetGroup(p: { status: ServerStatus; entries: string[] }): string;
  fleetAllClear(): string;
  noServersInScope(p: { scope: ScopeLabel }): string;

  // top usage, metric values, comparison
  topHeader(p: {
    metric: MetricName;
    count: number;
    basis: 'now' | 'avg';
    rangeMs: number;
    order: 'desc' | 'asc';
  }): string;
  topEntry(p: {
    rank: number;
    server: string;
    metric: MetricName;
    value: number;
    breach?: MetricReading['breach'];
  }): string;
  leftOut(p: { servers: string[] }): string;
  metricNow(p: {
    server: string;
    metric: MetricName;
    value: number;
    atMs: number;
    nowMs: number;
    breach?: MetricReading['breach'];
    warningAt?: number;
  }): string;
  metricRange(p: {
    server: string;
    metric: MetricName;
    rangeMs: number;
    stats: RangeStatsText;
    ratePerHour: number | null;
  }): string;
  metricNeedsServer(p: { metric: MetricName }): string;
  compareLine(p: {
    metric: MetricName;
    entries: Array<{ server: string; value: number }>;
    basis: 'now' | 'avg';
    rangeMs: number;
  }): string;
  compareVerdict(p: { metric: MetricName; higher: string; lower: string; difference: number }): string;
  compareNeedsTwo(p: { servers: string[] }): string;
  periodCompare(p: {
    metric: MetricName;
    period: ComparisonPeriod;
    scope: string;
    current: number;
    previous: number;
  }): string;
  periodMover(p: {
    metric: MetricName;
    period: ComparisonPeriod;
    server: string;
    current: number;
    previous: number;
  }): string;
  periodMissing(p: { metric: MetricName; period: ComparisonPeriod; haveSinceMs: number | null; nowMs: number }): string;

  // anomalies
  anomaliesHeader(p: { count: number; rangeMs: number }): string;
  anomaliesNone(p: { rangeMs: number; servers: number; metrics: MetricName[] }): string;
  risingHeader(): string;
  anomaliesUnavailable(): string;

  // forecast
  forecastFirst(p: { server: string; metric: MetricName; etaHours: number }): string;
  forecastNone(p: { metrics: MetricName[]; horizonHours: number; servers: number }): string;
  forecastFlat(p: { server: string; metric: MetricName; current: number; ratePerHour: number }): string;
  forecastBeyond(p: {
    server: string;
    metric: MetricName;
    current: number;
    ratePerHour: number;
    horizonHours: number;
  }): string;
  forecastReached(p: { server: string; metric: MetricName; current: number; target: number }): string;
  notEnoughHistory(p: { server: string; metric: MetricName; haveMs: number; needMs: number }): string;

  // root cause
  rootCauseHeader(p: { server: string; metric: MetricName; rangeMs: number }): string;
  probableCause(p: { text: string }): string;
  symptomNote(p: { metric: MetricName; leader: string | null }): string;
  noStateChange(): string;
  noRelation(p: { server: string; metric: MetricName }): string;

  // availability
  availabilityNone(p: { total: number; scope: ScopeLabel }): string;
  availabilityHeader(p: { count: number; total: number }): string;

  // alerts
  alertsUnavailable(): string;
  alertsNone(p: { servers: number }): string;
  alertsNow(p: { firing: number; pending: number }): string;
  alertLine(p: {
    name: string;
    server: string | null;
    severity: string | null;
    state: 'pending' | 'firing';
    sinceMs: number;
    nowMs: number;
    summary: string;
  }): string;
  alertsHistory(p: { count: number; fromMs: number; toMs: number; nowMs: number }): string;
  alertsHistoryLine(p: {
    name: string;
    server: string | null;
    severity: string | null;
    firedAtMs: number;
    resolvedAtMs: number | null;
    nowMs: number;
  }): string;

  // understanding
  unknownServers(p: { names: string[] }): string;
  help(p: { understood: string | null }): string;
  rangeNote(p: { fromMs: number; toMs: number; nowMs: number }): string;
}
