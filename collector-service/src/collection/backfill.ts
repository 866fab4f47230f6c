/**
 * Fills an empty store with the simulator's past, so charts and analysis have history at once:
 * what is older than the raw retention goes straight into the rollups (5-minute rows computed in
 * memory, then hours from them), the recent rest into raw samples as live collection writes them.
 */
import type { Logger } from 'pino';
import type { HistoryCollector } from '../domain/collector';
import type { ServerMetrics } from '../domain/metrics';
import type { SeriesSample } from '../domain/series';
import type { ServerRecord } from '../domain/server-state';
import { FiveMinuteBuckets, type RollupRow } from '../storage/rollups/bucket-rows';
import { BUCKET_MS } from '../storage/rollups/resolution';
import type { RollupStore } from '../storage/rollups/rollup-store';
import type { SampleWriter } from './sample-writer';

export const BACKFILL_STEP_MS = 60_000;
const SAMPLES_PER_WRITE = 10_000;
/** 5-minute rows per insert: large enough that a month is a few hundred statements. */
const ROLLUP_ROWS_PER_WRITE = 5_000;
const HOUR = 3_600_000;

export interface BackfillProgress {
  state: 'not-needed' | 'running' | 'done' | 'failed';
  samples: number;
  error?: string;
}

export interface BackfillPlan {
  /** History to generate, ending at endMs. */
  hours: number;
  /** The newest part of it written as raw samples (the raw retention); the older rest goes into the rollups. */
  rawHours: number;
  endMs: number;
}

/** Where the raw part starts: all of it within the raw retention, else on an hour, so no rollup bucket is written from both sides. */
export function rawStart(plan: BackfillPlan): number {
  if (plan.hours <= plan.rawHours) return plan.endMs - plan.hours * HOUR;
  return Math.ceil((plan.endMs - plan.rawHours * HOUR) / HOUR) * HOUR;
}

/** Writes the plan's history at 1-minute resolution, in batches. */
export async function backfill(
  collector: HistoryCollector,
  writer: SampleWriter,
  rollups: RollupStore,
  plan: BackfillPlan,
  log: Logger,
  onProgress: (p: BackfillProgress) => void = () => {},
  /** Shutdown: stop between writes (what was written stays; the rest is backfilled on no later start, since the store is no longer empty). */
  signal?: AbortSignal
): Promise<BackfillProgress> {
  const started = performance.now();
  const fromMs = plan.endMs - plan.hours * HOUR;
  const cutMs = rawStart(plan);
  let samples = 0;
  const report = (n: number) => onProgress({ state: 'running', samples: (samples += n) });
  const rolled = cutMs > fromMs ? await backfillRollups(collector, rollups, fromMs, cutMs, report, signal) : 0;
  await backfillRaw(collector, writer, cutMs, plan.endMs, report, signal);
  // Labelled series have no rollups: only the raw retention's worth is written.
  const series = collector.seriesHistory
    ? await backfillSeries(
        collector.seriesHistory(new Date(cutMs), new Date(plan.endMs), BACKFILL_STEP_MS),
        writer,
        signal
      )
    : 0;
  log.info(
    { hours: plan.hours, samples, series, rollupRows: rolled, ms: Math.round(performance.now() - started) },
    'history backfilled'
  );
  return { state: 'done', samples };
}

/** [fromMs, toMs) into 5-minute rows, then its hours from them. Returns the 5-minute rows written. */
export async function backfillRollups(
  collector: HistoryCollector,
  rollups: RollupStore,
  fromMs: number,
  toMs: number,
  report: (samples: number) => void = () => {},
  signal?: AbortSignal
): Promise<number> {
  const buckets = new FiveMinuteBuckets();
  let pending: RollupRow[] = [];
  let written = 0;
  let consumed = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    written += await rollups.writeFiveMinute(pending);
    pending = [];
    report(consumed);
    consumed = 0;
  };
  for (const chunk of collector.history(new Date(fromMs), new Date(toMs), BACKFILL_STEP_MS)) {
    signal?.throwIfAborted();
    if (chunk.length === 0) continue;
    const t = chunk[0].timestamp.getTime();
    if (t % BUCKET_MS['5m'] === 0) pending.push(...buckets.drain(t));
    for (const s of chunk) buckets.add(s);
    consumed += chunk.length;
    if (pending.length >= ROLLUP_ROWS_PER_WRITE) await flush();
  }
  pending.push(...buckets.drain());
  await flush();
  await rollups.rollUpHours(Math.floor(fromMs / HOUR) * HOUR, toMs);
  return written;
}

async function backfillRaw(
  collector: HistoryCollector,
  writer: SampleWriter,
  fromMs: number,
  toMs: number,
  report: (samples: number) => void,
  signal?: AbortSignal
): Promise<void> {
  if (toMs <= fromMs) return;
  const inventory = new Map((await collector.getServerList()).map((s) => [s.id, s]));
  let pending: ServerMetrics[] = [];

  const flush = async () => {
    if (pending.length === 0) return;
    const newest = new Map<string, ServerMetrics>();
    for (const s of pending) newest.set(s.serverId, s); // chunks arrive in time order
    const servers: ServerRecord[] = [...newest.values()].map((s) => ({
      ...inventory.get(s.serverId)!,
      reachable: true,
      lastSeenAt: s.timestamp,
      lastStatus: s.status,
    }));
    if ((await writer.write({ servers, samples: pending }, { cacheLatest: false })) !== 'database') {
      throw new Error(writer.getStats().lastWriteError ?? 'database write failed');
    }
    report(pending.length);
    pending = [];
  };

  for (const chunk of collector.history(new Date(fromMs), new Date(toMs), BACKFILL_STEP_MS)) {
    signal?.throwIfAborted();
    pending.push(...chunk);
    if (pending.length >= SAMPLES_PER_WRITE) await flush();
  }
  await flush();
}

/** Writes the collector's labelled series history in batches; returns how many samples were written. */
async function backfillSeries(
  chunks: Iterable<SeriesSample[]>,
  writer: SampleWriter,
  signal?: AbortSignal
): Promise<number> {
  let pending: SeriesSample[] = [];
  let written = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    if ((await writer.write({ servers: [], samples: [], series: pending }, { cacheLatest: false })) !== 'database') {
      throw new Error(writer.getStats().lastWriteError ?? 'database write failed');
    }
    written += pending.length;
    pending = [];
  };
  for (const chunk of chunks) {
    signal?.throwIfAborted();
    pending.push(...chunk);
    if (pending.length >= SAMPLES_PER_WRITE) await flush();
  }
  await flush();
  return written;
}
