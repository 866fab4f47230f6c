/** Narrowing the server inventory (GET /api/servers) by label values, and listing distinct values for variables. */
import { SERVER_LABELS, ServerLabel, ServerSummary } from '../types';
import { QueryParams } from './serviceClient';

/** Allowed values per label: a server passes when, for every listed label, its value is one of them. */
export type LabelSelection = Partial<Record<ServerLabel, string[]>>;

/** Labels restricted to exactly one value go to the service as query parameters; the rest is filtered here. */
export function selectionParams(selection: LabelSelection): QueryParams {
  const params: QueryParams = {};
  for (const label of SERVER_LABELS) {
    const values = selection[label];
    if (values?.length === 1) {
      params[label] = values[0];
    }
  }
  return params;
}

export function matchesSelection(server: ServerSummary, selection: LabelSelection): boolean {
  return SERVER_LABELS.every((label) => {
    const values = selection[label];
    return !values || values.length === 0 || values.includes(server[label]);
  });
}

/** Distinct values of a label (or of the id), sorted, ignoring empty ones. */
export function distinctValues(servers: readonly ServerSummary[], key: ServerLabel | 'id'): string[] {
  const values = new Set(servers.map((server) => server[key]).filter((value) => typeof value === 'string' && value));
  return Array.from(values).sort((a, b) => a.localeCompare(b));
}
