/** How far a value's rank steps outside the ranks this half hour of the day has shown before: "unusual for this time of day". */

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Half-hour slots: at 5-minute sampling each holds six points a day. */
const SLOTS = 48;
const SLOT_MS = DAY_MS / SLOTS;
/** A slot answers once it was seen on this many earlier days: a pattern is what repeated. */
const MIN_DAYS = 3;

/**
 * Per half hour of the day (UTC), the lowest and highest rank seen in this week and the last, so a pattern
 * is forgotten after two weeks. O(1) per point, 48 × 2 ranges of memory.
 */
export class DailyRankRange {
  private readonly lo = new Float64Array(2 * SLOTS).fill(Infinity);
  private readonly hi = new Float64Array(2 * SLOTS).fill(-Infinity);
  /** Per slot and generation, the last day (days since epoch) it was seen and on how many days. */
  private readonly lastDay = new Float64Array(2 * SLOTS).fill(-Infinity);
  private readonly days = new Uint16Array(2 * SLOTS);
  private week = NaN;

  /** The excess of `rank` beyond this slot's earlier ranks (0 inside, or while the slot is not known yet); then records it. */
  observe(timestampMs: number, rank: number): number {
    const week = Math.floor(timestampMs / WEEK_MS);
    if (week !== this.week) this.rotate(week);
    const day = Math.floor(timestampMs / DAY_MS);
    const slot = Math.floor((timestampMs - day * DAY_MS) / SLOT_MS);
    const cur = (week & 1) * SLOTS + slot;
    const prev = (1 - (week & 1)) * SLOTS + slot;
    let novelty = 0;
    const earlierDays = this.days[cur] - (this.lastDay[cur] === day ? 1 : 0) + this.days[prev];
    if (earlierDays >= MIN_DAYS) {
      const lo = Math.min(this.lo[cur], this.lo[prev]);
      const hi = Math.max(this.hi[cur], this.hi[prev]);
      novelty = rank > hi ? rank - hi : rank < lo ? lo - rank : 0;
    }
    if (rank < this.lo[cur]) this.lo[cur] = rank;
    if (rank > this.hi[cur]) this.hi[cur] = rank;
    if (this.lastDay[cur] !== day) {
      this.lastDay[cur] = day;
      this.days[cur]++;
    }
    return novelty;
  }

  /** A new week starts a fresh generation in the slot of the week before last. */
  private rotate(week: number): void {
    const stale = (week & 1) * SLOTS;
    // Skipping more than a week (a gap in the data) leaves nothing worth keeping.
    const gap = !Number.isNaN(this.week) && week - this.week > 1;
    for (let h = 0; h < 2 * SLOTS; h++) {
      if (gap || (h >= stale && h < stale + SLOTS)) {
        this.lo[h] = Infinity;
        this.hi[h] = -Infinity;
        this.lastDay[h] = -Infinity;
        this.days[h] = 0;
      }
    }
    this.week = week;
  }
}
