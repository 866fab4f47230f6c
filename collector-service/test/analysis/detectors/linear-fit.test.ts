import { fitLine } from '../../../src/analysis/detectors/linear-fit';
import { build, HOUR, noise } from '../series-builders';

describe('fitLine', () => {
  test.each([
    ['a clean line of +2/h', 120, (i: number) => 10 + (2 * i) / 60, 2, 1],
    ['a falling line of -0.5/h', 240, (i: number) => 80 - (0.5 * i) / 60, -0.5, 1],
    ['a flat line', 60, () => 42, 0, 1],
  ])('%s: slope per hour and r²', (_name, minutes, f, slope, r2) => {
    const s = build(minutes, f);
    const fit = fitLine(s.t, s.v)!;
    expect(fit.slopePerHour).toBeCloseTo(slope, 6);
    expect(fit.r2).toBeCloseTo(r2, 6);
    expect(fit.n).toBe(minutes);
  });

  test('noise lowers r² and widens the slope error, but the slope stays near the truth', () => {
    const n = noise(3);
    const s = build(6 * 60, (i) => 50 + (1.2 * i) / 60 + 2 * n());
    const fit = fitLine(s.t, s.v)!;
    expect(fit.slopePerHour).toBeGreaterThan(1.0);
    expect(fit.slopePerHour).toBeLessThan(1.4);
    expect(fit.r2).toBeLessThan(1);
    // a rise of 7.2 against uniform noise of ±2: the line explains about three quarters of the variance
    expect(fit.r2).toBeGreaterThan(0.7);
    expect(fit.slopeStdErr).toBeGreaterThan(0);
    expect(fit.endValue).toBeCloseTo(50 + 1.2 * ((6 * 60 - 1) / 60), 0);
  });

  test('fits only the given slice', () => {
    const s = build(120, (i) => (i < 60 ? 100 : 10 + (3 * (i - 60)) / 60));
    expect(fitLine(s.t, s.v, 60)!.slopePerHour).toBeCloseTo(3, 6);
  });

  test('fewer than 3 points, or no spread in time, gives no fit', () => {
    expect(fitLine([0, HOUR], [1, 2])).toBeNull();
    expect(fitLine([5, 5, 5], [1, 2, 3])).toBeNull();
  });
});
