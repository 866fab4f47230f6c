/** Domain records → the shapes the API answers with. */
import type { ServerView, SampleView } from '@openmanager/contract';
import type { ServerMetrics } from '../domain/metrics';
import { effectiveStatus, type ServerRecord } from '../domain/server-state';

export function toServerView(record: ServerRecord, nowMs: number, collectIntervalMs: number): ServerView {
  return {
    id: record.id,
    provider: record.provider,
    region: record.region,
    role: record.role,
    collector: record.collector,
    labels: record.labels,
    status: effectiveStatus(record, nowMs, collectIntervalMs),
    reachable: record.reachable,
    lastSeen: record.lastSeenAt?.toISOString() ?? null,
  };
}

export function toSampleView(s: ServerMetrics): SampleView {
  return {
    timestamp: s.timestamp.toISOString(),
    cpu: s.cpuUsage,
    memory: s.memoryUsage,
    disk: s.diskUsage,
    network_in: s.networkInBytes,
    network_out: s.networkOutBytes,
    load: s.load1m,
    uptime_seconds: s.uptimeSeconds,
    status: s.status,
  };
}
