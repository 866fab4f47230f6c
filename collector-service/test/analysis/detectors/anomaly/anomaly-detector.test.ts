/** The online anomaly detector on constructed series with known answers. */
import {
  ANOMALY_SCORE_THRESHOLD,
  createAnomalyDetector,
  DEFAULT_ANOMALY_DETECTOR_OPTIONS,
  scoreSeries,
} from '../../../../src/analysis/detectors/anomaly';
import { POINTS_PER_DAY, START_MS, syntheticSeries, type SyntheticSeries } from './synthetic-series';

const SEEDS = [1, 2, 3, 4, 5];
const ANOMALY_AT = 1500;
const alarms = (scores: number[]) => scores.flatMap((s, i) => (s >= ANOMALY_SCORE_THRESHOLD ? [i] : []));
const score = (s: SyntheticSeries) => scoreSeries(s.timestamps, s.values);

type ValueAt = (i: number, noise: () => number) => number;

describe('the anomaly detector flags a change near where it happens', () => {
  const changes: Array<[string, ValueAt, number]> = [
    ['a spike', (i, n) => 50 + 2 * n() + (i === ANOMALY_AT ? 25 : 0), 0],
    ['a step up', (i, n) => 50 + 2 * n() + (i >= ANOMALY_AT ? 15 : 0), 5],
    ['a step down', (i, n) => 50 + 2 * n() - (i >= ANOMALY_AT ? 15 : 0), 5],
    ['a sensor stuck at one value', (i, n) => (i >= ANOMALY_AT ? 50 : 50 + 2 * n()), 30],
    ['noise growing fourfold', (i, n) => 50 + (i >= ANOMALY_AT ? 8 : 2) * n(), 40],
    [
      'a drop to zero in a daily cycle',
      (i, n) => (i >= ANOMALY_AT ? 0 : 40 + 20 * Math.sin((2 * Math.PI * i) / POINTS_PER_DAY) + 2 * n()),
      10,
    ],
  ];

  it.each(changes)('%s: first alarm within the expected delay, none before', (_name, valueAt, maxDelay) => {
    for (const seed of SEEDS) {
      const first = alarms(score(syntheticSeries(2000, valueAt, seed)))[0];
      expect(first).toBeGreaterThanOrEqual(ANOMALY_AT);
      expect(first).toBeLessThanOrEqual(ANOMALY_AT + maxDelay);
    }
  });

  it('reports a lasting change at its onset, not at every point after it', () => {
    for (const seed of SEEDS) {
      const stepped = syntheticSeries(2500, (i, n) => 50 + 2 * n() + (i >= ANOMALY_AT ? 15 : 0), seed);
      const found = alarms(score(stepped));
      expect(found[0]).toBe(ANOMALY_AT);
      // The next day the new level may read once more as unusual for its time of day (see the README).
      expect(found.length).toBeLessThanOrEqual(2);
    }
  });

  const lastKindAfter = (valueAt: ValueAt, length: number) => {
    const series = syntheticSeries(length, valueAt);
    const detector = createAnomalyDetector();
    series.values.forEach((v, i) => detector.update(series.timestamps[i], v));
    return detector.lastAlarm();
  };

  it.each([
    ['a spike', (i: number, n: () => number) => 50 + 2 * n() + (i === ANOMALY_AT ? 25 : 0), 'spike'],
    ['a step up that stays', (i: number, n: () => number) => 50 + 2 * n() + (i >= ANOMALY_AT ? 15 : 0), 'level_shift'],
    [
      'a sensor stuck at one value',
      (i: number, n: () => number) => (i >= ANOMALY_AT ? 50 : 50 + 2 * n()),
      'variance_change',
    ],
    [
      'a daily cycle running twelve hours late',
      (i: number, n: () => number) =>
        50 +
        20 * Math.sin((2 * Math.PI * (i + (i >= 6 * POINTS_PER_DAY ? POINTS_PER_DAY / 2 : 0))) / POINTS_PER_DAY) +
        n(),
      'pattern_break',
    ],
  ])('says what kind of change %s was, and when', (_name, valueAt, kind) => {
    const onset = kind === 'pattern_break' ? 6 * POINTS_PER_DAY : ANOMALY_AT;
    // A pattern break shows as the hours pass; a jump at once.
    const within = kind === 'pattern_break' ? POINTS_PER_DAY : 30;
    const alarm = lastKindAfter(valueAt, onset + within);
    expect(alarm?.kind).toBe(kind);
    expect(alarm!.timestampMs).toBeGreaterThanOrEqual(START_MS + onset * 300_000);
  });
});

