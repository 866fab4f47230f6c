/**
 * /api/ask under sequential questions: a dummy-mode service with the 30-server fleet and 24 h of
 * backfilled history, listening on a loopback port, collecting on its schedule while questions
 * (every intent, Korean and English) are sent one after another over HTTP.
 */
import { serve } from '@hono/node-server';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../config';
import { startService } from '../service';
import { summarize, type LatencySummary } from './latency';

export const BENCH_QUESTIONS: readonly string[] = [
  'DB-EU-002 서버에 문제가 있나요?',
  'Is there a problem with DB-EU-002?',
  '서버 전체적으로 문제 없어?',
  'How are the AWS servers doing?',
  '메모리 많이 쓰는 서버 5개',
  'Which 6 servers have the highest CPU?',
  '최근 1시간 이상 패턴 있었는지 알려줘',
  'Anything unusual in the last hour?',
  '디스크가 언제 꽉 찰까?',
  'Which disk fills up first?',
  'K8S-WORKER-03 메모리 전망 알려줘',
  'Why is DB-EU-001 CPU spiking?',
  'API-US-001 CPU 스파이크 다음에 뭐가 따라와?',
  'Compare WEB-US-001 and WEB-US-002',
  'ONPREM-LDAP-01이 ONPREM-MAIL-01보다 CPU를 더 쓰나?',
  '오프라인 서버 있어?',
  'Show me any servers that are down',
  'K8S-WORKER-01 CPU for the last 30 minutes',
  'ONPREM-DB-01 CPU 현재 값 알려줘',
  'asdf',
];

export interface AskBenchOptions {
  requests: number;
  warmup: number;
  env: Record<string, string | undefined>;
}

export interface AskBenchResult {
  summary: LatencySummary;
  /** The first question after start: loads the 24 h window. */
  firstMs: number;
  /** Start-up including the backfill. */
  startMs: number;
  history: 'backfilled' | 'already stored';
  storage: string;
  servers: number;
}

async function post(url: string, question: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
  const body = (await res.json()) as { severity?: string };
  const elapsed = performance.now() - started;
  if (res.status !== 200 || !body.severity) throw new Error(`/api/ask answered ${res.status}: ${JSON.stringify(body)}`);
  return elapsed;
}

export async function runAskBench(options: AskBenchOptions): Promise<AskBenchResult> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'om-bench-'));
  const config = loadConfig({ DATA_DIR: dataDir, DUMMY_BACKFILL_HOURS: '24', LOG_LEVEL: 'silent', ...options.env, PORT: '0', HOST: '127.0.0.1' });
  const startedAt = performance.now();
  const service = await startService(config, pino({ level: 'silent' }));
  const server = serve({ fetch: service.app.fetch, port: 0, hostname: '127.0.0.1' });
  try {
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/ask`;
    const backfill = await service.backfillDone;
    if (backfill.state === 'failed') throw new Error(`backfill failed: ${backfill.error}`);
    const startMs = performance.now() - startedAt;
    const firstMs = await post(url, BENCH_QUESTIONS[0]);
    for (let i = 0; i < options.warmup; i++) await post(url, BENCH_QUESTIONS[i % BENCH_QUESTIONS.length]);
    const durations: number[] = [];
    for (let i = 0; i < options.requests; i++) durations.push(await post(url, BENCH_QUESTIONS[i % BENCH_QUESTIONS.length]));
    return {
      summary: summarize(durations),
      firstMs,
      startMs,
      history: backfill.state === 'done' ? 'backfilled' : 'already stored',
      storage: config.databaseUrl ? 'PostgreSQL' : 'embedded PGlite',
      servers: config.dummy.servers,
    };
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
