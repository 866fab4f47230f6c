/** Contracts of the OpenManager data source: the query model, its options, and the service's wire shapes (CONTRACT §2, §4). */
import { DataFrameJSON, DataSourceJsonData } from '@grafana/data';
import { DataQuery } from '@grafana/schema';

// ---- names fixed by the contract (mirrors collector-service/src/domain/metrics.ts) ----

export const METRIC_NAMES = ['cpu', 'memory', 'disk', 'network_in', 'network_out', 'load'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export const AGGREGATIONS = ['avg', 'max', 'min', 'p95'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const SERVER_STATUSES = ['online', 'warning', 'critical', 'offline'] as const;
export type ServerStatus = (typeof SERVER_STATUSES)[number];

/** The server labels that variables and ad hoc filters work on. */
export const SERVER_LABELS = ['provider', 'region', 'role', 'status'] as const;
export type ServerLabel = (typeof SERVER_LABELS)[number];

/** Grafana unit of each metric, as the service sets it. */
export const METRIC_UNITS: Record<MetricName, string> = {
  cpu: 'percent',
  memory: 'percent',
  disk: 'percent',
  network_in: 'Bps',
  network_out: 'Bps',
  load: 'short',
};

export const METRIC_TITLES: Record<MetricName, string> = {
  cpu: 'CPU',
  memory: 'Memory',
  disk: 'Disk',
  network_in: 'Network in',
  network_out: 'Network out',
  load: 'Load (1m)',
};

// ---- the query model (saved in dashboards) ----

export const QUERY_TYPES = ['timeseries', 'latest', 'servers'] as const;
/** `annotations` is used only by the annotation editor, never offered in the query editor. */
export type QueryType = (typeof QUERY_TYPES)[number] | 'annotations';

export const ANNOTATION_KINDS = ['threshold', 'anomaly'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export interface OpenManagerQuery extends DataQuery {
  queryType: QueryType;
  /** Server ids or template variables such as `$server`; empty means every server that passes the filters. */
  servers: string[];
  metrics: MetricName[];
  aggregation: Aggregation;
  /** Display name pattern: `{{server}}`, `{{metric}}`, `{{provider}}`, `{{region}}`, `{{role}}` and template variables. */
  alias?: string;
  /** Only for `annotations`. */
  kinds?: AnnotationKind[];
}

export const DEFAULT_QUERY: Omit<OpenManagerQuery, 'refId'> = {
  queryType: 'timeseries',
  servers: [],
  metrics: ['cpu'],
  aggregation: 'avg',
};

export const DEFAULT_ANNOTATION_QUERY: Omit<OpenManagerQuery, 'refId'> = {
  queryType: 'annotations',
  servers: [],
  metrics: [],
  aggregation: 'avg',
  kinds: [...ANNOTATION_KINDS],
};

/** What a template variable of this data source lists. */
export const VARIABLE_KINDS = ['servers', 'providers', 'regions', 'roles'] as const;
export type VariableKind = (typeof VARIABLE_KINDS)[number];

/** A variable query: one kind of value, from the servers that pass the (optional, variable-aware) filters. */
export interface VariableQuery extends DataQuery {
  kind: VariableKind;
  provider?: string;
  region?: string;
  role?: string;
  status?: string;
}

export const DEFAULT_VARIABLE_QUERY: VariableQuery = { refId: 'OpenManagerVariable', kind: 'servers' };

// ---- data source settings ----

/** Options a browser may read. */
export interface OpenManagerOptions extends DataSourceJsonData {
  /** Base URL of the collector service, e.g. http://collector-service:8787; used by the proxy route. */
  url?: string;
}

/** Options Grafana keeps server-side; the proxy route adds them to requests. */
export interface OpenManagerSecureOptions {
  apiKey?: string;
}

// ---- wire shapes of the collector service ----

/** Error body of every failed request: `{"error": {"code", "message"}}`. */
export interface ApiErrorBody {
  error: { code: string; message: string };
}

/** GET /api/health. `storage` details are shown as-is when the status is not `ok`. */
export interface HealthResponse {
  status: 'ok' | 'degraded' | string;
  storage?: Record<string, unknown>;
}

/** GET /api/servers → `servers[]` (the service also sends `collector` and `reachable`, unused here). */
export interface ServerSummary {
  id: string;
  provider: string;
  region: string;
  role: string;
  /** What an operator should see now: `offline` when the newest sample is stale. */
  status: ServerStatus;
  /** ISO-8601 of the newest sample; null when none yet. */
  lastSeen: string | number | null;
  labels: Record<string, string>;
}

export interface ServersResponse {
  servers: ServerSummary[];
}

/** One ad hoc filter, applied by the service to every target of a request. */
export interface WireFilter {
  key: ServerLabel;
  operator: '=' | '!=' | '=~' | '!~';
  value: string;
}

export interface WireTarget {
  refId: string;
  queryType: Exclude<QueryType, 'annotations'>;
  servers: string[];
  metrics: MetricName[];
  aggregation: Aggregation;
  /** Sent with template variables already expanded; the service renders `{{label}}` into displayNameFromDS. */
  alias?: string;
}

/** POST /api/query body. */
export interface QueryRequestBody {
  range: { from: number; to: number };
  intervalMs: number;
  maxDataPoints: number;
  targets: WireTarget[];
  filters: WireFilter[];
}

/** One target's answer: frames, or an error (with the HTTP status it would have had) in their place. */
export type TargetResult =
  | { frames: DataFrameJSON[]; error?: undefined }
  | { error: string; status?: number; frames?: undefined };

/** POST /api/query answer: Grafana's backend data response, per refId. */
export interface QueryResponseBody {
  results: Record<string, TargetResult>;
}

/** GET /api/annotations → `annotations[]`. Times are epoch ms (ISO-8601 also accepted); timeEnd equals time for a point. */
export interface WireAnnotation {
  time: number | string;
  timeEnd?: number | string | null;
  serverId: string;
  metric: MetricName | string;
  kind: AnnotationKind | string;
  severity: 'warning' | 'critical' | string;
  text: string;
  tags?: string[];
}

export interface AnnotationsResponse {
  annotations: WireAnnotation[];
  /** Set when the service cut the list to its limit. */
  truncated?: boolean;
}

// ---- POST /api/ask (CONTRACT §4) ----

export const ASK_INTENTS = [
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
export type AskIntent = (typeof ASK_INTENTS)[number];

export const SEVERITIES = ['ok', 'warning', 'critical', 'unknown'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_KINDS = ['threshold', 'anomaly', 'trend', 'forecast', 'correlation', 'offline'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** POST /api/ask body: the question and the dashboard's range (epoch ms). */
export interface AskRequestBody {
  question: string;
  from?: number;
  to?: number;
}

/** One thing the answer rests on. `metric`, `value` and `threshold` are null when they do not apply (e.g. offline). */
export interface AskFinding {
  serverId: string;
  metric: MetricName | null;
  kind: FindingKind | string;
  value: number | null;
  threshold: number | null;
  message: string;
  /** Sent by the service beside the contract's fields; the panel shows it when present. */
  level?: 'info' | 'warning' | 'critical' | string;
  at?: string;
  relatedServerId?: string;
}

export interface AskEntities {
  servers: string[];
  metrics: string[];
  provider: string | null;
  region: string | null;
  role: string | null;
  rangeMinutes: number | null;
  limit: number | null;
}

export interface AskAnswer {
  intent: AskIntent | string;
  language: 'ko' | 'en' | string;
  entities: AskEntities;
  severity: Severity;
  /** Written in `language`; may hold several lines. */
  answer: string;
  findings: AskFinding[];
  /** The range the service looked at (ISO-8601), when it says. */
  range?: { from: string; to: string };
}

/** One series a finding rests on: a server's metric. */
export interface SeriesRef {
  server: string;
  metric: MetricName;
}
