/**
 * `npm run bench`: runs the benchmarks and prints their figures. BENCH_REQUESTS sets how many
 * questions are timed; DATABASE_URL / REDIS_URL, when set, are used as the service would use them
 * (give it a fresh database: a store that already holds samples is not backfilled).
 */
import { runAskBench } from './ask-bench';
import { formatSummary, ms } from './latency';

const ASK_TARGET = { p50: 50, p99: 250 };

async function main(): Promise<void> {
  const requests = Number(process.env.BENCH_REQUESTS ?? 400);
  if (!Number.isInteger(requests) || requests < 1) throw new Error(`BENCH_REQUESTS expects a positive whole number, got ${process.env.BENCH_REQUESTS}`);
  const ask = await runAskBench({ requests, warmup: 20, env: process.env });
  console.log(`ask benchmark: ${ask.servers} servers, 24 h history on ${ask.storage} (${ask.history}; start-up ${ms(ask.startMs)}), sequential questions over HTTP`);
  console.log(`  first question (loads the history window): ${ms(ask.firstMs)}`);
  console.log(`  ${formatSummary('POST /api/ask', ask.summary)}`);
  const ok = ask.summary.p50 < ASK_TARGET.p50 && ask.summary.p99 < ASK_TARGET.p99;
  console.log(`  target p50 < ${ASK_TARGET.p50} ms, p99 < ${ASK_TARGET.p99} ms: ${ok ? 'met' : 'NOT met'}`);
  if (!ok) process.exitCode = 1;
}

main().catch((err: Error) => {
  console.error(`bench failed: ${err.message}`);
  process.exit(1);
});
