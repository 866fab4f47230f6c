/** Runs a panel's queries: one POST /api/query for every data target, one GET /api/annotations per annotation target. */
import { DataFrame, DataQueryError, DataQueryRequest, DataQueryResponse, ScopedVars } from '@grafana/data';
import { TemplateSrv } from '@grafana/runtime';

import {
  ANNOTATION_KINDS,
  AnnotationsResponse,
  DEFAULT_QUERY,
  OpenManagerQuery,
  QueryRequestBody,
  QueryResponseBody,
  WireFilter,
  WireTarget,
} from '../types';
import { toWireFilters } from './adhocFilters';
import { annotationParams, annotationsToFrame } from './annotationFrames';
import { toTargetFrames } from './frames';
import { ServiceClient } from './serviceClient';
import { expandValues } from './templateVariables';

export interface QueryRunnerDeps {
  client: ServiceClient;
  templateSrv: TemplateSrv;
}

interface Outcome {
  data: DataFrame[];
  errors: DataQueryError[];
}

const DEFAULT_MAX_DATA_POINTS = 1000;

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function failAll(refIds: string[], err: unknown): Outcome {
  return { data: [], errors: refIds.map((refId) => ({ refId, message: message(err) })) };
}

/** The wire target of a data query, with variables expanded; throws with a message naming what is missing. */
export function toWireTarget(query: OpenManagerQuery, templateSrv: TemplateSrv, scopedVars: ScopedVars): WireTarget {
  if (query.queryType === 'annotations') {
    throw new Error(`Query ${query.refId} is an annotation query and cannot be sent to /api/query.`);
  }
  if (query.queryType === 'series') {
    if (!query.series) {
      throw new Error(`Query ${query.refId}: choose a labelled series.`);
    }
    return {
      refId: query.refId,
      queryType: 'series',
      servers: expandValues(query.servers, templateSrv, scopedVars),
      metrics: [],
      aggregation: query.aggregation,
      series: query.series,
      labels: (query.labels ?? [])
        .filter((filter) => filter.label !== '')
        .map((filter) => ({
          ...filter,
          // A multi-value variable becomes an alternation only where the operator is a regex.
          value: templateSrv.replace(
            filter.value,
            scopedVars,
            filter.operator === '=~' || filter.operator === '!~' ? 'regex' : undefined
          ),
        })),
      alias: query.alias ? templateSrv.replace(query.alias, scopedVars) : undefined,
    };
  }
  if (query.queryType !== 'servers' && query.metrics.length === 0) {
    throw new Error(`Query ${query.refId}: choose at least one metric.`);
  }
  return {
    refId: query.refId,
    queryType: query.queryType,
    servers: expandValues(query.servers, templateSrv, scopedVars),
    metrics: query.queryType === 'servers' ? [] : query.metrics,
    aggregation: query.aggregation,
    alias: query.alias ? templateSrv.replace(query.alias, scopedVars) : undefined,
  };
}

function describe(target: WireTarget): string {
  const servers = target.servers.length > 0 ? target.servers.join(', ') : 'all servers';
  if (target.queryType === 'series') return `${target.series} of ${servers}`;
  return target.queryType === 'servers' ? `servers (${servers})` : `${target.metrics.join(', ')} of ${servers}`;
}

async function runDataTargets(
  queries: OpenManagerQuery[],
  request: DataQueryRequest<OpenManagerQuery>,
  deps: QueryRunnerDeps
): Promise<Outcome> {
  let filters: WireFilter[];
  try {
    filters = toWireFilters(request.filters);
  } catch (err) {
    return failAll(
      queries.map((query) => query.refId),
      err
    );
  }
  const outcome: Outcome = { data: [], errors: [] };
  const targets: WireTarget[] = [];
  for (const query of queries) {
    try {
      targets.push(toWireTarget(query, deps.templateSrv, request.scopedVars));
    } catch (err) {
      outcome.errors.push({ refId: query.refId, message: message(err) });
    }
  }
  if (targets.length === 0) {
    return outcome;
  }
  const body: QueryRequestBody = {
    range: { from: request.range.from.valueOf(), to: request.range.to.valueOf() },
    intervalMs: request.intervalMs,
    maxDataPoints: request.maxDataPoints ?? DEFAULT_MAX_DATA_POINTS,
    targets,
    filters,
  };
  let response: QueryResponseBody;
  try {
    response = await deps.client.post<QueryResponseBody>('/api/query', body, request.requestId);
  } catch (err) {
    const failed = failAll(
      targets.map((target) => target.refId),
      err
    );
    return { data: [], errors: [...outcome.errors, ...failed.errors] };
  }
  for (const target of targets) {
    const result = response?.results?.[target.refId];
    if (!result) {
      outcome.errors.push({
        refId: target.refId,
        message: `The OpenManager service sent no result for query ${target.refId}.`,
      });
    } else if (result.error !== undefined) {
      outcome.errors.push({ refId: target.refId, message: result.error });
    } else {
      outcome.data.push(...toTargetFrames(target.refId, result.frames ?? [], describe(target), target.alias));
    }
  }
  return outcome;
}

async function runAnnotationTarget(
  query: OpenManagerQuery,
  request: DataQueryRequest<OpenManagerQuery>,
  deps: QueryRunnerDeps
): Promise<Outcome> {
  try {
    const servers = expandValues(query.servers, deps.templateSrv, request.scopedVars);
    const kinds = query.kinds && query.kinds.length > 0 ? query.kinds : [...ANNOTATION_KINDS];
    const range = { from: request.range.from.valueOf(), to: request.range.to.valueOf() };
    const response = await deps.client.get<AnnotationsResponse>(
      '/api/annotations',
      annotationParams(range, servers, kinds)
    );
    return { data: [annotationsToFrame(query.refId, response)], errors: [] };
  } catch (err) {
    return failAll([query.refId], err);
  }
}

/** Every visible target answers with frames or with an error carrying its refId; never silently nothing. */
export async function runQueries(
  request: DataQueryRequest<OpenManagerQuery>,
  deps: QueryRunnerDeps
): Promise<DataQueryResponse> {
  const queries = request.targets.filter((target) => !target.hide).map((target) => ({ ...DEFAULT_QUERY, ...target }));
  const annotationQueries = queries.filter((query) => query.queryType === 'annotations');
  const dataQueries = queries.filter((query) => query.queryType !== 'annotations');
  const outcomes = await Promise.all([
    dataQueries.length > 0 ? runDataTargets(dataQueries, request, deps) : { data: [], errors: [] },
    ...annotationQueries.map((query) => runAnnotationTarget(query, request, deps)),
  ]);
  const data = outcomes.flatMap((outcome) => outcome.data);
  const errors = outcomes.flatMap((outcome) => outcome.errors);
  return errors.length > 0 ? { data, errors } : { data };
}
