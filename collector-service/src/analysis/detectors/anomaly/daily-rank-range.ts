/** How far a value's rank steps outside the ranks this hour of the day has shown before: "unusual for this time of day". */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;
const HOURS = 24;

/**
 * Per hour of the day (UTC), the lowest and highest rank seen in this week and the last, so a pattern
 * is forgotten after two weeks. An hour answers only once it was seen on an earlier day: one day
 * is not a pattern. O(1) per point, 24 × 2 ranges of memory.
 */
export class DailyRankRange {
  private readonly lo = new Float64Array(2 * HOURS).fill(Infinity);
  private readonly hi = new Float64Array(2 * HOURS).fill(-Infinity);
  /** First day (days since epoch) each hour was seen, per generation. */
  private readonly firstDay = new Float64Array(2 * HOURS).fill(Infinity);
  private week = NaN;

  /** The excess of `rank` beyond this hour's earlier ranks (0 inside, or while the hour is not known yet); then records it. */
  observe(timestampMs: number, rank: number): number {
    const week = Math.floor(timestampMs / WEEK_MS);
    if (week !== this.week) this.rotate(week);
    const day = Math.floor(timestampMs / DAY_MS);
    const hour = Math.floor((timestampMs - day * DAY_MS) / HOUR_MS);
    const cur = (week & 1) * HOURS + hour;
    const prev = (1 - (week & 1)) * HOURS + hour;
    let novelty = 0;
    const known = Math.min(this.firstDay[cur], this.firstDay[prev]) < day;
    if (known) {
      const lo = Math.min(this.lo[cur], this.lo[prev]);
      const hi = Math.max(this.hi[cur], this.hi[prev]);
      novelty = rank > hi ? rank - hi : rank < lo ? lo - rank : 0;
    }
    if (rank < this.lo[cur]) this.lo[cur] = rank;
    if (rank > this.hi[cur]) this.hi[cur] = rank;
    if (day < this.firstDay[cur]) this.firstDay[cur] = day;
    return novelty;
  }

  /** A new week starts a fresh generation in the slot of the week before last. */
  private rotate(week: number): void {
    const stale = (week & 1) * HOURS;
    // Skipping more than a week (a gap in the data) leaves nothing worth keeping.
    const gap = !Number.isNaN(this.week) && week - this.week > 1;
    for (let h = 0; h < 2 * HOURS; h++) {
      if (gap || (h >= stale && h < stale + HOURS)) {
        this.lo[h] = Infinity;
        this.hi[h] = -Infinity;
        this.firstDay[h] = Infinity;
      }
    }
    this.week = week;
  }
}
