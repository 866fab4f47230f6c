/**
 * 60 s of GET /api/servers/:id against the built service while it collects, with its PostgreSQL
 * stopped from second 20 to 40. Reports errors, latency, resident memory over time and samples
 * lost (collected vs stored once the spool has drained). Writes the report to OUT (default
 * outage-load.json) and prints it. Knobs: BENCH_SECONDS, OUTAGE_FROM_S, OUTAGE_TO_S, CONCURRENCY, DUMMY_SERVERS.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startOwnPostgres } from '../../collector-service/test/support/own-servers';
import { freePort, SERVICE_MAIN, startProcess, waitForOk } from '../support/process';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const OUTAGE_FROM = Number(process.env.OUTAGE_FROM_S ?? 20);
const OUTAGE_TO = Number(process.env.OUTAGE_TO_S ?? 40);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 8);
const SERVERS = process.env.DUMMY_SERVERS ?? '1000';
const OUT = process.env.OUT ?? 'outage-load.json';

const rssMiB = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Math.round(Number(line.replace(/\D+/g, '')) / 1024);
};
const percentile = (xs: number[], p: number) =>
  xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

test(`${SECONDS} s of reads while collecting, PostgreSQL down from ${OUTAGE_FROM} s to ${OUTAGE_TO} s`, async () => {
  const pg = await startOwnPostgres();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'om-bench-'));
  const port = await freePort();
  const proc = startProcess(
    SERVICE_MAIN,
    {
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: pg.url,
      DUMMY_BACKFILL_HOURS: '0',
      DUMMY_SERVERS: SERVERS,
      COLLECT_INTERVAL_MS: '1000',
      LOG_LEVEL: 'info',
    },
    port
  );
  try {
    await waitForOk(`${proc.baseUrl}/api/health`, proc, 60_000);
    // the inventory exists once the first run is stored: before that every id is rightly unknown (404)
    while (!proc.output().includes('"msg":"collection run"')) await new Promise((r) => setTimeout(r, 100));
    const ids = ['DB-EU-002', 'WEB-US-001', 'K8S-WORKER-03', 'ONPREM-FILE-01', 'API-US-001'];
    const started = Date.now();
    const latencies: number[] = [];
    const errors: Record<string, number> = {};
    const memory: Array<{ s: number; rssMiB: number; spoolRecords: number }> = [];
    let outage: Promise<void> = Promise.resolve();

    const sampler = setInterval(() => void sample(), 2_000);
    async function sample() {
      const status = (await (await fetch(`${proc.baseUrl}/api/status`)).json()) as {
        collection: { spool: { records: number } | null };
      };
      memory.push({
        s: Math.round((Date.now() - started) / 1000),
        rssMiB: rssMiB(proc.child.pid!),
        spoolRecords: status.collection.spool?.records ?? 0,
      });
    }
    const schedule = [
      setTimeout(() => void (outage = pg.stop()), OUTAGE_FROM * 1000),
      setTimeout(() => void (outage = outage.then(() => pg.start())), OUTAGE_TO * 1000),
    ];
    const worker = async (w: number) => {
      for (let i = w; Date.now() - started < SECONDS * 1000; i += CONCURRENCY) {
        const t = performance.now();
        try {
          const res = await fetch(`${proc.baseUrl}/api/servers/${ids[i % ids.length]}`);
          await res.arrayBuffer();
          if (res.status !== 200) errors[`HTTP ${res.status}`] = (errors[`HTTP ${res.status}`] ?? 0) + 1;
        } catch (err) {
          errors[(err as Error).message] = (errors[(err as Error).message] ?? 0) + 1;
        }
        latencies.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
    clearInterval(sampler);
    schedule.forEach(clearTimeout);
    await outage;

    // let the spool drain, then stop the service gracefully and count
    for (;;) {
      const status = (await (await fetch(`${proc.baseUrl}/api/status`)).json()) as {
        collection: { spool: { records: number } | null; pendingSamples: number };
      };
      if ((status.collection.spool?.records ?? 0) === 0 && status.collection.pendingSamples === 0) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const exitCode = await proc.stop();
    const runs = proc
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg?: string; samples?: number; persisted?: string })
      .filter((l) => l.msg === 'collection run');
    const collected = runs.reduce((n, r) => n + (r.samples ?? 0), 0);
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    const [{ rows }] = (await client.query('SELECT count(*)::int AS rows FROM server_metrics')).rows as Array<{
      rows: number;
    }>;
    await client.end();

    const rss = memory.map((m) => m.rssMiB);
    const report = {
      seconds: SECONDS,
      outage: `${OUTAGE_FROM}-${OUTAGE_TO} s`,
      concurrency: CONCURRENCY,
      servers: Number(SERVERS),
      requests: latencies.length,
      errors,
      latencyMs: {
        p50: +percentile(latencies, 0.5).toFixed(2),
        p99: +percentile(latencies, 0.99).toFixed(2),
        max: +Math.max(...latencies).toFixed(1),
      },
      rssMiB: { first: rss[0], min: Math.min(...rss), max: Math.max(...rss), last: rss.at(-1) },
      memory,
      runs: runs.length,
      runsSpooled: runs.filter((r) => r.persisted === 'spool').length,
      runsHeldInMemory: runs.filter((r) => r.persisted === 'memory').length,
      samplesCollected: collected,
      rowsStored: rows,
      samplesLost: collected - rows,
      exitCode,
    };
    writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify({ ...report, memory: undefined }, null, 2));
  } finally {
    await proc.stop('SIGKILL');
    await pg.remove();
    await rm(dataDir, { recursive: true, force: true });
  }
}, 600_000);
