/** Which servers a Grafana target means: its server list (empty = all) narrowed by the request's ad hoc filters. */
import type { AdHocFilter } from '@openmanager/contract';
import { effectiveStatus, type ServerRecord } from '../domain/server-state';
import { PromError } from '../promql/errors';
import { matchesValue, newMatcher, type Matcher } from '../promql/matchers';

export interface Selection {
  servers: ServerRecord[];
  /** Ids the target named that the inventory does not know. */
  unknown: string[];
}

export class SelectionError extends Error {}

function filterValue(record: ServerRecord, key: AdHocFilter['key'], nowMs: number, intervalMs: number): string {
  return key === 'status' ? effectiveStatus(record, nowMs, intervalMs) : record[key];
}

/** Grafana's regex operators match the whole value, as Prometheus's do: the same matchers serve both. */
function toMatcher(filter: AdHocFilter): Matcher {
  try {
    return newMatcher(filter.key, filter.operator, filter.value);
  } catch (err) {
    if (err instanceof PromError)
      throw new SelectionError(
        `filter ${filter.key}: ${JSON.stringify(filter.value)} is not a usable regular expression (${err.message})`
      );
    throw err;
  }
}

export function selectServers(
  inventory: ServerRecord[],
  ids: string[],
  filters: AdHocFilter[],
  nowMs: number,
  intervalMs: number
): Selection {
  const byId = new Map(inventory.map((r) => [r.id, r]));
  const named = ids.length > 0;
  const unknown = named ? ids.filter((id) => !byId.has(id)) : [];
  const candidates = named ? [...new Set(ids)].filter((id) => byId.has(id)).map((id) => byId.get(id)!) : inventory;
  const matchers = filters.map((f) => ({ key: f.key, matcher: toMatcher(f) }));
  const servers = candidates.filter((r) =>
    matchers.every(({ key, matcher }) => matchesValue(matcher, filterValue(r, key, nowMs, intervalMs)))
  );
  return { servers, unknown };
}
