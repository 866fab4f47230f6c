/** Fills an empty store with the simulator's recent past, so charts and analysis have history at once. */
import type { Logger } from 'pino';
import type { HistoryCollector } from '../domain/collector';
import type { ServerMetrics } from '../domain/metrics';
import type { SeriesSample } from '../domain/series';
import type { ServerRecord } from '../domain/server-state';
import type { SampleWriter } from './sample-writer';

export const BACKFILL_STEP_MS = 60_000;
const SAMPLES_PER_WRITE = 10_000;

export interface BackfillProgress {
  state: 'not-needed' | 'running' | 'done' | 'failed';
  samples: number;
  error?: string;
}

/** Writes `hours` of history ending at `endMs`, at 1-minute resolution, in batches. */
export async function backfill(
  collector: HistoryCollector,
  writer: SampleWriter,
  hours: number,
  endMs: number,
  log: Logger,
  onProgress: (p: BackfillProgress) => void = () => {},
  /** Shutdown: stop between writes (what was written stays; the rest is backfilled on no later start, since the store is no longer empty). */
  signal?: AbortSignal
): Promise<BackfillProgress> {
  const from = new Date(endMs - hours * 3_600_000);
  const inventory = new Map((await collector.getServerList()).map((s) => [s.id, s]));
  let pending: ServerMetrics[] = [];
  let written = 0;

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
    written += pending.length;
    pending = [];
    onProgress({ state: 'running', samples: written });
  };

  const started = performance.now();
  for (const chunk of collector.history(from, new Date(endMs), BACKFILL_STEP_MS)) {
    signal?.throwIfAborted();
    pending.push(...chunk);
    if (pending.length >= SAMPLES_PER_WRITE) await flush();
  }
  await flush();
  const series = collector.seriesHistory
    ? await backfillSeries(collector.seriesHistory(from, new Date(endMs), BACKFILL_STEP_MS), writer, signal)
    : 0;
  log.info({ hours, samples: written, series, ms: Math.round(performance.now() - started) }, 'history backfilled');
  return { state: 'done', samples: written };
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
