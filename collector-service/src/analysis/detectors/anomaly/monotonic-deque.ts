/** Sliding-window maximum: a ring-buffer deque of (time, value) kept in decreasing value order. */

/**
 * Holds the candidates for the maximum of the values pushed at times in (now - window, now].
 * Push and evict are O(1) amortised; capacity must be at least the number of pushes a window can hold.
 */
export class MonotonicMaxDeque {
  private readonly values: Float64Array;
  private readonly times: Float64Array;
  private head = 0;
  private size = 0;

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
    this.times = new Float64Array(capacity);
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** The largest value still in the window (undefined behaviour when empty: check isEmpty). */
  get max(): number {
    return this.values[this.head];
  }

  push(time: number, value: number): void {
    const cap = this.values.length;
    while (this.size > 0 && this.values[(this.head + this.size - 1) % cap] <= value) this.size--;
    if (this.size === cap) throw new Error('MonotonicMaxDeque capacity exceeded');
    const tail = (this.head + this.size) % cap;
    this.values[tail] = value;
    this.times[tail] = time;
    this.size++;
  }

  /** Drops the candidates pushed at or before `time`. */
  evictUpTo(time: number): void {
    while (this.size > 0 && this.times[this.head] <= time) {
      this.head = (this.head + 1) % this.values.length;
      this.size--;
    }
  }
}
