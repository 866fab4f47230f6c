/** Tunable settings of the anomaly detector, their defaults and their validation. */

export interface AnomalyDetectorOptions {
  /** Scores are 0 for this many valid points while the detector learns (NAB's probation is 15 %, at most 750 rows). */
  learningPoints: number;
  /** Reference windows (points) a feature's range is taken over; a novelty is averaged over them. */
  referenceWindows: readonly number[];
  /** The newest points kept out of the reference, so a drift is compared with where it began. */
  referenceLag: number;
  /** A reference answers once it holds this many points. */
  referenceMinPoints: number;
  /** Block size of the reference range trackers (memory and speed; results barely depend on it). */
  referenceBlockSize: number;
  /** Summed novelty at which a point is an anomaly; maps to ANOMALY_SCORE_THRESHOLD. */
  alarmNovelty: number;
  /** After a point at or above alarmNovelty, scores stay 0 until this many calmer points have passed. */
  refractoryPoints: number;
  volatilitySmoothing: number;
  fastLevelSmoothing: number;
  slowLevelSmoothing: number;
  binsPerDay: number;
  profileLearningRate: number;
  profileMinVisits: number;
  residualSmoothing: number;
}

export const DEFAULT_ANOMALY_DETECTOR_OPTIONS: Readonly<AnomalyDetectorOptions> = Object.freeze({
  learningPoints: 250,
  referenceWindows: Object.freeze([1000, 3000]),
  referenceLag: 50,
  referenceMinPoints: 300,
  referenceBlockSize: 10,
  alarmNovelty: 0.3,
  refractoryPoints: 60,
  volatilitySmoothing: 1 / 16,
  fastLevelSmoothing: 1 / 8,
  slowLevelSmoothing: 1 / 128,
  binsPerDay: 288,
  profileLearningRate: 0.3,
  profileMinVisits: 2,
  residualSmoothing: 0.25,
});

const WEIGHTS = [
  'volatilitySmoothing',
  'fastLevelSmoothing',
  'slowLevelSmoothing',
  'profileLearningRate',
  'residualSmoothing',
] as const;
const COUNTS = ['learningPoints', 'referenceLag', 'referenceMinPoints', 'refractoryPoints', 'profileMinVisits'] as const;
const POSITIVE_COUNTS = ['referenceBlockSize', 'binsPerDay'] as const;

/** Defaults overlaid with `overrides`; throws a RangeError naming the first bad setting. */
export function resolveDetectorOptions(overrides: Partial<AnomalyDetectorOptions> = {}): AnomalyDetectorOptions {
  const o: AnomalyDetectorOptions = { ...DEFAULT_ANOMALY_DETECTOR_OPTIONS, ...overrides };
  const fail = (name: keyof AnomalyDetectorOptions, expected: string) => {
    throw new RangeError(`anomaly detector option ${name} must be ${expected}, got ${JSON.stringify(o[name])}`);
  };
  for (const name of WEIGHTS) if (!(o[name] > 0 && o[name] <= 1)) fail(name, 'a number in (0, 1]');
  for (const name of COUNTS) if (!Number.isInteger(o[name]) || o[name] < 0) fail(name, 'a whole number >= 0');
  for (const name of POSITIVE_COUNTS) if (!Number.isInteger(o[name]) || o[name] < 1) fail(name, 'a whole number >= 1');
  if (!(o.alarmNovelty > 0 && Number.isFinite(o.alarmNovelty))) fail('alarmNovelty', 'a positive number');
  const windows = o.referenceWindows;
  if (!Array.isArray(windows) || windows.length === 0 || windows.some((w) => !Number.isInteger(w) || w <= o.referenceLag)) {
    fail('referenceWindows', 'a non-empty list of whole numbers larger than referenceLag');
  }
  return o;
}
