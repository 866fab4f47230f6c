/** Small builders of samples and inventory rows for tests. */
import type { ServerInfo, ServerMetrics } from '../../src/domain/metrics';
import type { ServerRecord } from '../../src/domain/server-state';

export function serverInfo(id: string, over: Partial<ServerInfo> = {}): ServerInfo {
  return { id, provider: 'onprem', region: 'test-dc', role: 'app', collector: 'test', labels: {}, ...over };
}

export function sample(serverId: string, timeMs: number, over: Partial<ServerMetrics> = {}): ServerMetrics {
  return {
    serverId,
    timestamp: new Date(timeMs),
    cpuUsage: 10,
    memoryUsage: 20,
    diskUsage: 30,
    networkInBytes: 1000,
    networkOutBytes: 2000,
    load1m: 0.5,
    uptimeSeconds: 3600,
    status: 'online',
    rawData: {},
    ...over,
  };
}

/** The inventory rows a batch of samples implies (each server's newest sample). */
export function recordsFor(samples: ServerMetrics[], infos: ServerInfo[] = []): ServerRecord[] {
  const newest = new Map<string, ServerMetrics>();
  for (const s of samples)
    if (!newest.get(s.serverId) || newest.get(s.serverId)!.timestamp < s.timestamp) newest.set(s.serverId, s);
  const byId = new Map(infos.map((i) => [i.id, i]));
  return [...newest.values()].map((s) => ({
    ...(byId.get(s.serverId) ?? serverInfo(s.serverId)),
    reachable: true,
    lastSeenAt: s.timestamp,
    lastStatus: s.status,
  }));
}
