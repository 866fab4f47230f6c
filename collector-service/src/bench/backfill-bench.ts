/** The 30-day dummy backfill on a fresh store: how long it takes and how many samples a second it turns into rollups and raw rows. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../config';
import { startService } from '../service';

export const BACKFILL_BENCH_HOURS = 720;

export interface BackfillBenchResult {
  hours: number;
  servers: number;
  /** Simulated samples consumed (1-minute resolution): rolled up in memory or written raw. */
  samples: number;
  rawRows: number;
  fiveMinuteRows: number;
  hourRows: number;
  ms: number;
  samplesPerSecond: number;
  /** Points of DB-EU-002's cpu over the last 30 days at a 1-hour step, read back after the backfill. */
  monthPoints: number;
}

export async function runBackfillBench(env: Record<string, string | undefined>): Promise<BackfillBenchResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'om-bench-backfill-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...env,
    DUMMY_BACKFILL_HOURS: String(BACKFILL_BENCH_HOURS),
    PORT: '0',
    HOST: '127.0.0.1',
  });
  const started = performance.now();
  const service = await startService(config, pino({ level: 'silent' }), { schedule: false });
  try {
    const progress = await service.backfillDone;
    const ms = performance.now() - started;
    if (progress.state !== 'done') throw new Error(`backfill ${progress.state}: ${progress.error ?? ''}`);
    const { store } = service.context.storage;
    const count = async (table: string) =>
      (await store.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
    const now = service.context.now();
    const { series } = await store.read({
      serverIds: ['DB-EU-002'],
      metrics: ['cpu'],
      fromMs: now - 30 * 86_400_000,
      toMs: now,
      stepMs: 3_600_000,
      aggregation: 'avg',
    });
    return {
      hours: BACKFILL_BENCH_HOURS,
      servers: config.dummy.servers,
      samples: progress.samples,
      rawRows: await count('server_metrics'),
      fiveMinuteRows: await count('metric_rollups_5m'),
      hourRows: await count('metric_rollups_1h'),
      ms,
      samplesPerSecond: progress.samples / (ms / 1000),
      monthPoints: series[0]?.timestamps.length ?? 0,
    };
  } finally {
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
