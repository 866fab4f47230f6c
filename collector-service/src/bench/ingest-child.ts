/**
 * One ingest benchmark run in its own process (so its RSS is the service's alone): a dummy fleet of
 * DUMMY_SERVERS collecting every COLLECT_INTERVAL_MS on an empty store, watched for BENCH_SECONDS.
 * Prints one JSON line: rows/s stored, run durations, skipped runs, peak RSS, and how long the event loop was
 * held (what a read arriving meanwhile waits).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pino from 'pino';
import { loadConfig } from '../config';
import { tuneGarbageCollection } from '../runtime-memory';
import { startService } from '../service';
import { summarize } from './latency';

const WARMUP_MS = 5_000;

async function main(): Promise<void> {
  tuneGarbageCollection();
  const seconds = Number(process.env.BENCH_SECONDS);
  if (!(seconds > 0)) throw new Error(`BENCH_SECONDS must be a positive number, got ${process.env.BENCH_SECONDS}`);
  const config = loadConfig({ ...process.env, DUMMY_BACKFILL_HOURS: '0', LOG_LEVEL: 'silent' });
  const service = await startService(config, pino({ level: 'silent' }));
  const { manager, storage } = service.context;
  const count = async () =>
    (await storage.store.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM server_metrics'))[0].n;
  const durations: number[] = [];
  let seenRuns = manager.managerStats().runs;
  let peakRss = 0;
  const watch = setInterval(() => {
    const stats = manager.managerStats();
    if (stats.runs !== seenRuns && stats.lastRunDurationMs !== null) durations.push(stats.lastRunDurationMs);
    seenRuns = stats.runs;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 20);
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  durations.length = 0;
  peakRss = 0;
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const skippedBefore = manager.managerStats().skippedRuns;
  const rowsBefore = await count();
  const started = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const rowsAfter = await count();
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(watch);
  loopDelay.disable();
  const skipped = manager.managerStats().skippedRuns - skippedBefore;
  const head = storage.store.head.stats();
  await service.close();
  console.log(
    JSON.stringify({
      warmupMs: WARMUP_MS,
      rowsPerSecond: (rowsAfter - rowsBefore) / elapsed,
      runs: summarize(durations.length > 0 ? durations : [NaN]),
      skipped,
      peakRssBytes: peakRss,
      loopDelayMs: { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
      head,
    })
  );
}

main().catch((err: Error) => {
  console.error(err.stack ?? err.message);
  process.exit(1);
});
