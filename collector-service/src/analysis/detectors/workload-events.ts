/**
 * State changes read from labelled series: systemd units that stopped, pods whose containers
 * restarted, pods not running, and whether restarts fall on a host metric's resets.
 */
import type { StoredLabelledSeries } from '../../storage/series/series-reader';

export interface StoppedService {
  serverId: string;
  service: string;
  /** First sample of the run of "not active" that lasts until now. */
  sinceMs: number;
  /** The series was already down at the first sample read: it stopped before `sinceMs`. */
  sinceBeforeRange: boolean;
}

/** Units whose newest sample (no older than `freshSinceMs`) says not active. */
export function stoppedServices(series: readonly StoredLabelledSeries[], freshSinceMs: number): StoppedService[] {
  const out: StoppedService[] = [];
  for (const s of series) {
    const last = s.values.length - 1;
    if (last < 0 || s.values[last] >= 1 || s.timestampsMs[last] < freshSinceMs) continue;
    let first = last;
    while (first > 0 && s.values[first - 1] < 1) first--;
    out.push({
      serverId: s.serverId,
      service: s.labels.service ?? s.name,
      sinceMs: s.timestampsMs[first],
      sinceBeforeRange: first === 0,
    });
  }
  return out.sort((a, b) => a.serverId.localeCompare(b.serverId) || a.sinceMs - b.sinceMs);
}

export interface PodRestarts {
  serverId: string;
  namespace: string;
  pod: string;
  /** When the counter was first seen higher, oldest first. */
  atMs: number[];
  /** Restarts counted (a counter may rise by more than one between samples). */
  count: number;
}

/** Pods whose restart counter rose; a fall is a new pod's counter, not a restart. */
export function podRestarts(series: readonly StoredLabelledSeries[]): PodRestarts[] {
  const out: PodRestarts[] = [];
  for (const s of series) {
    const atMs: number[] = [];
    let count = 0;
    for (let i = 1; i < s.values.length; i++) {
      const rise = s.values[i] - s.values[i - 1];
      if (rise > 0) {
        atMs.push(s.timestampsMs[i]);
        count += rise;
      }
    }
    if (count > 0)
      out.push({ serverId: s.serverId, namespace: s.labels.namespace ?? '', pod: s.labels.pod ?? '', atMs, count });
  }
  return out.sort((a, b) => b.count - a.count);
}

export interface PodNotRunning {
  serverId: string;
  namespace: string;
  pod: string;
  phase: string;
  sinceMs: number;
}

/** Phases a pod should not stay in. Succeeded is a finished job; Running is fine. */
const TROUBLE_PHASES = new Set(['Failed', 'Pending', 'Unknown']);

/** Pods whose newest phase (no older than `freshSinceMs`) is Failed, Pending or Unknown. */
export function podsNotRunning(series: readonly StoredLabelledSeries[], freshSinceMs: number): PodNotRunning[] {
  const newest = new Map<string, { s: StoredLabelledSeries; atMs: number }>();
  for (const s of series) {
    const last = s.values.length - 1;
    if (last < 0 || s.values[last] !== 1) continue;
    const key = `${s.serverId}|${s.labels.namespace}|${s.labels.pod}`;
    const atMs = s.timestampsMs[last];
    if ((newest.get(key)?.atMs ?? -Infinity) < atMs) newest.set(key, { s, atMs });
  }
  const out: PodNotRunning[] = [];
  for (const { s, atMs } of newest.values()) {
    const phase = s.labels.phase ?? '';
    if (!TROUBLE_PHASES.has(phase) || atMs < freshSinceMs) continue;
    const firstOne = s.values.findIndex((v) => v === 1);
    out.push({
      serverId: s.serverId,
      namespace: s.labels.namespace ?? '',
      pod: s.labels.pod ?? '',
      phase,
      sinceMs: s.timestampsMs[firstOne],
    });
  }
  return out;
}

/** How many of `events` fall within `toleranceMs` of one of `resets`. */
export function coinciding(events: readonly number[], resets: readonly number[], toleranceMs: number): number {
  return events.filter((t) => resets.some((r) => Math.abs(r - t) <= toleranceMs)).length;
}
