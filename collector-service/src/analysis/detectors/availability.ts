/** Which servers are offline (collector reports them unreachable, or their newest sample is stale) and since when. */
import { isStale, type ServerRecord } from '../../domain/server-state';

export interface Outage {
  serverId: string;
  reason: 'unreachable' | 'stale' | 'never-seen';
  /** Newest sample's time (ms); the server has been silent since then. */
  lastSeenMs: number | null;
  /** How long it has been silent (ms), when known. */
  silentForMs: number | null;
}

export function findOutages(records: readonly ServerRecord[], nowMs: number, collectIntervalMs: number): Outage[] {
  const outages: Outage[] = [];
  for (const r of records) {
    const stale = isStale(r.lastSeenAt, nowMs, collectIntervalMs);
    if (r.reachable && !stale) continue;
    const lastSeenMs = r.lastSeenAt?.getTime() ?? null;
    outages.push({
      serverId: r.id,
      reason: lastSeenMs === null ? 'never-seen' : !r.reachable ? 'unreachable' : 'stale',
      lastSeenMs,
      silentForMs: lastSeenMs === null ? null : Math.max(0, nowMs - lastSeenMs),
    });
  }
  return outages.sort((a, b) => (a.lastSeenMs ?? 0) - (b.lastSeenMs ?? 0));
}
