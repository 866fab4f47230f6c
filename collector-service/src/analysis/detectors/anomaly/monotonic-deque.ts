/** Sliding-window maximum: a ring-buffer deque of (time, value) kept in decreasing value order. */

/** Slots a deque starts with; it doubles as needed up to its capacity, so a young or calm series costs little. */
const INITIAL_SLOTS = 8;

/**
 * Holds the candidates for the maximum of the values pushed at times in (now - window, now].
 * Push and evict are O(1) amortised; capacity must be at least the number of pushes a window can hold.
 */
export class MonotonicMaxDeque {
  private values: Float64Array;
  private times: Float64Array;
  private head = 0;
  private size = 0;

  constructor(private readonly capacity: number) {
    this.values = new Float64Array(Math.min(INITIAL_SLOTS, capacity));
    this.times = new Float64Array(this.values.length);
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** The largest value still in the window (undefined behaviour when empty: check isEmpty). */
  get max(): number {
    return this.values[this.head];
  }

  push(time: number, value: number): void {
    let slots = this.values.length;
    while (this.size > 0 && this.values[(this.head + this.size - 1) % slots] <= value) this.size--;
    if (this.size === slots) {
      if (slots === this.capacity) throw new Error('MonotonicMaxDeque capacity exceeded');
      slots = this.grow();
    }
    const tail = (this.head + this.size) % slots;
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

  /** Doubles the slots (up to the capacity), the candidates moved to the front in order; returns the new slot count. */
  private grow(): number {
    const slots = Math.min(this.capacity, this.values.length * 2);
    const values = new Float64Array(slots);
    const times = new Float64Array(slots);
    for (let i = 0; i < this.size; i++) {
      const from = (this.head + i) % this.values.length;
      values[i] = this.values[from];
      times[i] = this.times[from];
    }
    this.values = values;
    this.times = times;
    this.head = 0;
    return slots;
  }
}
