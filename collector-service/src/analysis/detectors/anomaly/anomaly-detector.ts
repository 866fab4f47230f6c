/** The online anomaly detector: novelty of several metric features summed, mapped to [0, 1], with repeated alarms held back. */
import { resolveDetectorOptions, type AnomalyDetectorOptions } from './detector-options';
import { FEATURE_NAMES, MetricFeatures, type FeatureName } from './metric-features';
import { RangeNovelty } from './range-novelty';

/**
 * A point whose score is at or above this is an anomaly. The score is 1 - 2^(-novelty / alarmNovelty), so this
 * is exactly the alarm level of the default settings: the summed features stepped 30 % of their recent range
 * beyond it (see the README of this folder for how that was chosen).
 */
export const ANOMALY_SCORE_THRESHOLD = 0.5;

export interface AnomalyDetector {
  /**
   * Scores one point in [0, 1] from it and the points before it, then learns it. A missing value (NaN,
   * Infinity) scores 0 and is skipped; a non-finite timestamp only disables the daily/weekly features.
   */
  update(timestampMs: number, value: number): number;
  /** Valid points seen so far. */
  readonly points: number;
  /** Per feature, its novelty at the last valid point (what made a score high). */
  lastNovelty(): Record<FeatureName, number>;
}

export function createAnomalyDetector(overrides?: Partial<AnomalyDetectorOptions>): AnomalyDetector {
  const options = resolveDetectorOptions(overrides);
  const features = new MetricFeatures(options);
  const novelty = FEATURE_NAMES.map(
    () =>
      new RangeNovelty({
        windows: options.referenceWindows,
        lag: options.referenceLag,
        blockSize: options.referenceBlockSize,
        minPoints: options.referenceMinPoints,
      }),
  );
  const featureValues = new Float64Array(FEATURE_NAMES.length);
  const featureNovelty = new Float64Array(FEATURE_NAMES.length);
  let points = 0;
  let pointsSinceAlarmLevel = Infinity;

  return {
    get points() {
      return points;
    },
    lastNovelty() {
      return Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, featureNovelty[i]])) as Record<FeatureName, number>;
    },
    update(timestampMs, value) {
      if (!Number.isFinite(value)) return 0;
      points++;
      features.next(timestampMs, value, featureValues);
      let total = 0;
      for (let i = 0; i < featureValues.length; i++) {
        const v = featureValues[i];
        featureNovelty[i] = Number.isNaN(v) ? 0 : novelty[i].observe(points, v);
        total += featureNovelty[i];
      }
      // A change that persists is reported once, at its onset: a point right after an alarm-level one is held back.
      const heldBack = pointsSinceAlarmLevel <= options.refractoryPoints;
      pointsSinceAlarmLevel = total >= options.alarmNovelty ? 1 : pointsSinceAlarmLevel + 1;
      if (heldBack || points <= options.learningPoints) return 0;
      return 1 - Math.pow(2, -total / options.alarmNovelty);
    },
  };
}

/** Scores a whole series point by point (each score uses only the points before it). */
export function scoreSeries(
  timestamps: readonly number[],
  values: readonly number[],
  options?: Partial<AnomalyDetectorOptions>,
): number[] {
  if (timestamps.length !== values.length) {
    throw new RangeError(`scoreSeries needs one timestamp per value, got ${timestamps.length} timestamps and ${values.length} values`);
  }
  const detector = createAnomalyDetector(options);
  return values.map((value, i) => detector.update(timestamps[i], value));
}
