/** A fleet of 10,000 simulated servers: how long one collection run (collect, one batch write, one cache pipeline) takes. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../config';
import { startService } from '../service';
import { summarize, type LatencySummary } from './latency';

export async function runScaleBench(env: Record<string, string | undefined>, servers = 10_000, runs = 5): Promise<{ servers: number; storage: string; run: LatencySummary; list: LatencySummary }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'om-scale-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env, DUMMY_SERVERS: String(servers), DUMMY_BACKFILL_HOURS: '0', COLLECT_INTERVAL_MS: '60000' });
  const service = await startService(config, pino({ level: 'silent' }), { schedule: false });
  try {
    const runDurations: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await service.context.manager.tick();
      runDurations.push(performance.now() - started);
      // distinct timestamps for the next run
      await new Promise((r) => setTimeout(r, 5));
    }
    const listDurations: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const res = await service.app.request('/api/servers');
      await res.json();
      listDurations.push(performance.now() - started);
    }
    return { servers, storage: config.databaseUrl ? 'PostgreSQL' : 'embedded PGlite', run: summarize(runDurations), list: summarize(listDurations) };
  } finally {
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
