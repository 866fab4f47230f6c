/** LaggedRange against a brute-force reading of the same definition on random data. */
import { LaggedRange } from '../../../../src/analysis/detectors/anomaly/lagged-range';
import { seededNormal } from './synthetic-series';

/**
 * The reference, by definition: points grouped in blocks of blockSize (block k ends at point k*blockSize);
 * blocks ending at least `lag` points ago are in; of those, the ones ending within `window` points of the
 * newest such block form the window.
 */
function bruteForce(values: number[], now: number, window: number, lag: number, blockSize: number) {
  const lastBlock = Math.floor((now - lag) / blockSize);
  if (lastBlock < 1) return null;
  const newestEnd = lastBlock * blockSize;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 1; k <= lastBlock; k++) {
    if (k * blockSize <= newestEnd - window) continue;
    for (let i = (k - 1) * blockSize; i < k * blockSize; i++) {
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
  }
  return { min, max, points: Math.min(lastBlock * blockSize, window) };
}

describe('LaggedRange', () => {
  it.each([
    { windows: [100, 300], lag: 20, blockSize: 10 },
    { windows: [50], lag: 0, blockSize: 1 },
    { windows: [64, 640], lag: 7, blockSize: 4 },
  ])(
    'matches the brute-force min and max of every window ($windows, lag $lag, block $blockSize)',
    ({ windows, lag, blockSize }) => {
      const noise = seededNormal(7);
      // a wandering series with occasional jumps, so old extremes must really leave the window
      const values: number[] = [];
      let level = 0;
      for (let i = 0; i < 1500; i++) {
        level += noise() + (i % 211 === 0 ? 40 * noise() : 0);
        values.push(level);
      }
      const range = new LaggedRange({ windows, lag, blockSize, minPoints: 1 });
      for (let now = 1; now <= values.length; now++) {
        range.push(now, values[now - 1]);
        windows.forEach((window, w) => {
          const expected = bruteForce(values, now, window, lag, blockSize);
          expect(range.isReady).toBe(expected !== null);
          if (expected === null) return;
          expect([range.min(w), range.max(w), range.pointsIn(w)]).toEqual([
            expected.min,
            expected.max,
            expected.points,
          ]);
        });
      }
    }
  );

  it('answers only once it holds minPoints points that are older than the lag', () => {
    const range = new LaggedRange({ windows: [1000], lag: 50, blockSize: 10, minPoints: 300 });
    let readyAt = -1;
    for (let now = 1; now <= 1000 && readyAt < 0; now++) {
      range.push(now, now);
      if (range.isReady) readyAt = now;
    }
    expect(readyAt).toBe(350);
    expect([range.min(0), range.max(0)]).toEqual([1, 300]);
  });
});
