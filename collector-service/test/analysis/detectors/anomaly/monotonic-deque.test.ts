/** The sliding-window maximum behind the detector's reference ranges. */
import { MonotonicMaxDeque } from '../../../../src/analysis/detectors/anomaly/monotonic-deque';

describe('MonotonicMaxDeque', () => {
  it('holds as many falling values as its capacity and answers each window maximum in turn', () => {
    const deque = new MonotonicMaxDeque(100);
    for (let t = 1; t <= 100; t++) deque.push(t, 1000 - t);
    for (let t = 1; t < 100; t++) {
      expect(deque.max).toBe(1000 - t);
      deque.evictUpTo(t);
    }
    expect(deque.max).toBe(900);
  });

  it('refuses a push past its capacity', () => {
    const deque = new MonotonicMaxDeque(20);
    for (let t = 1; t <= 20; t++) deque.push(t, -t);
    expect(() => deque.push(21, -21)).toThrow('capacity exceeded');
  });

  it('keeps its order when it grows after its front has moved', () => {
    const deque = new MonotonicMaxDeque(64);
    for (let t = 1; t <= 6; t++) deque.push(t, 100 - t);
    deque.evictUpTo(4); // the front is now mid-ring: 95, 94
    for (let t = 7; t <= 30; t++) deque.push(t, 100 - t);
    const maxima: number[] = [];
    for (let t = 5; t <= 29; t++) {
      maxima.push(deque.max);
      deque.evictUpTo(t);
    }
    expect(maxima).toEqual(Array.from({ length: 25 }, (_, i) => 95 - i));
  });
});
