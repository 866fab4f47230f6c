import { findResets } from '../../../src/analysis/detectors/resets';
import { noise, sawtooth } from '../series-builders';

describe('findResets', () => {
  test('finds each drop of a sawtooth, at the first point after it', () => {
    // 6-hourly teeth from 48 % rising 5.7 points an hour (the S3 leak), 24 h
    const s = sawtooth(24 * 60, 48, 5.7, 360, 0, 0.4);
    expect(findResets(s.v)).toEqual([360, 720, 1080]);
  });

  test('a drop spread over two points is one reset, at its lowest point', () => {
    const v = [80, 81, 82, 83, 65, 48, 48.5, 49, 49.5];
    expect(findResets(v)).toEqual([5]);
  });

  test('noise, a daily cycle and small dips are not resets', () => {
    const n = noise(11);
    const v = Array.from({ length: 1440 }, (_, i) => 55 + 6 * Math.cos((2 * Math.PI * i) / 1440) + 0.5 * n());
    expect(findResets(v)).toEqual([]);
    expect(findResets([50, 49, 47, 48, 50])).toEqual([]);
  });

  test("the bar rises with the series' own jumpiness", () => {
    const n = noise(5);
    // cpu-like: jumps of several points every minute; a 6-point fall is ordinary here
    const v = Array.from({ length: 300 }, () => 40 + 6 * n());
    expect(findResets(v)).toEqual([]);
  });
});
