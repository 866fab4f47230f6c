import { detectLevelShift } from '../../../src/analysis/detectors/level-shift';
import { build, noise } from '../series-builders';

describe('detectLevelShift', () => {
  test('a traffic jump: the last 15 minutes at twice the hour before', () => {
    const n = noise(9);
    const s = build(90, (i) => (i < 75 ? 4_000_000 : 8_000_000) * (1 + 0.05 * n()));
    const shift = detectLevelShift(s)!;
    expect(shift.ratio).toBeGreaterThan(1.8);
    expect(shift.ratio).toBeLessThan(2.2);
    expect(shift.before).toBeCloseTo(4_000_000, -5);
    // the jump happened at minute 75
    expect(shift.sinceMs).toBe(s.t[75]);
  });

  test('a drop counts too', () => {
    expect(detectLevelShift(build(90, (i) => (i < 75 ? 100 : 30)))!.ratio).toBeCloseTo(0.3, 5);
  });

  test('steady noisy traffic, or a small step, is no shift', () => {
    const n = noise(4);
    expect(detectLevelShift(build(90, () => 5_000_000 * (1 + 0.1 * n())))).toBeNull();
    expect(detectLevelShift(build(90, (i) => (i < 75 ? 100 : 120) + n()))).toBeNull();
  });

  test('too little data before or after gives nothing', () => {
    expect(detectLevelShift(build(18, (i) => (i < 15 ? 1 : 10)))).toBeNull();
  });
});
