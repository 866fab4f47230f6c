/** Time inputs: ranges clamped to what storage holds, steps in closed form that never exceed the points asked for. */
import fc from 'fast-check';
import { bucketCount, checkPoints, clampRange, MAX_TIME_MS, stepFor, TimeRangeError } from '../../src/limits';

const anyTime = fc.oneof(
  fc.double({ noNaN: true }),
  fc.integer({ min: -1e15, max: 1e15 }),
  fc.constantFrom(-1, 0, 1, 1e30, -1e30, Number.MAX_VALUE, -Number.MAX_VALUE, 8.64e15, MAX_TIME_MS)
);

test('any finite, ordered range clamps into storage and gets a step whose buckets fit maxDataPoints', () => {
  fc.assert(
    fc.property(
      anyTime,
      anyTime,
      fc.integer({ min: 2, max: 11_000 }),
      fc.integer({ min: 0, max: 86_400_000 }),
      (a, b, maxPoints, intervalMs) => {
        fc.pre(a < b);
        let range;
        try {
          range = clampRange(a, b);
        } catch (err) {
          // Only an infinite range, or one wholly outside storage, is refused.
          expect(err).toBeInstanceOf(TimeRangeError);
          expect(!Number.isFinite(a) || !Number.isFinite(b) || b <= 0 || a >= MAX_TIME_MS).toBe(true);
          return;
        }
        const step = stepFor(range.fromMs, range.toMs, maxPoints, intervalMs);
        expect(step % 1000).toBe(0);
        expect(step).toBeGreaterThanOrEqual(Math.max(1000, intervalMs));
        expect(bucketCount(range.fromMs, range.toMs, step)).toBeLessThanOrEqual(maxPoints);
      }
    ),
    { numRuns: 5_000 }
  );
});

test('the /api/query input that looped for ever: from -1 to 1e30 in 2 points', () => {
  const range = clampRange(-1, 1e30);
  expect(range).toEqual({ fromMs: 0, toMs: MAX_TIME_MS });
  expect(bucketCount(range.fromMs, range.toMs, stepFor(range.fromMs, range.toMs, 2))).toBeLessThanOrEqual(2);
});

test.each([
  [Infinity, 1, 'from and to must be finite'],
  [5, 5, 'from: must be before to'],
  [10, 5, 'from: must be before to'],
  [-10, -5, 'outside what storage holds'],
])('clampRange(%p, %p) is refused: %s', (from, to, message) => {
  expect(() => clampRange(from, to)).toThrow(message);
});

test('more than 11,000 points per series is a 422 naming the step and the limit', () => {
  expect(checkPoints(0, 11_000_000, 1000)).toBe(11_000);
  expect(() => checkPoints(0, 11_001_000, 1000)).toThrow(
    expect.objectContaining({
      status: 422,
      code: 'points_limit',
      message: expect.stringContaining('more than the 11000 allowed; use a larger step'),
    })
  );
});
