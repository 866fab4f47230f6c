/** How far a feature steps outside the range it showed over recent reference windows, as a fraction of that range. */
import { LaggedRange, type LaggedRangeOptions } from './lagged-range';

/** Novelty given to any change of a feature whose whole reference was one constant value. */
export const NOVELTY_OF_LEAVING_A_CONSTANT = 10;

/**
 * Excess beyond [min, max] divided by (max - min): 0 inside the range, 1 when the feature goes a whole
 * range-width beyond it. Scale-free, so one alarm level fits every metric.
 */
export function rangeExcess(value: number, min: number, max: number): number {
  const excess = value > max ? value - max : value < min ? min - value : 0;
  if (excess === 0) return 0;
  const width = max - min;
  if (width > 0) return excess / width;
  // Float noise around a constant is not a change.
  return excess > 1e-9 * (Math.abs(value) + 1) ? NOVELTY_OF_LEAVING_A_CONSTANT : 0;
}

export class RangeNovelty {
  private readonly reference: LaggedRange;
  private readonly windowCount: number;
  private readonly windows: readonly number[];
  /** Per window, the fraction of its range added on each side while it fills up (see widening()). */
  private readonly padding: Float64Array;
  private paddingAt = -1;

  constructor(options: LaggedRangeOptions) {
    this.reference = new LaggedRange(options);
    this.windows = options.windows;
    this.windowCount = options.windows.length;
    this.padding = new Float64Array(options.windows.length);
  }

  /**
   * A window still filling up has seen a narrower range than it will once full: the range of n normal
   * samples grows about as sqrt(log n). Widening by that ratio keeps a young reference from crying wolf.
   */
  private updatePadding(): void {
    for (let w = 0; w < this.windowCount; w++) {
      const held = Math.max(2, this.reference.pointsIn(w));
      this.padding[w] = (Math.sqrt(Math.log(Math.max(2, this.windows[w])) / Math.log(held)) - 1) / 2;
    }
    this.paddingAt = this.reference.releasedPoints;
  }

  /** The novelty of `value` at point `now`, averaged over the reference windows (0 until they are ready); then records it. */
  observe(now: number, value: number): number {
    let novelty = 0;
    const reference = this.reference;
    if (reference.isReady) {
      if (this.paddingAt !== reference.releasedPoints) this.updatePadding();
      for (let w = 0; w < this.windowCount; w++) {
        const min = reference.min(w);
        const max = reference.max(w);
        const pad = this.padding[w] * (max - min);
        novelty += rangeExcess(value, min - pad, max + pad);
      }
      novelty /= this.windowCount;
    }
    reference.push(now, value);
    return novelty;
  }
}
