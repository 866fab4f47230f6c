/**
 * After a restart every detector first reads the whole day: a few milliseconds a series, seconds for a
 * fleet. An ask about anomalies and Grafana's anomaly annotations must not hold the event loop that long.
 */
import { anomalyEpisodes } from '../../../src/analysis/engine/checks/anomalies';
import type { IntentContext } from '../../../src/analysis/engine/intent-context';
import type { AnalysisData } from '../../../src/analysis';
import { anomalyAnnotations } from '../../../src/grafana/anomaly-annotations';
import { QueryBudget } from '../../../src/limits';
import { watchEventLoop } from '../../support/event-loop-watch';

const STEP_MS = 60_000;
const POINTS = 120;
const SERVERS = 40;
/** What one series' first pass costs the event loop here. */
const FIRST_PASS_MS = 2;

/** Every series flat at 20 with one jump to 90 at its middle, which the stand-in detector scores 0.9. */
function firstPassData(): Pick<AnalysisData, 'snapshot' | 'series' | 'anomalyScores' | 'windowStepMs'> {
  const t = Array.from({ length: POINTS }, (_, i) => i * STEP_MS);
  const v = t.map((_, i) => (i === POINTS / 2 ? 90 : 20));
  return {
    snapshot: async () => ({ records: [], latest: new Map(), takenAtMs: POINTS * STEP_MS }),
    windowStepMs: STEP_MS,
    series: async (ids: readonly string[], metrics: readonly string[]) =>
      new Map(ids.map((id) => [id, new Map(metrics.map((m) => [m, { t, v }]))])),
    anomalyScores: () => {
      const until = performance.now() + FIRST_PASS_MS;
      while (performance.now() < until); // the detector's first pass over the day
      return { t, v: v.map((x) => (x === 90 ? 0.9 : 0)), change: t.map(() => null) };
    },
  } as unknown as Pick<AnalysisData, 'snapshot' | 'series' | 'anomalyScores' | 'windowStepMs'>;
}

const ids = Array.from({ length: SERVERS }, (_, i) => `S-${i}`);

test("an ask's anomaly check over a fleet's first pass lets other work run in between", async () => {
  const ctx = { data: firstPassData(), anomalyThreshold: 0.5 } as unknown as IntentContext;
  const watched = await watchEventLoop(() => anomalyEpisodes(ctx, ids, ['cpu'], 0, POINTS * STEP_MS));

  expect(watched.result).toHaveLength(SERVERS);
  expect(watched.result![0]).toMatchObject({ peakValue: 90, typical: 20, episodes: 1 });
  expect(watched.tookMs).toBeGreaterThan(SERVERS * FIRST_PASS_MS);
  expect(watched.turns).toBeGreaterThan(3);
  expect(watched.longestGapMs).toBeLessThan(watched.tookMs / 3);
});

test("Grafana's anomaly annotations over a fleet's first pass let other work run in between, within the request's deadline", async () => {
  const data = firstPassData() as unknown as AnalysisData;
  const budget = new QueryBudget({ timeoutMs: 60_000, maxSamples: 1e9 });
  const watched = await watchEventLoop(() => anomalyAnnotations(data, 0.5, ids, 0, POINTS * STEP_MS, budget));

  // cpu, memory and disk of every server: one jump each.
  expect(watched.result).toHaveLength(SERVERS * 3);
  expect(watched.tookMs).toBeGreaterThan(SERVERS * 3 * FIRST_PASS_MS);
  expect(watched.turns).toBeGreaterThan(3);
  expect(watched.longestGapMs).toBeLessThan(watched.tookMs / 3);

  // Past its deadline the request stops instead of scoring on.
  let now = 0;
  const expired = new QueryBudget({ timeoutMs: 1_000, maxSamples: 1e9 }, { clock: () => now });
  now = 2_000;
  await expect(anomalyAnnotations(data, 0.5, ids, 0, POINTS * STEP_MS, expired)).rejects.toMatchObject({
    code: 'query_timeout',
  });
});
