/**
 * The online anomaly detector: three scale-free novelties — the value against its recent range, the
 * volatility against its recent range, the value's rank against what this hour of the day has shown —
 * the strongest mapped to [0, 1], an alarm reported once per change (see README.md in this folder).
 */
import { ChangeKindTracker, type ChangeKind, type Component } from './change-kind';
import { DailyRankRange } from './daily-rank-range';
import { resolveDetectorOptions, type AnomalyDetectorOptions } from './detector-options';
import { QuantileCoder } from './quantile-coder';
import { RangeNovelty } from './range-novelty';

/**
 * A point whose score is at or above this is an anomaly; the service uses it everywhere, and the
 * detector holds back repeated alarms from this level on. Chosen on the dev sets (see README.md).
 */
export const ANOMALY_SCORE_THRESHOLD = 0.5;

/** Smoothing of the volatility (mean |step|), the level before a jump, and the rank the daily component reads. */
const VOLATILITY_SMOOTHING = 1 / 16;
/**
 * Steps averaged (a plain mean) before the volatility is smoothed and compared: seeded by one step, the
 * smoothed value starts as that step, and a first step of 0 (a repeated, rounded reading) would put a log
 * of ~-16 in the reference range for its whole window, hiding every later burst of volatility.
 */
const VOLATILITY_WARMUP_STEPS = 1 / VOLATILITY_SMOOTHING;
const LEVEL_SMOOTHING = 1 / 16;
const RANK_SMOOTHING = 1 / 4;
/** The central (1/8 to 7/8) spread times this is one unit of value novelty (about the range of 1000 Gaussian points × 1.8). */
const CENTRAL_WIDTHS = 5;
/** The rank encoding is refreshed this often (points). */
const RANK_REFRESH = 100;

export interface AnomalyAlarm {
  kind: ChangeKind;
  timestampMs: number;
}

export interface AnomalyDetector {
  /**
   * Scores one point in [0, 1] from it and the points before it, then learns it. A missing value (NaN,
   * Infinity) scores 0 and is skipped; a non-finite timestamp only disables the daily component.
   */
  update(timestampMs: number, value: number): number;
  /** Valid points seen so far. */
  readonly points: number;
  /** The newest alarm (a score at or above ANOMALY_SCORE_THRESHOLD) and its kind, which may still change from spike to level shift over the few points after it. */
  lastAlarm(): AnomalyAlarm | null;
  /** The kind of the newest alarm, or null before the first. */
  lastKind(): ChangeKind | null;
}

export function createAnomalyDetector(overrides?: Partial<AnomalyDetectorOptions>): AnomalyDetector {
  const options = resolveDetectorOptions(overrides);
  const reference = {
    windows: options.referenceWindows,
    lag: options.referenceLag,
    blockSize: options.referenceBlockSize,
    minPoints: options.referenceMinPoints,
  };
  const valueNovelty = new RangeNovelty(reference);
  const volatilityNovelty = new RangeNovelty(reference);
  const ranks = new QuantileCoder({ window: options.rankWindow, refreshEvery: RANK_REFRESH, knots: 7 });
  const daily = new DailyRankRange();
  const kinds = new ChangeKindTracker();
  const alarmNovelty = -options.noveltyScale * Math.log2(1 - ANOMALY_SCORE_THRESHOLD);

  let points = 0;
  let previous = NaN;
  let volatility = 0;
  let steps = 0;
  let level = NaN;
  let smoothedRank = NaN;
  let pointsSinceAlarmLevel = Infinity;
  let alarm: AnomalyAlarm | null = null;

  return {
    get points() {
      return points;
    },
    lastAlarm: () => (alarm && kinds.kind ? { ...alarm, kind: kinds.kind } : null),
    lastKind: () => kinds.kind,
    update(timestampMs, value) {
      if (!Number.isFinite(value)) return 0;
      points++;
      kinds.follow(value);

      // Beyond the recent extremes, in widths of the recent range or of CENTRAL_WIDTHS central spreads,
      // whichever says more: one earlier outlier widens the range, not the central spread.
      const nValue = Math.max(valueNovelty.observe(points, value), ranks.excess(value, CENTRAL_WIDTHS));
      let nVolatility = 0;
      if (!Number.isNaN(previous)) {
        const step = Math.abs(value - previous);
        steps++;
        volatility += Math.max(VOLATILITY_SMOOTHING, 1 / steps) * (step - volatility);
        // Log scale: a tenfold calmer or busier series is the same size of change at any level.
        if (steps >= VOLATILITY_WARMUP_STEPS) {
          nVolatility = volatilityNovelty.observe(points, Math.log(volatility + 1e-9 * (Math.abs(value) + 1) + 1e-12));
        }
      }
      let nDaily = 0;
      const rank = ranks.rank(value);
      if (!Number.isNaN(rank)) {
        const bounded = Math.max(-1, Math.min(2, rank));
        smoothedRank = Number.isNaN(smoothedRank) ? bounded : smoothedRank + RANK_SMOOTHING * (bounded - smoothedRank);
        if (Number.isFinite(timestampMs)) nDaily = daily.observe(timestampMs, smoothedRank);
      }
      ranks.push(value);

      let component: Component = 'value';
      let novelty = nValue;
      if (nVolatility > novelty) [component, novelty] = ['volatility', nVolatility];
      if (nDaily > novelty) [component, novelty] = ['daily', nDaily];

      const levelBefore = Number.isNaN(level) ? value : level;
      level = Number.isNaN(level) ? value : level + LEVEL_SMOOTHING * (value - level);
      previous = value;

      // A change that persists is reported once, at its onset: a point right after an alarm-level one is held back.
      const heldBack = pointsSinceAlarmLevel <= options.refractoryPoints;
      pointsSinceAlarmLevel = novelty >= alarmNovelty ? 1 : pointsSinceAlarmLevel + 1;
      if (heldBack || points <= options.learningPoints) return 0;
      const score = 1 - Math.pow(2, -novelty / options.noveltyScale);
      if (score >= ANOMALY_SCORE_THRESHOLD) {
        kinds.alarm(component, value, levelBefore);
        alarm = { kind: kinds.kind!, timestampMs };
      }
      return score;
    },
  };
}

/** Scores a whole series point by point (each score uses only the points before it). */
export function scoreSeries(
  timestamps: readonly number[],
  values: readonly number[],
  options?: Partial<AnomalyDetectorOptions>
): number[] {
  if (timestamps.length !== values.length) {
    throw new RangeError(
      `scoreSeries needs one timestamp per value, got ${timestamps.length} timestamps and ${values.length} values`
    );
  }
  const detector = createAnomalyDetector(options);
  return values.map((value, i) => detector.update(timestamps[i], value));
}
