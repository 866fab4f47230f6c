/** POST /api/query as a Grafana dashboard sends it: 30 servers × 3 metrics over 24 h, maxDataPoints 1000. */
import { CONTRACT_SERVER_IDS } from '../collectors/dummy/fleet';
import { timedPost, type BenchService } from './bench-service';
import { summarize, type LatencySummary } from './latency';

export async function runQueryBench(bench: BenchService, requests: number): Promise<LatencySummary> {
  const url = `${bench.baseUrl}/api/query`;
  const body = () => {
    const to = Date.now();
    return {
      range: { from: to - 24 * 3_600_000, to },
      intervalMs: 60_000,
      maxDataPoints: 1000,
      targets: [{ refId: 'A', queryType: 'timeseries', servers: [...CONTRACT_SERVER_IDS], metrics: ['cpu', 'memory', 'disk'], aggregation: 'avg' }],
    };
  };
  await timedPost(url, body());
  const durations: number[] = [];
  for (let i = 0; i < requests; i++) durations.push((await timedPost(url, body())).ms);
  return summarize(durations);
}
