/**
 * `npm run bench`: one run prints every figure. A dummy-mode service with 24 h of history is read
 * beside a real Prometheus holding exactly the same samples (ratios), asked questions, loaded with
 * cache-hit reads against a bare node:http route, and a 10,000-server fleet is collected every
 * second in a child process, and a 30-day backfill fills a fresh store. BENCH_REQUESTS sets how many
 * requests are timed; BENCH_PARTS (e.g. `c,d`) runs only the parts named. With DATABASE_URL / REDIS_URL
 * set, each part runs on a fresh database of that PostgreSQL server and on that Redis.
 */
import { runAskBench } from './ask-bench';
import { runBackfillBench } from './backfill-bench';
import { createBenchDatabase, type BenchDatabase } from './bench-database';
import { startBenchService, type BenchService } from './bench-service';
import { runDetectorBench } from './detector-bench';
import { runIngestBench } from './ingest-bench';
import { formatSummary, ms } from './latency';
import { LATEST_ROUNDS, runLatestBench } from './latest-bench';
import { BENCH_PROMQL, runReadBench } from './read-bench';
import { tuneGarbageCollection } from '../runtime-memory';

const ASK_TARGET = { p50: 50, p99: 250 };
const MB = 1024 * 1024;

/** The parts BENCH_PARTS may name: (a) and (b) share one run, as do the reads against one service. */
const PARTS = ['detector', 'a', 'b', 'c', 'ask', 'd', 'e'] as const;
type Part = (typeof PARTS)[number];

function selectedParts(text: string | undefined): Set<Part> {
  if (!text?.trim()) return new Set(PARTS);
  const named = text.split(',').map((p) => p.trim().toLowerCase());
  const unknown = named.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0)
    throw new Error(`BENCH_PARTS names unknown parts ${unknown.join(', ')}; expected some of ${PARTS.join(', ')}`);
  return new Set(named as Part[]);
}

let failed = false;
function verdict(ok: boolean, target: string): string {
  if (!ok) failed = true;
  return `target ${target}: ${ok ? 'met' : 'NOT met'}`;
}

async function freshEnv(
  purpose: string
): Promise<{ env: Record<string, string | undefined>; db: BenchDatabase | null }> {
  const serverUrl = process.env.DATABASE_URL;
  const db = serverUrl ? await createBenchDatabase(serverUrl, purpose) : null;
  return {
    env: { ...process.env, DATABASE_URL: db?.url, REDIS_KEY_PREFIX: `om-bench-${process.pid}-${purpose}:` },
    db,
  };
}

async function serviceBenches(requests: number, parts: Set<Part>): Promise<void> {
  const { env, db } = await freshEnv('reads');
  const bench = await startBenchService(env);
  try {
    console.log(
      `service: ${bench.config.dummy.servers} servers, 24 h history on ${bench.storage}${bench.config.redisUrl ? ' + Redis' : ''} (${bench.history}; start-up ${ms(bench.startMs)})`
    );

    if (parts.has('a') || parts.has('b')) await readBenches(bench, requests);
    if (parts.has('c')) await latestBench(bench);
    if (parts.has('ask')) await askBench(bench, requests);
  } finally {
    await bench.close();
    await db?.drop();
  }
}

async function readBenches(bench: BenchService, requests: number): Promise<void> {
  const reads = await runReadBench(bench, requests);
  console.log(
    `(a)(b) 30 servers × cpu, memory, disk × 23 h at 90 s (${reads.points} points per series), beside Prometheus holding the same ${reads.samples} samples`
  );
  console.log(
    `  PromQL (3 queries at once): ${BENCH_PROMQL.join(', ')}; series: OpenManager ${reads.series.openmanager}, Prometheus ${reads.series.prometheus}`
  );
  console.log(`  ${formatSummary('Prometheus query_range', reads.prometheus)}`);
  console.log(`  ${formatSummary('(a) POST /api/query', reads.apiQuery)}`);
  const a = reads.apiQuery.p50 / reads.prometheus.p50;
  console.log(`  (a) ratio p50 ${a.toFixed(2)}× Prometheus — ${verdict(a <= 1, '≤ 1.0×')}`);
  console.log(`  ${formatSummary('(b) /prometheus/api/v1/query_range', reads.omPromql)}`);
  const b = reads.omPromql.p50 / reads.prometheus.p50;
  console.log(`  (b) ratio p50 ${b.toFixed(2)}× Prometheus — ${verdict(b <= 1, '≤ 1.0×')}`);
}

