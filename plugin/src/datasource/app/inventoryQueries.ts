/** Template variable values and ad hoc filter values, both computed from the server inventory (GET /api/servers). */
import { AdHocVariableFilter, MetricFindValue, ScopedVars } from '@grafana/data';
import { TemplateSrv } from '@grafana/runtime';

import {
  DEFAULT_VARIABLE_QUERY,
  SERVER_LABELS,
  ServerLabel,
  ServerSummary,
  SeriesLabelsAnswer,
  SeriesNamesAnswer,
  ServersResponse,
  VariableKind,
  VariableQuery,
} from '../types';
import { matchesFilter, toServerLabel, toWireFilters } from './adhocFilters';
import { LabelSelection, distinctValues, matchesSelection, selectionParams } from './serverInventory';
import { QueryParams, ServiceClient } from './serviceClient';
import { expandOptional } from './templateVariables';

const VARIABLE_KEYS: Record<Exclude<VariableKind, 'seriesLabelValues'>, ServerLabel | 'id'> = {
  servers: 'id',
  providers: 'provider',
  regions: 'region',
  roles: 'role',
};

/** Names of the labelled series the service stores (GET /api/series). */
export async function listSeriesNames(client: ServiceClient): Promise<string[]> {
  const response = await client.get<SeriesNamesAnswer>('/api/series');
  if (!Array.isArray(response?.names)) {
    throw new Error('The OpenManager service answered /api/series without a "names" list.');
  }
  return response.names;
}

/** The values one label takes on one labelled series (GET /api/series/labels). */
export async function seriesLabelValues(client: ServiceClient, series: string, label: string): Promise<string[]> {
  const response = await client.get<SeriesLabelsAnswer>('/api/series/labels', { name: series, label });
  if (!Array.isArray(response?.values)) {
    throw new Error('The OpenManager service answered /api/series/labels without a "values" list.');
  }
  return response.values;
}

export async function listServers(client: ServiceClient, params: QueryParams = {}): Promise<ServerSummary[]> {
  const response = await client.get<ServersResponse>('/api/servers', params);
  if (!Array.isArray(response?.servers)) {
    throw new Error('The OpenManager service answered /api/servers without a "servers" list.');
  }
  return response.servers;
}

/** A saved variable query as this version reads it: an object, or just the kind as a string; the kind defaults to servers. */
export function toVariableQuery(saved: unknown): VariableQuery {
  if (typeof saved === 'string' && saved.trim() !== '') {
    return { ...DEFAULT_VARIABLE_QUERY, kind: saved.trim() as VariableKind };
  }
  return typeof saved === 'object' && saved !== null
    ? { ...DEFAULT_VARIABLE_QUERY, ...(saved as Partial<VariableQuery>) }
    : DEFAULT_VARIABLE_QUERY;
}

function toMetricFindValues(values: string[]): MetricFindValue[] {
  return values.map((value) => ({ text: value, value }));
}

/** Values of one variable: the ids or a label of the servers passing the query's filters (which may hold variables). */
export async function runVariableQuery(
  saved: VariableQuery | string,
  client: ServiceClient,
  templateSrv: TemplateSrv,
  scopedVars?: ScopedVars
): Promise<MetricFindValue[]> {
  const query = toVariableQuery(saved);
  if (query.kind === 'seriesLabelValues') {
    const [series] = expandOptional(query.series, templateSrv, scopedVars);
    const [label] = expandOptional(query.label, templateSrv, scopedVars);
    if (!series || !label) {
      throw new Error('A "Label values of a series" variable needs a series and a label.');
    }
    return toMetricFindValues(await seriesLabelValues(client, series, label));
  }
  const key = VARIABLE_KEYS[query.kind];
  if (!key) {
    throw new Error(`Unknown variable query kind "${query.kind}": use ${Object.keys(VARIABLE_KEYS).join(', ')}.`);
  }
  const selection: LabelSelection = {};
  for (const label of SERVER_LABELS) {
    selection[label] = expandOptional(query[label], templateSrv, scopedVars);
  }
  const servers = await listServers(client, selectionParams(selection));
  const passing = servers.filter((server) => matchesSelection(server, selection));
  return toMetricFindValues(distinctValues(passing, key));
}

/** Values of one label among the servers that pass the other ad hoc filters. */
export async function tagValues(
  key: string,
  otherFilters: readonly AdHocVariableFilter[],
  client: ServiceClient
): Promise<MetricFindValue[]> {
  const label = toServerLabel(key);
  const filters = toWireFilters(otherFilters.filter((filter) => filter.key !== key));
  const servers = await listServers(client);
  const passing = servers.filter((server) => filters.every((filter) => matchesFilter(server, filter)));
  return toMetricFindValues(distinctValues(passing, label));
}
