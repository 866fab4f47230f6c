/**
 * Findings from what runs on a server, read from its labelled series: a systemd unit that stopped
 * (even on a host whose cpu and memory are fine), pods restarting or not running. Pod restarts that
 * fall on the host's memory resets are told together with the leak that causes them.
 */
import { SERIES_NAMES } from '../../../domain/series';
import { findResets } from '../../detectors/resets';
import { analyzeTrend } from '../../detectors/trend';
import {
  coinciding,
  podRestarts,
  podsNotRunning,
  stoppedServices,
  type PodNotRunning,
  type PodRestarts,
  type StoppedService,
} from '../../detectors/workload-events';
import type { Finding } from '../../findings';
import { MINUTE_MS } from '../../series';
import type { IntentContext } from '../intent-context';
import { trendHistory } from '../time-scope';

const iso = (ms: number) => new Date(ms).toISOString();

/** A restart this close to a memory reset is the same event (the samples of both may be a bucket apart). */
const RESET_TOLERANCE_MS = 5 * MINUTE_MS;
/** Points of the fall before a reset the peak is read from. */
const PEAK_LOOKBACK = 3;

export interface WorkloadState {
  stopped: StoppedService[];
  restarts: PodRestarts[];
  notRunning: PodNotRunning[];
  /** The history the restarts were counted over. */
  fromMs: number;
  toMs: number;
}

/** Services and pods of these servers over the day before the end of the range; null without a series store. */
export async function workloadState(ctx: IntentContext, serverIds: readonly string[]): Promise<WorkloadState | null> {
  if (!ctx.series || serverIds.length === 0) return null;
  const { fromMs, toMs } = trendHistory(ctx.time);
  const select = (name: string) => ctx.series!.select({ name, serverIds, fromMs, toMs });
  const [services, restarts, phases] = await Promise.all([
    select(SERIES_NAMES.serviceUp),
    select(SERIES_NAMES.podRestarts),
    select(SERIES_NAMES.podStatus),
  ]);
  // A series not reported for a few collections is gone (a removed unit or pod), not down.
  const freshSinceMs = toMs - Math.max(3 * ctx.data.collectIntervalMs, 2 * (ctx.data.windowStepMs ?? MINUTE_MS));
  return {
    stopped: stoppedServices(services, freshSinceMs),
    restarts: podRestarts(restarts),
    notRunning: podsNotRunning(phases, freshSinceMs),
    fromMs,
    toMs,
  };
}

export function serviceDownFinding(ctx: IntentContext, s: StoppedService, hostHealthy: boolean): Finding {
  return {
    serverId: s.serverId,
    metric: null,
    kind: 'anomaly',
    value: 0,
    threshold: null,
    level: 'critical',
    role: 'cause',
    event: 'service-down',
    labels: { service: s.service },
    at: iso(s.sinceMs),
    since: iso(s.sinceMs),
    message: ctx.say.serviceDown({ server: s.serverId, ...s, hostHealthy, nowMs: ctx.nowMs }),
  };
}

export function podNotRunningFinding(ctx: IntentContext, p: PodNotRunning): Finding {
  return {
    serverId: p.serverId,
    metric: null,
    kind: 'anomaly',
    value: null,
    threshold: null,
    level: p.phase === 'Failed' ? 'critical' : 'warning',
    role: 'cause',
    event: 'pod-failed',
    labels: { namespace: p.namespace, pod: p.pod, phase: p.phase },
    at: iso(p.sinceMs),
    since: iso(p.sinceMs),
    message: ctx.say.podNotRunning({
      server: p.serverId,
      pod: `${p.namespace}/${p.pod}`,
      phase: p.phase,
      sinceMs: p.sinceMs,
      nowMs: ctx.nowMs,
    }),
  };
}

/** The host's memory resets (a fall after a climb) over the history, with the level before and after each. */
async function memoryResets(ctx: IntentContext, serverId: string, fromMs: number, toMs: number) {
  const s = (await ctx.data.series([serverId], ['memory'], fromMs, toMs)).get(serverId)?.get('memory');
  if (!s || s.v.length < 2) return null;
  const resets = findResets(s.v).map((i) => ({
    atMs: s.t[i],
    peak: Math.max(...s.v.slice(Math.max(0, i - PEAK_LOOKBACK), i)),
    after: s.v[i],
  }));
  const trend = analyzeTrend(s);
  return { resets, ratePerHour: trend.status === 'rising' ? trend.ratePerHour : null };
}

/**
 * Restarts of one pod. When they fall on the host's memory resets, the finding tells them as the
 * leak's consequence (a symptom, related to memory); otherwise the restarts are a cause of their own.
 */
export async function podRestartFinding(ctx: IntentContext, r: PodRestarts, state: WorkloadState): Promise<Finding> {
  const memory = await memoryResets(ctx, r.serverId, state.fromMs, state.toMs);
  const matched = memory
    ? coinciding(
        r.atMs,
        memory.resets.map((x) => x.atMs),
        RESET_TOLERANCE_MS
      )
    : 0;
  const onResets = memory?.resets.filter((x) => r.atMs.some((t) => Math.abs(t - x.atMs) <= RESET_TOLERANCE_MS)) ?? [];
  // Most restarts on a reset: one story. A single coincidence among many restarts is chance.
  const leak =
    memory && matched > 0 && matched * 2 >= r.atMs.length
      ? {
          coinciding: matched,
          ratePerHour: memory.ratePerHour,
          peak: onResets.reduce((a, x) => a + x.peak, 0) / onResets.length,
          after: onResets.reduce((a, x) => a + x.after, 0) / onResets.length,
        }
      : null;
  const lastAtMs = r.atMs[r.atMs.length - 1];
  return {
    serverId: r.serverId,
    metric: null,
    kind: 'anomaly',
    value: r.count,
    threshold: null,
    level: 'warning',
    role: leak ? 'symptom' : 'cause',
    event: 'pod-restart',
    labels: { namespace: r.namespace, pod: r.pod },
    at: iso(lastAtMs),
    ...(leak ? { relatedServerId: r.serverId, relatedMetric: 'memory' as const } : {}),
    message: ctx.say.podRestarts({
      server: r.serverId,
      pod: `${r.namespace}/${r.pod}`,
      restarts: r.count,
      lastAtMs,
      rangeMs: state.toMs - state.fromMs,
      nowMs: ctx.nowMs,
      leak,
    }),
  };
}

/** Every workload finding of one server; `hostHealthy` when none of its metrics breaches a threshold. */
export async function workloadFindings(
  ctx: IntentContext,
  state: WorkloadState | null,
  serverId: string,
  hostHealthy: boolean
): Promise<Finding[]> {
  if (!state) return [];
  const restarts = await Promise.all(
    state.restarts.filter((r) => r.serverId === serverId).map((r) => podRestartFinding(ctx, r, state))
  );
  return [
    ...state.stopped.filter((s) => s.serverId === serverId).map((s) => serviceDownFinding(ctx, s, hostHealthy)),
    ...state.notRunning.filter((p) => p.serverId === serverId).map((p) => podNotRunningFinding(ctx, p)),
    ...restarts,
  ];
}
