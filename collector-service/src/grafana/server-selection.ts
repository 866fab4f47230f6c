/** Which servers a Grafana target means: its server list (empty = all) narrowed by the request's ad hoc filters. */
import type { AdHocFilter } from '../contract/query';
import { effectiveStatus, type ServerRecord } from '../domain/server-state';

export interface Selection {
  servers: ServerRecord[];
  /** Ids the target named that the inventory does not know. */
  unknown: string[];
}

function filterValue(record: ServerRecord, key: AdHocFilter['key'], nowMs: number, intervalMs: number): string {
  return key === 'status' ? effectiveStatus(record, nowMs, intervalMs) : record[key];
}

function matches(actual: string, filter: AdHocFilter): boolean {
  switch (filter.operator) {
    case '=':
      return actual === filter.value;
    case '!=':
      return actual !== filter.value;
    case '=~':
      return anchored(filter.value).test(actual);
    case '!~':
      return !anchored(filter.value).test(actual);
  }
}

/** Grafana's regex operators match the whole value, as Prometheus does. */
function anchored(pattern: string): RegExp {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch {
    throw new SelectionError(`filter: ${JSON.stringify(pattern)} is not a valid regular expression`);
  }
}

export class SelectionError extends Error {}

export function selectServers(
  inventory: ServerRecord[],
  ids: string[],
  filters: AdHocFilter[],
  nowMs: number,
  intervalMs: number,
): Selection {
  const byId = new Map(inventory.map((r) => [r.id, r]));
  const named = ids.length > 0;
  const unknown = named ? ids.filter((id) => !byId.has(id)) : [];
  const candidates = named ? [...new Set(ids)].filter((id) => byId.has(id)).map((id) => byId.get(id)!) : inventory;
  const servers = candidates.filter((r) => filters.every((f) => matches(filterValue(r, f.key, nowMs, intervalMs), f)));
  return { servers, unknown };
}
