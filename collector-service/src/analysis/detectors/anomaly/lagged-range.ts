/** The min and max of a feature over reference windows that end a fixed lag before the newest point. */
import { MonotonicMaxDeque } from './monotonic-deque';

export interface LaggedRangeOptions {
  /** Lengths (points) of the reference windows, all ending `lag` points before the newest one. */
  windows: readonly number[];
  /** The newest `lag` points are not yet in the reference, so a slow move is compared with where it started. */
  lag: number;
  /** Points are summarised in blocks of this many: the window edges move a block at a time. */
  blockSize: number;
  /** The reference answers only once it holds this many points. */
  minPoints: number;
}

/**
 * Time is the caller's point counter (1, 2, 3, ...). Push and queries are O(1) amortised; memory is
 * O(longest window / blockSize). The windows share the blocks, so a second window costs two deques.
 */
export class LaggedRange {
  private readonly windows: readonly number[];
  private readonly lag: number;
  private readonly blockSize: number;
  private readonly minPoints: number;
  private readonly maxima: MonotonicMaxDeque[];
  private readonly negMinima: MonotonicMaxDeque[];
  // Completed blocks still inside the lag, as a ring buffer.
  private readonly pendingMin: Float64Array;
  private readonly pendingMax: Float64Array;
  private readonly pendingEnd: Float64Array;
  private pendingHead = 0;
  private pendingSize = 0;
  private blockMin = Infinity;
  private blockMax = -Infinity;
  private blockCount = 0;
  private released = 0;

  constructor(options: LaggedRangeOptions) {
    this.windows = options.windows;
    this.lag = options.lag;
    this.blockSize = options.blockSize;
    this.minPoints = options.minPoints;
    this.maxima = options.windows.map((w) => new MonotonicMaxDeque(Math.ceil(w / options.blockSize) + 2));
    this.negMinima = options.windows.map((w) => new MonotonicMaxDeque(Math.ceil(w / options.blockSize) + 2));
    const pendingCapacity = Math.ceil(options.lag / options.blockSize) + 2;
    this.pendingMin = new Float64Array(pendingCapacity);
    this.pendingMax = new Float64Array(pendingCapacity);
    this.pendingEnd = new Float64Array(pendingCapacity);
  }

  /** True once every reference window holds enough points to answer. */
  get isReady(): boolean {
    return this.released > 0 && this.released >= this.minPoints;
  }

  /** Points that have entered the reference so far (grows by a block at a time). */
  get releasedPoints(): number {
    return this.released;
  }

  /** Points the given reference window holds now (it fills up to its length). */
  pointsIn(window: number): number {
    return Math.min(this.released, this.windows[window]);
  }

  min(window: number): number {
    return -this.negMinima[window].max;
  }

  max(window: number): number {
    return this.maxima[window].max;
  }

  push(now: number, value: number): void {
    if (value < this.blockMin) this.blockMin = value;
    if (value > this.blockMax) this.blockMax = value;
    if (++this.blockCount === this.blockSize) {
      const cap = this.pendingEnd.length;
      const tail = (this.pendingHead + this.pendingSize) % cap;
      this.pendingMin[tail] = this.blockMin;
      this.pendingMax[tail] = this.blockMax;
      this.pendingEnd[tail] = now;
      this.pendingSize++;
      this.blockMin = Infinity;
      this.blockMax = -Infinity;
      this.blockCount = 0;
    }
    this.release(now);
  }

  /** Moves blocks that have left the lag into the windows and drops blocks that have left the windows. */
  private release(now: number): void {
    const cap = this.pendingEnd.length;
    while (this.pendingSize > 0 && this.pendingEnd[this.pendingHead] <= now - this.lag) {
      const end = this.pendingEnd[this.pendingHead];
      for (let w = 0; w < this.windows.length; w++) {
        this.maxima[w].push(end, this.pendingMax[this.pendingHead]);
        this.negMinima[w].push(end, -this.pendingMin[this.pendingHead]);
        this.maxima[w].evictUpTo(end - this.windows[w]);
        this.negMinima[w].evictUpTo(end - this.windows[w]);
      }
      this.pendingHead = (this.pendingHead + 1) % cap;
      this.pendingSize--;
      this.released += this.blockSize;
    }
  }
}
