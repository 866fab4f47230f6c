/**
 * The names the API fixes, as plain constants (no zod): metric names and units, server statuses and
 * providers, aggregations, filter keys, query types, annotation kinds, intents, severities, finding kinds.
 * The Grafana plugins import this entry (`@openmanager/contract/names`) so their bundle stays free of zod.
 */

/** Metric names used in APIs, queries and answers. */
export const METRIC_NAMES = ['cpu', 'memory', 'disk', 'network_in', 'network_out', 'load'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** Grafana unit of each metric: cpu, memory and disk in percent (0–100), network in bytes per second, load unitless. */
export const METRIC_UNITS: Record<MetricName, string> = {
  cpu: 'percent',
  memory: 'percent',
  disk: 'percent',
  network_in: 'Bps',
  network_out: 'Bps',
  load: 'short',
};

export const SERVER_STATUSES = ['online', 'warning', 'critical', 'offline'] as const;
export type ServerStatus = (typeof SERVER_STATUSES)[number];

export const PROVIDERS = ['kubernetes', 'aws', 'onprem'] as const;
export type Provider = (typeof PROVIDERS)[number];

export const AGGREGATIONS = ['avg', 'max', 'min', 'p95'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** The server labels that filters (query parameters, Grafana ad hoc filters, variables) work on. */
export const FILTER_KEYS = ['provider', 'region', 'role', 'status'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export const FILTER_OPERATORS = ['=', '!=', '=~', '!~'] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** What a target of POST /api/query asks for. */
export const QUERY_TYPES = ['timeseries', 'latest', 'servers', 'series'] as const;
export type QueryType = (typeof QUERY_TYPES)[number];

export const ANNOTATION_KINDS = ['threshold', 'anomaly'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** What POST /api/ask understood a question to ask. */
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

/** Severity of an answer: its worst finding; `ok` when nothing is wrong; `unknown` when nothing could be evaluated. */
export const SEVERITIES = ['ok', 'warning', 'critical', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_KINDS = ['threshold', 'anomaly', 'trend', 'forecast', 'correlation', 'offline'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** What kind of change a detector anomaly was. */
export const CHANGE_KINDS = ['spike', 'level_shift', 'variance_change', 'pattern_break'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Discrete state changes an `anomaly` finding may be (its `event`). */
export const FINDING_EVENTS = ['restart', 'traffic-jump', 'service-down', 'pod-restart', 'pod-failed'] as const;
export type FindingEvent = (typeof FINDING_EVENTS)[number];

/** Periods a question may compare with the one before (this week vs last week, today vs yesterday). */
export const COMPARISON_PERIODS = ['day', 'week'] as const;
export type ComparisonPeriod = (typeof COMPARISON_PERIODS)[number];

export const FINDING_LEVELS = ['info', 'warning', 'critical'] as const;
export type FindingLevel = (typeof FINDING_LEVELS)[number];

/** Longer questions are refused (POST /api/ask) or cut (MCP): no real question is longer, and matching stays fast on pasted logs. */
export const MAX_QUESTION_CHARS = 1000;

/** Labelled series beyond the six metrics, by their names under /prometheus (labels: server, provider, region, role, plus their own). */
export const SERIES_NAMES = {
  /** labels namespace, pod, phase: 1 for a pod's current phase */
  podStatus: 'openmanager_pod_status',
  /** labels namespace, pod */
  podRestarts: 'openmanager_pod_restarts_total',
  /** label service: 1 active, 0 not */
  serviceUp: 'openmanager_service_up',
  /** label volume */
  volumeReadBytes: 'openmanager_volume_read_bytes_per_second',
  /** label volume */
  volumeWriteBytes: 'openmanager_volume_write_bytes_per_second',
  /** label volume: average I/O requests waiting (EBS VolumeQueueLength) */
  volumeQueueLength: 'openmanager_volume_queue_length',
} as const;
export type SeriesName = (typeof SERIES_NAMES)[keyof typeof SERIES_NAMES];

/** Application metrics are named `openmanager_app_<name>`, with the application's own labels. */
export const APP_SERIES_PREFIX = 'openmanager_app_';

/** Labels every labelled series carries from the server inventory, besides its own. */
export const SERIES_SERVER_LABELS = ['server', 'provider', 'region', 'role'] as const;

export const POD_PHASES = ['Running', 'Pending', 'Succeeded', 'Failed', 'Unknown'] as const;
export type PodPhase = (typeof POD_PHASES)[number];
