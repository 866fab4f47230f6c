import { bestLeadLag, laggedPearson } from '../../../src/analysis/detectors/correlation';
import { noise, spikes } from '../series-builders';

describe('bestLeadLag', () => {
  // S4: spikes every 15 minutes for 3 minutes; the follower spikes 1 minute after the leader.
  const leader = spikes(180, 15, 3, 4, 78, 25, 1);
  const follower = spikes(180, 15, 3, 5, 70, 30, 2);

  test('names the leader and the lag: a leads b by one step', () => {
    const ll = bestLeadLag(leader, follower)!;
    expect(ll.lagSteps).toBe(1);
    expect(ll.r).toBeGreaterThan(0.9);
    expect(ll.n).toBeGreaterThan(150);
  });

  test('swapping the series flips the sign of the lag', () => {
    expect(bestLeadLag(follower, leader)!.lagSteps).toBe(-1);
  });

  test.each([0, 2, 4])('a lag of %i steps is recovered', (lag) => {
    const a = spikes(240, 20, 2, 3, 90, 20, 3);
    const b = spikes(240, 20, 2, 3 + lag, 60, 20, 4);
    expect(bestLeadLag(a, b)!.lagSteps).toBe(lag);
  });

  test('two servers that only share a daily cycle are not related', () => {
    const n1 = noise(5);
    const n2 = noise(6);
    const a = Array.from({ length: 180 }, (_, i) => 40 + 10 * Math.sin(i / 60) + 2 * n1());
    const b = Array.from({ length: 180 }, (_, i) => 50 + 10 * Math.sin(i / 60) + 2 * n2());
    expect(bestLeadLag(a, b)).toBeNull();
  });

  test('missing points (NaN) are skipped, not counted', () => {
    const a = [...leader];
    const b = [...follower];
    for (let i = 0; i < 180; i += 7) b[i] = NaN;
    const ll = bestLeadLag(a, b)!;
    expect(ll.lagSteps).toBe(1);
    expect(ll.n).toBeLessThan(160);
  });

  test('too few pairs give nothing', () => {
    expect(bestLeadLag(leader.slice(0, 20), follower.slice(0, 20))).toBeNull();
  });

  test('laggedPearson of a series with itself at lag 0 is 1; of a constant, 0', () => {
    expect(laggedPearson([1, 3, 2, 5, 4], [1, 3, 2, 5, 4], 0).r).toBeCloseTo(1, 10);
    expect(laggedPearson([1, 1, 1, 1], [1, 2, 3, 4], 0).r).toBe(0);
  });
});
