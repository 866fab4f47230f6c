/** The online features whose novelty the detector watches: level, volatility, short-term shift, daily and weekly residuals. */
import { SeasonalProfile } from './seasonal-profile';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export const FEATURE_NAMES = ['value', 'volatility', 'shift', 'daily', 'weekly'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

export interface MetricFeatureOptions {
  /** EWMA weight of the newest |difference| in the local volatility. */
  volatilitySmoothing: number;
  /** EWMA weights of the fast and slow levels whose gap is the short-term shift. */
  fastLevelSmoothing: number;
  slowLevelSmoothing: number;
  /** Bins per day of the daily profile; the weekly profile has 7 times as many. */
  binsPerDay: number;
  profileLearningRate: number;
  profileMinVisits: number;
  residualSmoothing: number;
}

/**
 * One instance per series. `next(t, x, out)` writes one value per FEATURE_NAMES entry into `out`,
 * NaN for a feature that is not defined yet (no previous point, profile phase not seen enough).
 */
export class MetricFeatures {
  private previous = NaN;
  private volatility = NaN;
  private fastLevel = NaN;
  private slowLevel = NaN;
  private readonly daily: SeasonalProfile;
  private readonly weekly: SeasonalProfile;

  constructor(private readonly options: MetricFeatureOptions) {
    const profile = {
      learningRate: options.profileLearningRate,
      minVisits: options.profileMinVisits,
      residualSmoothing: options.residualSmoothing,
    };
    this.daily = new SeasonalProfile({ ...profile, periodMs: DAY_MS, bins: options.binsPerDay });
    this.weekly = new SeasonalProfile({ ...profile, periodMs: WEEK_MS, bins: options.binsPerDay * 7 });
  }

  next(timestampMs: number, value: number, out: Float64Array): void {
    const o = this.options;
    out[0] = value;

    if (Number.isNaN(this.previous)) {
      out[1] = NaN;
      this.fastLevel = value;
      this.slowLevel = value;
    } else {
      const step = Math.abs(value - this.previous);
      this.volatility = Number.isNaN(this.volatility) ? step : this.volatility + o.volatilitySmoothing * (step - this.volatility);
      // Log scale: a tenfold calmer or busier series is the same size of change at any level.
      out[1] = Math.log(this.volatility + 1e-9 * (Math.abs(value) + 1) + 1e-12);
      this.fastLevel += o.fastLevelSmoothing * (value - this.fastLevel);
      this.slowLevel += o.slowLevelSmoothing * (value - this.slowLevel);
    }
    this.previous = value;
    out[2] = this.fastLevel - this.slowLevel;

    const timed = Number.isFinite(timestampMs);
    // The profiles learn the shape around the slow level, so a steady trend is not read as "unusual for this hour".
    const detrended = value - this.slowLevel;
    out[3] = timed ? this.daily.residual(timestampMs, detrended) : NaN;
    out[4] = timed ? this.weekly.residual(timestampMs, detrended) : NaN;
  }
}
