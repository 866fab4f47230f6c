/** Which servers a request means: the one rule for naming a server by id, and for narrowing by provider, region, role. */
import type { ServerRecord } from './server-state';

export interface ServerScope {
  provider?: string | null;
  region?: string | null;
  role?: string | null;
}

/**
 * The servers `asked` names: the exact id when one exists, else every id equal to it ignoring case and
 * surrounding spaces. One record is a match; none is unknown; several are ambiguous (ids differing in case).
 */
export function matchServerId<T extends Pick<ServerRecord, 'id'>>(records: readonly T[], asked: string): T[] {
  const exact = records.find((r) => r.id === asked);
  if (exact) return [exact];
  const folded = asked.trim().toLowerCase();
  return records.filter((r) => r.id.toLowerCase() === folded);
}

/** True when the record is of the provider, region and role asked (an absent one asks nothing). */
export function inScope(record: Pick<ServerRecord, 'provider' | 'region' | 'role'>, scope: ServerScope): boolean {
  return (
    (!scope.provider || record.provider === scope.provider) &&
    (!scope.region || record.region === scope.region) &&
    (!scope.role || record.role === scope.role)
  );
}
