/**
 * Range reads beside a real Prometheus holding exactly the same samples: the dashboard query
 * (30 servers × cpu, memory, disk over 23 h at 90 s) through /api/query and through
 * /prometheus/api/v1/query_range, each against Prometheus's own query_range of the same PromQL.
 * Requests are sent and their answers parsed in a worker thread (TimedClient), as another process would.
 */
import { CONTRACT_SERVER_IDS } from '../collectors/dummy/fleet';
import type { BenchService } from './bench-service';
import { summarize, type LatencySummary } from './latency';
import { startRealPrometheus } from './real-prometheus';
import { exportFamilies } from './store-export';
import { TimedClient, type TimedRequest } from './timed-client';

const STEP_MS = 90_000;
const SPAN_MS = 23 * 3_600_000;
const METRICS = ['cpu', 'memory', 'disk'];
/** One query per metric (avg_over_time drops the name, so one selector over the three would collide), sent together. */
export const BENCH_PROMQL = METRICS.map((m) => `avg_over_time(openmanager_${m}_usage_percent[90s])`);

export interface ReadBenchResult {
  samples: number;
  points: number;
  series: { openmanager: number; prometheus: number };
  apiQuery: LatencySummary;
  omPromql: LatencySummary;
  prometheus: LatencySummary;
}

/** Durations (ms) of `runs` sequential sends of `batch`, after one untimed send. */
async function timed(client: TimedClient, batch: TimedRequest[], runs: number): Promise<number[]> {
  await client.time(batch);
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) durations.push(await client.time(batch));
  return durations;
}

async function ok<T = { data: { result: unknown[] } }>(res: Response): Promise<T> {
  const body = await res.json();
  if (res.status !== 200) throw new Error(`${res.url} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body as T;
}

export async function runReadBench(bench: BenchService, requests: number): Promise<ReadBenchResult> {
  const store = bench.service.context.storage.store;
  await bench.service.context.storage.headLoaded;
  const end = Math.floor(Date.now() / STEP_MS) * STEP_MS;
  const { families, samples } = await exportFamilies(store, end);
  const prometheus = await startRealPrometheus(families);
  try {
    const apiBody = JSON.stringify({
      range: { from: end - SPAN_MS, to: end },
      intervalMs: STEP_MS,
      maxDataPoints: SPAN_MS / STEP_MS + 1,
      targets: [
        {
          refId: 'A',
          queryType: 'timeseries',
          servers: [...CONTRACT_SERVER_IDS],
          metrics: ['cpu', 'memory', 'disk'],
          aggregation: 'avg',
        },
      ],
    });
    const rangeParams = BENCH_PROMQL.map(
      (query) =>
        new URLSearchParams({
          query,
          start: String((end - SPAN_MS + STEP_MS) / 1000),
          end: String(end / 1000),
          step: String(STEP_MS / 1000),
        })
    );
    const queryRange = (base: string): TimedRequest[] =>
      rangeParams.map((p) => ({ url: `${base}/api/v1/query_range?${p}` }));
    const apiQuery: TimedRequest[] = [
      {
        url: `${bench.baseUrl}/api/query`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: apiBody,
      },
    ];
    const omPromql = queryRange(`${bench.baseUrl}/prometheus`);
    const promPromql = queryRange(prometheus.url);
    const seriesOf = async (batch: TimedRequest[]) => {
      const answers = await Promise.all(batch.map((r) => fetch(r.url).then((res) => ok(res))));
      return answers.reduce((n, a) => n + a.data.result.length, 0);
    };

    const frames = (
      await fetch(apiQuery[0].url, apiQuery[0]).then((res) => ok<{ results: { A: { frames: unknown[] } } }>(res))
    ).results.A.frames as Array<{ data: { values: unknown[][] } }>;
    const omSeries = await seriesOf(omPromql);
    const promSeries = await seriesOf(promPromql);
    const points = Math.max(...frames.map((f) => f.data.values[0]?.length ?? 0));

    // Interleaved rounds, so background work (collection runs) falls on each side alike.
    const client = new TimedClient();
    const api: number[] = [];
    const om: number[] = [];
    const prom: number[] = [];
    try {
      const rounds = Math.max(1, Math.ceil(requests / 10));
      for (let r = 0; r < rounds; r++) {
        api.push(...(await timed(client, apiQuery, 10)));
        om.push(...(await timed(client, omPromql, 10)));
        prom.push(...(await timed(client, promPromql, 10)));
      }
    } finally {
      await client.close();
    }
    return {
      samples,
      points,
      series: { openmanager: omSeries, prometheus: promSeries },
      apiQuery: summarize(api),
      omPromql: summarize(om),
      prometheus: summarize(prom),
    };
  } finally {
    await prometheus.close();
  }
}