async function latestBench(bench: BenchService): Promise<void> {
  const latest = await runLatestBench(bench, 'DB-EU-002');
  const c = latest.service.requestsPerSecond / latest.bare.requestsPerSecond;
  const at = (millis: number) => `${millis.toFixed(2)} ms`;
  console.log(`(c) GET /api/servers/DB-EU-002 (source ${latest.source}), 50 connections from wrk`);
  console.log(
    `  service: ${Math.round(latest.service.requestsPerSecond)} req/s, p50 ${at(latest.service.p50)}, p99 ${at(latest.service.p99)}, errors ${latest.service.errors}`
  );
  console.log(
    `  bare node:http, same bytes: ${Math.round(latest.bare.requestsPerSecond)} req/s, p50 ${at(latest.bare.p50)}, p99 ${at(latest.bare.p99)}`
  );
  console.log(
    `  medians of ${LATEST_ROUNDS} alternating rounds; the worst round's p99: service ${at(latest.worstP99.service)}, bare ${at(latest.worstP99.bare)}`
  );
  console.log(
    `  the service's p99 over the bare route's in the round beside it: ${latest.p99OverBare.toFixed(2)}× (median)`
  );
  console.log(
    `  (c) ratio ${c.toFixed(2)}× bare, p99 ${at(latest.service.p99)} — ${verdict(c >= 0.5 && latest.service.p99 <= 5, '≥ 0.5× with p99 ≤ 5 ms')}`
  );
}

async function askBench(bench: BenchService, requests: number): Promise<void> {
  const ask = await runAskBench(bench, { requests, warmup: 20 });
  console.log(`POST /api/ask: first question ${ms(ask.firstMs)}; ${formatSummary('sequential', ask.summary)}`);
  console.log(
    `  ${verdict(ask.summary.p50 < ASK_TARGET.p50 && ask.summary.p99 < ASK_TARGET.p99, `p50 < ${ASK_TARGET.p50} ms, p99 < ${ASK_TARGET.p99} ms`)}`
  );
}

async function ingestBench(): Promise<void> {
  const { env, db } = await freshEnv('ingest');
  try {
    const r = await runIngestBench(env);
    const rss = r.peakRssBytes / MB;
    console.log(
      `(d) ${r.servers} dummy servers every ${r.intervalMs} ms for ${r.seconds} s after a ${r.warmupMs / 1000} s warm-up, on a fresh store (${env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`
    );
    console.log(
      `  stored ${Math.round(r.rowsPerSecond)} rows/s; ${formatSummary('collection run', r.runs)}; skipped ticks ${r.skipped}`
    );
    console.log(
      `  peak RSS ${rss.toFixed(0)} MB (head: ${r.head.samples} samples, ${(r.head.bytes / MB).toFixed(1)} MB, covering from ${r.head.coveredFrom})`
    );
    console.log(
      `  event loop delay while collecting: p99 ${ms(r.loopDelayMs.p99)}, max ${ms(r.loopDelayMs.max)} (what a read arriving meanwhile waits)`
    );
    const sustained = r.rowsPerSecond >= 0.95 * r.servers * (1000 / r.intervalMs) && r.skipped === 0;
    console.log(`  (d) ${verdict(sustained && rss < 300, 'sustained with RSS < 300 MB')}`);
  } finally {
    await db?.drop();
  }
}

/** A reasonable start-up for a month of history. */
const BACKFILL_TARGET_MS = 120_000;

async function backfillBench(): Promise<void> {
  const { env, db } = await freshEnv('backfill');
  try {
    const r = await runBackfillBench(env);
    console.log(
      `(e) ${r.hours} h dummy backfill, ${r.servers} servers, on a fresh store (${env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`
    );
    console.log(
      `  ${r.samples} samples in ${ms(r.ms)}: ${Math.round(r.samplesPerSecond)} samples/s → ${r.rawRows} raw rows, ${r.fiveMinuteRows} 5-minute and ${r.hourRows} 1-hour rollup rows`
    );
    console.log(
      `  30 days of DB-EU-002 cpu at 1 h: ${r.monthPoints} points — ${verdict(r.ms <= BACKFILL_TARGET_MS && r.monthPoints >= 700, `≤ ${BACKFILL_TARGET_MS / 1000} s with ≥ 700 points`)}`
    );
  } finally {
    await db?.drop();
  }
}

async function main(): Promise<void> {
  // The service below runs in this process, as `npm start` runs it.
  tuneGarbageCollection();
  const requests = Number(process.env.BENCH_REQUESTS ?? 100);
  if (!Number.isInteger(requests) || requests < 1)
    throw new Error(`BENCH_REQUESTS expects a positive whole number, got ${process.env.BENCH_REQUESTS}`);

  const parts = selectedParts(process.env.BENCH_PARTS);

  if (parts.has('detector')) {
    const detector = runDetectorBench();
    console.log(
      `anomaly detector: ${(detector.pointsPerSecond / 1e6).toFixed(2)} M points/s (${detector.points} points, best of 5)`
    );
  }
  if (['a', 'b', 'c', 'ask'].some((p) => parts.has(p as Part))) await serviceBenches(requests, parts);
  if (parts.has('d')) await ingestBench();
  if (parts.has('e')) await backfillBench();
  if (failed) process.exitCode = 1;
}

main().catch((err: Error) => {
  console.error(`bench failed: ${err.stack ?? err.message}`);
  process.exit(1);
});
