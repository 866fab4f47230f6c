/**
 * Range reads beside a real Prometheus holding exactly the same samples: the dashboard query
 * (30 servers × cpu, memory, disk over 23 h at 90 s) through /api/query and through
 * /prometheus/api/v1/query_range, each against Prometheus's own query_range of the same PromQL.
 */
import { CONTRACT_SERVER_IDS } from '../collectors/dummy/fleet';
import type { BenchService } from './bench-service';
import { summarize, type LatencySummary } from './latency';
import { startRealPrometheus } from './real-prometheus';
import { exportFamilies } from './store-export';

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

/** Durations (ms) of `requests` sequential runs, after one untimed run. */
async function timed(run: () => Promise<unknown>, requests: number): Promise<number[]> {
  await run();
  const durations: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    await run();
    durations.push(performance.now() - started);
  }
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
    const queryRange = (base: string) => () =>
      Promise.all(rangeParams.map((p) => fetch(`${base}/api/v1/query_range?${p}`).then(ok)));
    const apiQuery = () =>
      fetch(`${bench.baseUrl}/api/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: apiBody,
      }).then((res) => ok<{ results: { A: { frames: unknown[] } } }>(res));
    const omPromql = queryRange(`${bench.baseUrl}/prometheus`);
    const promPromql = queryRange(prometheus.url);
    const seriesOf = (answers: Array<{ data: { result: unknown[] } }>) =>
      answers.reduce((n, a) => n + a.data.result.length, 0);

    const frames = (await apiQuery()).results.A.frames as Array<{ data: { values: unknown[][] } }>;
    const omSeries = seriesOf(await omPromql());
    const promSeries = seriesOf(await promPromql());
    const points = Math.max(...frames.map((f) => f.data.values[0]?.length ?? 0));

    // Interleaved rounds, so background work (collection runs) falls on each side alike.
    const api: number[] = [];
    const om: number[] = [];
    const prom: number[] = [];
    const rounds = Math.max(1, Math.ceil(requests / 10));
    for (let r = 0; r < rounds; r++) {
      api.push(...(await timed(apiQuery, 10)));
      om.push(...(await timed(omPromql, 10)));
      prom.push(...(await timed(promPromql, 10)));
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
