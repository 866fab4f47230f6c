/**
 * Contracts of the OpenManager data source: the query model and its options (plugin-only), and the service's
 * names and wire shapes, which come from `@openmanager/contract` (the service's own definitions).
 */
import { DataFrameJSON, DataSourceJsonData } from '@grafana/data';
import { DataQuery } from '@grafana/schema';
import type {
  AdHocFilter,
  Annotation,
  AnnotationsAnswer,
  ApiErrorBody,
  AskAnswer as ContractAskAnswer,
  Entities,
  Finding,
  QueryTarget,
  SeriesLabelMatcher,
  SeriesLabelsAnswer,
  SeriesNamesAnswer,
  ServerView,
} from '@openmanager/contract';
import {
  ANNOTATION_KINDS,
  type Aggregation,
  type AnnotationKind,
  type Intent,
  type MetricName,
  type QueryType as WireQueryType,
  type Severity,
} from '@openmanager/contract/names';

// ---- names fixed by the service's API ----

export {
  AGGREGATIONS,
  ANNOTATION_KINDS,
  FINDING_KINDS,
  METRIC_NAMES,
  METRIC_UNITS,
  QUERY_TYPES,
  SERVER_STATUSES,
  SEVERITIES,
  /** The server labels that variables and ad hoc filters work on. */
  FILTER_KEYS as SERVER_LABELS,
  INTENTS as ASK_INTENTS,
} from '@openmanager/contract/names';
export type {
  Aggregation,
  AnnotationKind,
  FindingKind,
  MetricName,
  ServerStatus,
  Severity,
  FilterKey as ServerLabel,
  Intent as AskIntent,
} from '@openmanager/contract/names';
export type { ApiErrorBody };

export const METRIC_TITLES: Record<MetricName, string> = {
  cpu: 'CPU',
  memory: 'Memory',
  disk: 'Disk',
  network_in: 'Network in',
  network_out: 'Network out',
  load: 'Load (1m)',
};

// ---- the query model (saved in dashboards) ----

/** `annotations` is used only by the annotation editor, never offered in the query editor. */
export type QueryType = WireQueryType | 'annotations';

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
  /** Only for `series`: the labelled series (e.g. openmanager_service_up) and filters on its labels. */
  series?: string;
  labels?: SeriesLabelFilter[];
}

/** A filter on a labelled series' label; values may hold template variables. */
export type SeriesLabelFilter = SeriesLabelMatcher;
export type { SeriesLabelsAnswer, SeriesNamesAnswer };

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
export const VARIABLE_KINDS = ['servers', 'providers', 'regions', 'roles', 'seriesLabelValues'] as const;
export type VariableKind = (typeof VARIABLE_KINDS)[number];

/** A variable query: one kind of value, from the servers that pass the (optional, variable-aware) filters. */
export interface VariableQuery extends DataQuery {
  kind: VariableKind;
  provider?: string;
  region?: string;
  role?: string;
  status?: string;
  /** Only for `seriesLabelValues`: the values `label` takes on the labelled series `series`. */
  series?: string;
  label?: string;
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

// ---- wire shapes of the collector service (from the contract; loosened where the plugin tolerates more) ----

/** GET /api/health. `storage` details are shown as-is when the status is not `ok`. */
export interface HealthResponse {
  status: 'ok' | 'degraded' | string;
  storage?: Record<string, unknown>;
}

/** GET /api/servers → `servers[]`. `lastSeen` is ISO-8601 (epoch ms also accepted); null when no sample yet. */
export type ServerSummary = Omit<ServerView, 'provider' | 'collector' | 'reachable' | 'lastSeen'> & {
  provider: string;
  lastSeen: string | number | null;
};

export interface ServersResponse {
  servers: ServerSummary[];
}

/** One ad hoc filter, applied by the service to every target of a request. */
export type WireFilter = AdHocFilter;

/** Sent with template variables already expanded; the service renders `{{label}}` into displayNameFromDS. */
export type WireTarget = Pick<QueryTarget, 'refId' | 'queryType' | 'servers' | 'metrics' | 'aggregation' | 'alias'> &
  Partial<Pick<QueryTarget, 'series' | 'labels'>>;

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
  { frames: DataFrameJSON[]; error?: undefined } | { error: string; status?: number; frames?: undefined };

/** POST /api/query answer: Grafana's backend data response, per refId. */
export interface QueryResponseBody {
  results: Record<string, TargetResult>;
}

/** GET /api/annotations → `annotations[]`. Times are epoch ms (ISO-8601 also accepted); timeEnd equals time for a point. */
export type WireAnnotation = Pick<Annotation, 'serverId' | 'text'> & {
  time: number | string;
  timeEnd?: number | string | null;
  metric: MetricName | string;
  kind: AnnotationKind | string;
  severity: Annotation['severity'] | string;
  tags?: string[];
};

export type AnnotationsResponse = Omit<AnnotationsAnswer, 'annotations'> & { annotations: WireAnnotation[] };

// ---- POST /api/ask ----

/** POST /api/ask body: the question and the dashboard's range (epoch ms). */
export interface AskRequestBody {
  question: string;
  from?: number;
  to?: number;
}

/** One thing the answer rests on; the panel shows `level` when present and tolerates kinds it does not know. */
export type AskFinding = Pick<
  Finding,
  'serverId' | 'metric' | 'value' | 'threshold' | 'message' | 'at' | 'relatedServerId'
> & {
  kind: Finding['kind'] | string;
  level?: Finding['level'] | string;
};

export type AskEntities = Omit<Entities, 'metrics' | 'provider'> & { metrics: string[]; provider: string | null };

export type AskAnswer = Omit<
  ContractAskAnswer,
  'intent' | 'language' | 'entities' | 'findings' | 'range' | 'rephrased'
> & {
  intent: Intent | string;
  language: 'ko' | 'en' | string;
  entities: AskEntities;
  severity: Severity;
  findings: AskFinding[];
  /** The range the service looked at (ISO-8601), when it says. */
  range?: { from: string; to: string };
  rephrased?: boolean;
};

/** One series a finding rests on: a server's metric. */
export interface SeriesRef {
  server: string;
  metric: MetricName;
}
