/**
 * 10,000 dummy servers collected every second on a fresh store, in a child process: rows/s, run durations,
 * peak RSS. Watched long enough to be sustained: the head fills to its cap and the once-a-minute rules
 * (the anomaly scores among them) run twice.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { LatencySummary } from './latency';

export interface IngestBenchResult {
  servers: number;
  intervalMs: number;
  seconds: number;
  warmupMs: number;
  rowsPerSecond: number;
  runs: LatencySummary;
  skipped: number;
  peakRssBytes: number;
  /** Event-loop delay over the watch: what a request arriving meanwhile waits before it is read. */
  loopDelayMs: { p99: number; max: number };
  head: { samples: number; bytes: number; coveredFrom: string | null };
}

export async function runIngestBench(
  env: Record<string, string | undefined>,
  servers = 10_000,
  intervalMs = 1_000,
  seconds = 130
): Promise<IngestBenchResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'om-ingest-'));
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(__dirname, 'ingest-child.js')], {
    env: {
      ...env,
      // As `npm start` and the Docker image run the service (see runtime-memory.ts).
      MALLOC_ARENA_MAX: '2',
      DATA_DIR: dataDir,
      DUMMY_SERVERS: String(servers),
      COLLECT_INTERVAL_MS: String(intervalMs),
      BENCH_SECONDS: String(seconds),
      PORT: '0',
      HOST: '127.0.0.1',
    },
    maxBuffer: 1 << 20,
    timeout: (seconds + 120) * 1000,
  }).finally(() => rm(dataDir, { recursive: true, force: true }));
  return {
    servers,
    intervalMs,
    seconds,
    ...(JSON.parse(stdout.trim().split('\n').pop()!) as Omit<IngestBenchResult, 'servers' | 'intervalMs' | 'seconds'>),
  };
}
