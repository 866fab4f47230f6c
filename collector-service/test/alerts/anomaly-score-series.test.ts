/** openmanager_anomaly_score over a large fleet: scoring every series is long work, so the read yields and keeps to its budget. */
import { AnomalyScoreSource } from '../../src/alerts/anomaly-score-series';
import type { AnalysisData } from '../../src/analysis';
import { QueryBudget } from '../../src/limits';
import type { Matcher } from '../../src/promql/matchers';
import { watchEventLoop } from '../support/event-loop-watch';

const NOW = 1_800_000_000_000;
const NAME: Matcher[] = [{ name: '__name__', type: '=', value: 'openmanager_anomaly_score' }];

/** A window of `servers` servers whose every series takes `costMs` to score, as a detector catching up would. */
function slowFleet(servers: number, costMs: number): AnalysisData {
  const records = Array.from({ length: servers }, (_, i) => ({
    id: `S-${i}`,
    provider: 'onprem',
    region: 'dc-1',
    role: 'web',
  }));
  return {
    snapshot: async () => ({ records }),
    anomalyScores: () => {
      const until = performance.now() + costMs;
      while (performance.now() < until);
      return { t: [NOW - 60_000], v: [0.1], change: [null] };
    },
  } as unknown as AnalysisData;
}

const budget = (timeoutMs: number) => new QueryBudget({ timeoutMs, maxSamples: 1_000_000 });

test('scoring 100 servers × every metric lets other work run in between, and charges what it answers', async () => {
  const source = new AnomalyScoreSource(slowFleet(100, 0.2), () => NOW);
  const spent = budget(30_000);
  const { result: series, turns } = await watchEventLoop(() => source.select(NAME, NOW - 900_000, NOW, spent));
  expect(series.length).toBeGreaterThanOrEqual(600);
  expect(spent.samples).toBe(series.length);
  expect(turns).toBeGreaterThan(3);
});

test('a read past its deadline stops with the query timeout instead of scoring the rest of the fleet', async () => {
  const source = new AnomalyScoreSource(slowFleet(2_000, 0.2), () => NOW);
  const started = performance.now();
  await expect(source.select(NAME, NOW - 900_000, NOW, budget(100))).rejects.toMatchObject({ code: 'query_timeout' });
  expect(performance.now() - started).toBeLessThan(1_500);
});
