/** The daily profile: silent until each phase has been seen, then the deviation from what that phase usually shows. */
import { SeasonalProfile } from '../../../../src/analysis/detectors/anomaly/seasonal-profile';
import { FIVE_MINUTES_MS, POINTS_PER_DAY, START_MS } from './synthetic-series';

const DAY_MS = 86_400_000;
const dailyShape = (i: number) => 50 + 30 * Math.sin((2 * Math.PI * i) / POINTS_PER_DAY);

function profile() {
  return new SeasonalProfile({ periodMs: DAY_MS, bins: POINTS_PER_DAY, learningRate: 0.3, minVisits: 2, residualSmoothing: 1 });
}

describe('SeasonalProfile', () => {
  it('has no opinion until a phase has been seen minVisits times', () => {
    const p = profile();
    const residuals = Array.from({ length: 2 * POINTS_PER_DAY }, (_, i) => p.residual(START_MS + i * FIVE_MINUTES_MS, dailyShape(i)));
    expect(residuals.every(Number.isNaN)).toBe(true);
    expect(p.residual(START_MS + 2 * DAY_MS, dailyShape(0))).toBeCloseTo(0, 9);
  });

  it('after learning a daily shape, reports how far a value is from it at that time of day', () => {
    const p = profile();
    const days = 4;
    for (let i = 0; i < days * POINTS_PER_DAY; i++) p.residual(START_MS + i * FIVE_MINUTES_MS, dailyShape(i));
    const noon = days * POINTS_PER_DAY + POINTS_PER_DAY / 4; // the daily peak
    expect(p.residual(START_MS + noon * FIVE_MINUTES_MS, dailyShape(noon))).toBeCloseTo(0, 9);
    // the night-time value at noon is far below what noon usually shows
    expect(p.residual(START_MS + (noon + 1) * FIVE_MINUTES_MS, 20)).toBeLessThan(-55);
  });

  it('takes timestamps before 1970 and in any phase without failing', () => {
    const p = profile();
    for (const t of [-DAY_MS - 1, -1, 0, DAY_MS - 1]) expect(() => p.residual(t, 1)).not.toThrow();
  });
});
