/** "Unusual for this time of day": the ranks each half hour showed on earlier days. */
import { DailyRankRange } from '../../../../src/analysis/detectors/anomaly/daily-rank-range';

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 6);
const at = (day: number, hour: number) => START + day * DAY + hour * 3_600_000;

describe('DailyRankRange', () => {
  it('says nothing about a time of day seen on fewer than three earlier days', () => {
    const d = new DailyRankRange();
    expect(d.observe(at(0, 3), 0.2)).toBe(0);
    expect(d.observe(at(1, 3), 0.2)).toBe(0);
    expect(d.observe(at(2, 3), 0.2)).toBe(0);
    expect(d.observe(at(3, 3), 0.9)).toBeCloseTo(0.7, 9);
  });

  it('compares each half hour with itself: a high rank at the usual peak is normal, at night it is not', () => {
    const d = new DailyRankRange();
    for (let day = 0; day < 4; day++) {
      d.observe(at(day, 3), 0.1);
      d.observe(at(day, 14), 0.9);
    }
    expect(d.observe(at(4, 14), 0.9)).toBe(0);
    expect(d.observe(at(4, 3), 0.9)).toBeCloseTo(0.8, 9);
  });

  it('forgets a pattern after two weeks', () => {
    const d = new DailyRankRange();
    for (let day = 0; day < 4; day++) d.observe(at(day, 3), 0.1);
    expect(d.observe(at(21, 3), 0.9)).toBe(0);
  });
});
