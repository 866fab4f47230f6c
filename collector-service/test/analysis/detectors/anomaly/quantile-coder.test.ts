/** The rank encoding: a value's place among the recent values, the same on every scale. */
import { QuantileCoder } from '../../../../src/analysis/detectors/anomaly/quantile-coder';

const coder = (values: number[], window = 100) => {
  const q = new QuantileCoder({ window, refreshEvery: 10, knots: 7 });
  for (const v of values) q.push(v);
  return q;
};
const ramp = (scale: number) => Array.from({ length: 100 }, (_, i) => i * scale);

describe('QuantileCoder', () => {
  it('answers NaN before it has seen enough values', () => {
    expect(coder([1, 2, 3]).rank(2)).toBeNaN();
  });

  it.each([
    ['the lowest', 0, 0],
    ['the median', 49.5, 0.5],
    ['the highest', 99, 1],
    ['a full range above the highest', 198, 2],
    ['half a range below the lowest', -49.5, -0.5],
  ])('%s ranks %p → %p, at any scale', (_name, value, rank) => {
    expect(coder(ramp(1)).rank(value)).toBeCloseTo(rank, 1);
    expect(coder(ramp(1000)).rank(value * 1000)).toBeCloseTo(rank, 1);
  });

  it('measures a step beyond the extremes in central spreads, which one outlier does not widen', () => {
    const withOutlier = [...ramp(1).slice(1), 10_000];
    // The outlier stretched the range to 10,000; a drop one central spread (about 75) below the minimum still counts as one.
    expect(coder(withOutlier).excess(50, 1)).toBe(0);
    expect(coder(withOutlier).excess(-75, 1)).toBeCloseTo(1, 1);
  });

  it('forgets values older than its window', () => {
    const q = coder([...ramp(1), ...Array(100).fill(500)]);
    expect(q.rank(500)).toBe(0.5);
    expect(q.rank(99)).toBeLessThan(0);
  });
});

describe('QuantileCoder over a long window', () => {
  it('ranks among every value of a window it filled gradually, and then forgets the oldest', () => {
    const values = Array.from({ length: 300 }, (_, i) => 1000 + i);
    const q = coder(values, 300);
    expect(q.rank(1000)).toBe(0);
    expect(q.rank(1299)).toBe(1);
    expect(q.rank(1149.5)).toBeCloseTo(0.5, 2);
    for (let i = 0; i < 150; i++) q.push(5000);
    // The 150 oldest (1000 to 1149) are gone: 1150 is now the lowest.
    expect(q.rank(1150)).toBe(0);
    expect(q.rank(1149)).toBeLessThan(0);
  });
});
