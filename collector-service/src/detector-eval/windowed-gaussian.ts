/**
 * NAB's windowedGaussian baseline (numenta/NAB nab/detectors/gaussian): the score of a value is
 * 1 - Q(|z|), the Gaussian two-sided tail of the mean and standard deviation of the previous values,
 * taken over a window that grows to 6400 points and then slides 100 points at a time.
 */

const WINDOW_SIZE = 6400;
const STEP_SIZE = 100;

/** erfc(x) for x >= 0 (Numerical Recipes' erfcc: fractional error below 1.2e-7). */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return t * Math.exp(poly);
}

export class WindowedGaussian {
  private readonly window = new Float64Array(WINDOW_SIZE);
  private size = 0;
  private head = 0;
  private pending: number[] = [];
  private mean = 0;
  private std = 1;
  /** Welford's sum of squared deviations while the window grows (running sums of squares lose precision). */
  private m2 = 0;

  /** Scores one value against the window so far, then adds it to the window. */
  update(value: number): number {
    if (!Number.isFinite(value)) return 0;
    let score = 0;
    if (this.size > 0) {
      const z = Math.abs(value - this.mean) / this.std;
      score = 1 - 0.5 * erfc(z / Math.SQRT2);
    }
    if (this.size < WINDOW_SIZE) {
      this.window[this.size++] = value;
      const mean = this.size === 1 ? value : this.mean + (value - this.mean) / this.size;
      this.m2 += (value - (this.size === 1 ? value : this.mean)) * (value - mean);
      this.mean = mean;
      this.std = Math.sqrt(this.m2 / this.size) || 1e-6;
    } else {
      this.pending.push(value);
      if (this.pending.length === STEP_SIZE) this.slide();
    }
    return score;
  }

  private slide(): void {
    for (const value of this.pending) {
      this.window[this.head] = value;
      this.head = (this.head + 1) % WINDOW_SIZE;
    }
    this.pending = [];
    // Recomputed from the window (not running sums) every step, as NAB does, so rounding cannot accumulate.
    let sum = 0;
    for (let i = 0; i < WINDOW_SIZE; i++) sum += this.window[i];
    const mean = sum / WINDOW_SIZE;
    let squares = 0;
    for (let i = 0; i < WINDOW_SIZE; i++) squares += (this.window[i] - mean) ** 2;
    this.mean = mean;
    this.std = Math.sqrt(squares / WINDOW_SIZE) || 1e-6;
  }
}

/** Scores a whole series with a fresh baseline detector. */
export function windowedGaussianScores(values: ArrayLike<number>): Float64Array {
  const detector = new WindowedGaussian();
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = detector.update(values[i]);
  return out;
}
