/**
 * `npm run bench`: starts a dummy-mode service with 24 h of history and prints the figures of each
 * benchmark. BENCH_REQUESTS sets how many requests are timed; DATABASE_URL / REDIS_URL, when set,
 * are used as the service would use them (give it a fresh database: a store that already holds
 * samples is not backfilled).
 */
import { runAskBench } from './ask-bench';
import { startBenchService } from './bench-service';
import { runDetectorBench } from './detector-bench';
import { formatSummary, ms } from './latency';
import { runQueryBench } from './query-bench';
import { runScaleBench } from './scale-bench';

const ASK_TARGET = { p50: 50, p99: 250 };

async function main(): Promise<void> {
  const requests = Number(process.env.BENCH_REQUESTS ?? 400);
  if (!Number.isInteger(requests) || requests < 1) throw new Error(`BENCH_REQUESTS expects a positive whole number, got ${process.env.BENCH_REQUESTS}`);

  const detector = runDetectorBench();
  console.log(`anomaly detector: ${(detector.pointsPerSecond / 1e6).toFixed(2)} M points/s (${detector.points} points, best of 5)`);

  const bench = await startBenchService(process.env);
  try {
    console.log(`service: ${bench.config.dummy.servers} servers, 24 h history on ${bench.storage} (${bench.history}; start-up ${ms(bench.startMs)})`);
    const ask = await runAskBench(bench, { requests, warmup: 20 });
    console.log(`  first question (loads the history window): ${ms(ask.firstMs)}`);
    console.log(`  ${formatSummary('POST /api/ask (sequential)', ask.summary)}`);
    const ok = ask.summary.p50 < ASK_TARGET.p50 && ask.summary.p99 < ASK_TARGET.p99;
    console.log(`  target p50 < ${ASK_TARGET.p50} ms, p99 < ${ASK_TARGET.p99} ms: ${ok ? 'met' : 'NOT met'}`);
    if (!ok) process.exitCode = 1;
    const query = await runQueryBench(bench, Math.max(10, Math.round(requests / 10)));
    console.log(`  ${formatSummary('POST /api/query 30 servers x 3 metrics x 24 h, 1000 points', query)}`);
  } finally {
    await bench.close();
  }

  const scale = await runScaleBench(process.env);
  console.log(`scale: ${scale.servers} simulated servers on ${scale.storage}`);
  console.log(`  ${formatSummary('collection run (collect + one write + one cache pipeline)', scale.run)}`);
  console.log(`  ${formatSummary('GET /api/servers', scale.list)}`);
}

main().catch((err: Error) => {
  console.error(`bench failed: ${err.message}`);
  process.exit(1);
});