describe('the anomaly detector stays quiet on normal behaviour', () => {
  const quiet: Array<[string, number, ValueAt]> = [
    ['a flat line', 3000, () => 42],
    ['white noise', 3000, (_i, n) => 50 + 5 * n()],
    [
      'a noisy daily cycle',
      10 * POINTS_PER_DAY,
      (i, n) => 50 + 20 * Math.sin((2 * Math.PI * i) / POINTS_PER_DAY) + 2 * n(),
    ],
    ['a slow upward trend with noise (a disk filling)', 3000, (i, n) => 30 + 0.01 * i + n()],
    ['a spike every 100 points (a regular job)', 3000, (i, n) => 20 + n() + (i % 100 === 0 ? 30 : 0)],
  ];

  it.each(quiet)('%s stays below the threshold', (_name, length, valueAt) => {
    for (const seed of SEEDS) {
      const scores = score(syntheticSeries(length, valueAt, seed));
      expect(Math.max(...scores)).toBeLessThan(ANOMALY_SCORE_THRESHOLD);
    }
  });

  it('a flat line scores exactly 0 everywhere', () => {
    expect(new Set(score(syntheticSeries(3000, () => 42)))).toEqual(new Set([0]));
  });

  it('a spike that recurs less often than the reference window is news every time', () => {
    // Regular spikes are learned as normal only while the last one is still inside the reference window
    // (3000 points). One-minute samples: a week is longer than the series, so no weekly profile forms.
    const rare = syntheticSeries(10_000, (i, n) => 20 + n() + (i > 0 && i % 4000 === 0 ? 30 : 0), 1, 60_000);
    expect(alarms(score(rare))).toEqual([4000, 8000]);
  });
});

describe('the anomaly detector is online and robust to bad points', () => {
  const series = syntheticSeries(
    2200,
    (i, n) => 50 + 10 * Math.sin(i / 40) + 2 * n() + (i === 1700 ? 40 : 0) + (i >= 1900 ? 20 : 0)
  );

  it.each([300, 1000, 1700, 1701, 2199])(
    'the score of row i does not change when later rows are appended (prefix of %i)',
    (k) => {
      const full = score(series);
      const prefix = scoreSeries(series.timestamps.slice(0, k), series.values.slice(0, k));
      expect(prefix).toEqual(full.slice(0, k));
    }
  );

  it('scores every point in [0, 1]', () => {
    const scores = score(series);
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
    expect(Math.max(...scores)).toBeGreaterThan(ANOMALY_SCORE_THRESHOLD);
  });

  it('scores missing values 0 and otherwise ignores them', () => {
    const holes = new Set([10, 400, 401, 402, 1699, 1700, 2000]);
    const bad = [NaN, Infinity, -Infinity];
    const values = series.values.map((v, i) => (holes.has(i) ? bad[i % bad.length] : v));
    const withHoles = scoreSeries(series.timestamps, values);
    const kept = series.values.flatMap((_v, i) => (holes.has(i) ? [] : [i]));
    const withoutHoles = scoreSeries(
      kept.map((i) => series.timestamps[i]),
      kept.map((i) => series.values[i])
    );
    expect([...holes].map((i) => withHoles[i])).toEqual([...holes].map(() => 0));
    expect(kept.map((i) => withHoles[i])).toEqual(withoutHoles);
  });

  it('a series that is all missing scores 0 and does not fail', () => {
    const detector = createAnomalyDetector();
    expect(Array.from({ length: 500 }, (_, i) => detector.update(START_MS + i, NaN))).toEqual(Array(500).fill(0));
    expect(detector.points).toBe(0);
  });

  it('still scores a spike when timestamps are missing (no daily or weekly features then)', () => {
    const scores = scoreSeries(
      series.timestamps.map(() => NaN),
      series.values
    );
    expect(alarms(scores)[0]).toBe(1700);
  });

  it('a repeated first reading does not hide a later burst of volatility', () => {
    // Readings rounded to 0.01 often repeat; a first step of 0 once stretched the volatility's reference
    // range for its whole window, and a clean-up of a filling disk 900 points later went unflagged.
    const filling = syntheticSeries(1200, (i, n) => {
      if (i <= 1) return 80.5;
      const level = i < 900 ? 80.5 + 0.02 * i : 80.5 + 0.02 * (i - 900);
      return Math.round((level + 0.01 * n()) * 100) / 100;
    });
    expect(alarms(score(filling))[0]).toBe(900);
  });

  it('scores nothing during the learning points', () => {
    const early = syntheticSeries(400, (i, n) => 50 + n() + (i === 100 ? 1000 : 0));
    const quickReference = { referenceWindows: [100, 300], referenceLag: 5, referenceMinPoints: 20 };
    const scoreWith = (learningPoints: number) =>
      scoreSeries(early.timestamps, early.values, { ...quickReference, learningPoints })[100];
    expect(scoreWith(DEFAULT_ANOMALY_DETECTOR_OPTIONS.learningPoints)).toBe(0);
    expect(scoreWith(50)).toBeGreaterThan(ANOMALY_SCORE_THRESHOLD);
  });
});

describe('the anomaly detector API', () => {
  it('scoreSeries needs one timestamp per value', () => {
    expect(() => scoreSeries([1, 2, 3], [1, 2])).toThrow(/3 timestamps and 2 values/);
  });

  it.each([
    [{ referenceWindows: [] }, /referenceWindows/],
    [{ referenceWindows: [20], referenceLag: 50 }, /referenceWindows/],
    [{ learningPoints: -1 }, /learningPoints/],
    [{ rankWindow: 0.5 }, /rankWindow/],
    [{ noveltyScale: 0 }, /noveltyScale/],
  ])('rejects bad options %j with a message naming the setting', (options, message) => {
    expect(() => createAnomalyDetector(options)).toThrow(message);
  });
});
