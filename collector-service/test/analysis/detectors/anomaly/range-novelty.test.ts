/** The scale-free excess beyond a reference range, and the novelty of a feature against its own past. */
import {
  NOVELTY_OF_LEAVING_A_CONSTANT,
  RangeNovelty,
  rangeExcess,
} from '../../../../src/analysis/detectors/anomaly/range-novelty';

describe('rangeExcess', () => {
  it.each([
    ['inside the range', 15, 10, 20, 0],
    ['on the edge', 20, 10, 20, 0],
    ['a full width above', 30, 10, 20, 1],
    ['half a width below', 5, 10, 20, 0.5],
    ['the same step at a thousand times the scale', 30_000, 10_000, 20_000, 1],
    ['a constant that stays constant', 7, 7, 7, 0],
    ['float noise around a constant', 7 + 1e-12, 7, 7, 0],
    ['a constant that changes', 7.5, 7, 7, NOVELTY_OF_LEAVING_A_CONSTANT],
  ])('%s', (_name, value, min, max, expected) => {
    expect(rangeExcess(value, min, max)).toBeCloseTo(expected, 12);
  });
});

describe('RangeNovelty', () => {
  const options = { windows: [200, 600], lag: 10, blockSize: 5, minPoints: 100 };

  it('is 0 until the references are ready, then 0 for values inside the range seen', () => {
    const novelty = new RangeNovelty(options);
    const scores: number[] = [];
    for (let now = 1; now <= 800; now++) scores.push(novelty.observe(now, Math.sin(now / 7)));
    expect(scores.every((s) => s === 0)).toBe(true);
  });

  it('grows with how far a value leaves the range, the same for every scale', () => {
    const at = (scale: number, jump: number) => {
      const novelty = new RangeNovelty(options);
      for (let now = 1; now <= 700; now++) novelty.observe(now, scale * Math.sin(now / 7));
      return novelty.observe(701, scale * jump);
    };
    expect(at(1, 2)).toBeGreaterThan(0.3);
    expect(at(1, 4)).toBeGreaterThan(at(1, 2));
    expect(at(1e6, 4)).toBeCloseTo(at(1, 4), 9);
  });
});
