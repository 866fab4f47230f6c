/** A server's newest known state, and the status an operator should see for it now. */
import type { ServerInfo, ServerStatus } from './metrics';

export interface ServerRecord extends ServerInfo {
  /** False when the collector reported the server unreachable on its latest run. */
  reachable: boolean;
  /** Timestamp of the newest stored sample. */
  lastSeenAt: Date | null;
  /** Status of the newest stored sample. */
  lastStatus: ServerStatus | null;
}

/** A server is offline when its collector cannot reach it, or its newest sample is older than 3 collection intervals. */
export const STALE_AFTER_INTERVALS = 3;

export function isStale(lastSeenAt: Date | null, nowMs: number, collectIntervalMs: number): boolean {
  return lastSeenAt === null || nowMs - lastSeenAt.getTime() > STALE_AFTER_INTERVALS * collectIntervalMs;
}

export function effectiveStatus(record: ServerRecord, nowMs: number, collectIntervalMs: number): ServerStatus {
  if (!record.reachable || isStale(record.lastSeenAt, nowMs, collectIntervalMs)) return 'offline';
  return record.lastStatus ?? 'offline';
}
