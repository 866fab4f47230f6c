/** Settings of the anomaly detector, their defaults and their validation. */

export interface AnomalyDetectorOptions {
  /** Scores are 0 for this many valid points while the detector learns. */
  learningPoints: number;
  /** Reference windows (points) the value's and the volatility's ranges are taken over; a novelty is averaged over them. */
  referenceWindows: readonly number[];
  /** The newest points kept out of the reference, so a drift is compared with where it began. */
  referenceLag: number;
  /** A reference answers once it holds this many points. */
  referenceMinPoints: number;
  /** Block size of the reference range trackers (memory and speed; results barely depend on it). */
  referenceBlockSize: number;
  /** Recent values the rank encoding is taken among (the daily component reads ranks). */
  rankWindow: number;
  /** Novelty (in widths of the recent range) at which the score is 0.5. */
  noveltyScale: number;
  /** After an alarm, scores stay 0 until this many calmer points have passed. */
  refractoryPoints: number;
}

export const DEFAULT_ANOMALY_DETECTOR_OPTIONS: Readonly<AnomalyDetectorOptions> = Object.freeze({
  learningPoints: 250,
  referenceWindows: Object.freeze([1000, 3000]),
  referenceLag: 50,
  referenceMinPoints: 300,
  referenceBlockSize: 10,
  rankWindow: 1000,
  noveltyScale: 0.3,
  refractoryPoints: 60,
});

const COUNTS = ['learningPoints', 'referenceLag', 'referenceMinPoints', 'refractoryPoints'] as const;
const POSITIVE_COUNTS = ['referenceBlockSize', 'rankWindow'] as const;

/** Defaults overlaid with `overrides`; throws a RangeError naming the first bad setting. */
export function resolveDetectorOptions(overrides: Partial<AnomalyDetectorOptions> = {}): AnomalyDetectorOptions {
  const o: AnomalyDetectorOptions = { ...DEFAULT_ANOMALY_DETECTOR_OPTIONS, ...overrides };
  const fail = (name: keyof AnomalyDetectorOptions, expected: string) => {
    throw new RangeError(`anomaly detector option ${name} must be ${expected}, got ${JSON.stringify(o[name])}`);
  };
  for (const name of COUNTS) if (!Number.isInteger(o[name]) || o[name] < 0) fail(name, 'a whole number >= 0');
  for (const name of POSITIVE_COUNTS) if (!Number.isInteger(o[name]) || o[name] < 1) fail(name, 'a whole number >= 1');
  if (!(o.noveltyScale > 0 && Number.isFinite(o.noveltyScale))) fail('noveltyScale', 'a positive number');
  const windows = o.referenceWindows;
  if (
    !Array.isArray(windows) ||
    windows.length === 0 ||
    windows.some((w) => !Number.isInteger(w) || w <= o.referenceLag)
  ) {
    fail('referenceWindows', 'a non-empty list of whole numbers larger than referenceLag');
  }
  return o;
}
