/** Encodes a value as its rank among the recent values (0 = the lowest, 1 = the highest), so every metric speaks one scale. */

export interface QuantileCoderOptions {
  /** Recent values the ranks are taken among. */
  window: number;
  /** The quantile knots are recomputed every this many values (amortises the sort). */
  refreshEvery: number;
  /** Quantile knots between the minimum and the maximum (7 = octiles). */
  knots: number;
}

/** Values a coder's ring starts with; it doubles as values arrive, up to the window. */
const INITIAL_RING = 64;

/** Room to select the knots in: shared by every coder, as a refresh runs start to end on one thread. */
let scratch = new Float64Array(0);

/**
 * `rank(x)` interpolates x between the knots (minimum, quantiles, maximum) of the last `window` values
 * and continues linearly beyond them in units of the whole range, so a value a full range above the
 * maximum ranks 2. NaN until the first refresh. O(1) per value, plus a selection of the knots among
 * `window` values (expected O(window)) every `refreshEvery` values.
 */
export class QuantileCoder {
  private ring: Float64Array;
  private readonly knots: Float64Array;
  private head = 0;
  private size = 0;
  private sinceRefresh = 0;
  private ready = false;

  constructor(private readonly options: QuantileCoderOptions) {
    this.ring = new Float64Array(Math.min(INITIAL_RING, options.window));
    this.knots = new Float64Array(options.knots + 2);
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** How far x lies beyond the minimum or maximum, in units of `spread` × the central (1/8 to 7/8) width; 0 inside. */
  excess(x: number, spread: number): number {
    if (!this.ready) return 0;
    const k = this.knots;
    const last = k.length - 1;
    const beyond = x > k[last] ? x - k[last] : x < k[0] ? k[0] - x : 0;
    if (beyond === 0) return 0;
    const width = spread * (k[last - 1] - k[1]);
    return width > 0 ? beyond / width : k[last] > k[0] ? 10 : beyond > 1e-9 * (Math.abs(x) + 1) ? 10 : 0;
  }

  rank(x: number): number {
    if (!this.ready) return NaN;
    const k = this.knots;
    const last = k.length - 1;
    const width = k[last] - k[0];
    if (x <= k[0]) return width > 0 ? (x - k[0]) / width : x < k[0] ? -Infinity : 0.5;
    if (x >= k[last]) return width > 0 ? 1 + (x - k[last]) / width : x > k[last] ? Infinity : 0.5;
    let i = 1;
    while (k[i] < x) i++;
    // k[i - 1] < x <= k[i]; ties between knots rank at the upper knot.
    const span = k[i] - k[i - 1];
    return (i - 1 + (span > 0 ? (x - k[i - 1]) / span : 1)) / last;
  }

  push(x: number): void {
    if (this.size === this.ring.length && this.size < this.options.window) this.grow();
    this.ring[this.head] = x;
    this.head = (this.head + 1) % this.ring.length;
    if (this.size < this.ring.length) this.size++;
    if (++this.sinceRefresh >= this.options.refreshEvery) this.refresh();
  }

  private refresh(): void {
    this.sinceRefresh = 0;
    if (scratch.length < this.size) scratch = new Float64Array(Math.max(this.size, 2 * scratch.length));
    const a = scratch.subarray(0, this.size);
    a.set(this.ring.subarray(0, this.size));
    const last = this.knots.length - 1;
    // The knots are order statistics in increasing order: each is selected in the part right of the one before.
    let from = 0;
    for (let j = 0; j <= last; j++) {
      const k = Math.round((j * (this.size - 1)) / last);
      this.knots[j] = select(a, from, this.size - 1, k);
      from = k;
    }
    this.ready = true;
  }

  /** Until the window is full the ring holds values [0, size) in order, so growing is a copy. */
  private grow(): void {
    const ring = new Float64Array(Math.min(this.options.window, this.ring.length * 2));
    ring.set(this.ring);
    this.ring = ring;
    this.head = this.size;
  }
}

/** The k-th smallest of a[lo..hi] (quickselect, median-of-three pivot); reorders a[lo..hi]. Expected O(hi - lo). */
function select(a: Float64Array, lo: number, hi: number, k: number): number {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as the pivot, left at a[mid].
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) swap(a, i++, j--);
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}
