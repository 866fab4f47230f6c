/** The anomaly scores' detectors: one per series asked for, up to a bound, so a large fleet cannot exhaust memory. */
import { AnomalyScores, type OnlineDetector, type ScoredWindow } from '../../../src/analysis/engine/anomaly-scores';

const MINUTE = 60_000;
const NOW = Date.UTC(2026, 11, 4, 12, 0);

/** A window of an hour at one-minute buckets where every series has a value in every bucket. */
const window: ScoredWindow = {
  stepMs: MINUTE,
  spanMs: 60 * MINUTE,
  capacity: 62,
  series: (_id, _metric, fromMs, toMs) => {
    const t: number[] = [];
    for (let b = Math.ceil(fromMs / MINUTE) * MINUTE; b < toMs; b += MINUTE) t.push(b);
    return { t, v: t.map(() => 1) };
  },
};

function countingDetectors() {
  const made: Array<{ points: number }> = [];
  const newDetector = (): OnlineDetector => {
    const state = { points: 0 };
    made.push(state);
    return { update: () => (state.points++, 0.25), lastAlarm: () => null };
  };
  return { made, newDetector };
}

test('past its bound, further series get no detector and no scores, and the owner is told once', () => {
  const { made, newDetector } = countingDetectors();
  const fullAt: number[] = [];
  const scores = new AnomalyScores(window, newDetector, { maxSeries: 3, onFull: (max) => fullAt.push(max) });
  const servers = ['A', 'B', 'C', 'D', 'E'];

  const first = servers.map((id) => scores.scores(id, 'cpu', NOW - 10 * MINUTE, NOW, NOW));
  expect(first.map((s) => s.v.length)).toEqual([10, 10, 10, 0, 0]);
  expect(made).toHaveLength(3);
  expect(fullAt).toEqual([3]);

  // Minutes later the scored series go on from where they were; the refused ones stay refused.
  const later = NOW + 5 * MINUTE;
  const second = servers.map((id) => scores.scores(id, 'cpu', later - 10 * MINUTE, later, later));
  expect(second.map((s) => s.v.length)).toEqual([10, 10, 10, 0, 0]);
  expect(made).toHaveLength(3);
  // Each detector was fed the hour the window holds, then the five minutes since: each bucket once.
  expect(made.map((d) => d.points)).toEqual([65, 65, 65]);
  expect(fullAt).toEqual([3]);
});

test('a series with nothing to score takes no place under the bound', () => {
  const { made, newDetector } = countingDetectors();
  const quietOrNot: ScoredWindow = {
    ...window,
    series: (id, metric, fromMs, toMs) => (id === 'QUIET' ? { t: [], v: [] } : window.series(id, metric, fromMs, toMs)),
  };
  const scores = new AnomalyScores(quietOrNot, newDetector, { maxSeries: 1 });
  expect(scores.scores('QUIET', 'cpu', NOW - 10 * MINUTE, NOW, NOW).v).toEqual([]);
  expect(made).toHaveLength(0);
  expect(scores.scores('BUSY', 'cpu', NOW - 10 * MINUTE, NOW, NOW).v).toHaveLength(10);
  expect(made).toHaveLength(1);
});
