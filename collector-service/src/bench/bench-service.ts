/** A dummy-mode service for benchmarks: temp embedded storage (or DATABASE_URL), backfilled, listening on a loopback port. */
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../config';
import { createHttpServer } from '../http/server';
import { startService, type RunningService } from '../service';

export interface BenchService {
  baseUrl: string;
  service: RunningService;
  config: Config;
  /** Start-up including the backfill. */
  startMs: number;
  history: 'backfilled' | 'already stored';
  storage: string;
  close(): Promise<void>;
}

export async function startBenchService(env: Record<string, string | undefined>): Promise<BenchService> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'om-bench-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    DUMMY_BACKFILL_HOURS: '24',
    LOG_LEVEL: 'silent',
    // The limiter still counts every request (its cost is part of each read), but a load generator must
    // not be answered 429 after the default 6,000 a minute: those would be timed as fast answers.
    RATE_LIMIT_PER_MINUTE: '10000000',
    ...env,
    PORT: '0',
    HOST: '127.0.0.1',
  });
  const startedAt = performance.now();
  const service = await startService(config, pino({ level: 'silent' }));
  const server = createHttpServer(service, '127.0.0.1').listen(0, '127.0.0.1');
  const close = async () => {
    await new Promise((resolve) => server.close(resolve));
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
    const backfill = await service.backfillDone;
    if (backfill.state === 'failed') throw new Error(`backfill failed: ${backfill.error}`);
    return {
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      service,
      config,
      startMs: performance.now() - startedAt,
      history: backfill.state === 'done' ? 'backfilled' : 'already stored',
      storage: config.databaseUrl ? 'PostgreSQL' : 'embedded PGlite',
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Times one JSON POST; throws unless it answers 200. */
export async function timedPost(url: string, body: unknown): Promise<{ ms: number; json: unknown }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
  return { ms, json };
}
