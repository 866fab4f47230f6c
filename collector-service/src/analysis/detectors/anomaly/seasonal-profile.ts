/** A learned profile of a periodic pattern (time of day, time of week): what a value usually is at this phase. */

export interface SeasonalProfileOptions {
  periodMs: number;
  bins: number;
  /** Weight of a new visit in its bin's running mean. */
  learningRate: number;
  /** A bin predicts only after this many visits. */
  minVisits: number;
  /** Weight of the newest residual in the smoothed residual (1 = no smoothing). */
  residualSmoothing: number;
}

/**
 * `residual(t, x)` answers how far x is from what this phase of the period usually shows, smoothed over
 * consecutive points, then learns x. Timestamps are taken in UTC.
 */
export class SeasonalProfile {
  private readonly means: Float64Array;
  /** Visits per bin, saturating at 255 (only 'enough yet?' matters). */
  private readonly visits: Uint8Array;
  private readonly binsPerMs: number;
  private smoothed = 0;
  private started = false;

  constructor(private readonly options: SeasonalProfileOptions) {
    this.binsPerMs = options.bins / options.periodMs;
    this.means = new Float64Array(options.bins);
    this.visits = new Uint8Array(options.bins);
  }

  /** The smoothed residual, or NaN while this phase has not been seen often enough. */
  residual(timestampMs: number, value: number): number {
    const { periodMs, bins, learningRate, minVisits, residualSmoothing } = this.options;
    let phase = timestampMs % periodMs;
    if (phase < 0) phase += periodMs;
    const bin = Math.min(bins - 1, Math.floor(phase * this.binsPerMs));
    const delta = value - this.means[bin];
    let result = NaN;
    if (this.visits[bin] >= minVisits) {
      this.smoothed = this.started ? this.smoothed + residualSmoothing * (delta - this.smoothed) : delta;
      this.started = true;
      result = this.smoothed;
    }
    this.means[bin] = this.visits[bin] === 0 ? value : this.means[bin] + learningRate * delta;
    if (this.visits[bin] < 255) this.visits[bin]++;
    return result;
  }
}
