/** A restart is an uptime reset: the newest sample's uptime says the server booted inside the window looked at. */
import type { ServerMetrics } from '../../domain/metrics';

export interface Restart {
  serverId: string;
  bootedAtMs: number;
  uptimeSeconds: number;
}

export function findRestart(sample: ServerMetrics, sinceMs: number): Restart | null {
  if (sample.uptimeSeconds === null || sample.uptimeSeconds < 0) return null;
  const bootedAtMs = sample.timestamp.getTime() - sample.uptimeSeconds * 1000;
  return bootedAtMs >= sinceMs ? { serverId: sample.serverId, bootedAtMs, uptimeSeconds: sample.uptimeSeconds } : null;
}
