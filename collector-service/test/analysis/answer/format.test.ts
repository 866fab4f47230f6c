import { bytesPerSecond, clock, durationParts, metricValue, num } from '../../../src/analysis/answer/format';

describe('answer formatting', () => {
  test.each([
    [86.149, 1, '86.1'],
    [85, 1, '85'],
    [0.987, 2, '0.99'],
    [90.24000000000001, 1, '90.2'],
  ])('num(%p, %p) = %s', (v, d, out) => expect(num(v, d)).toBe(out));

  test.each([
    [999, '999 B/s'],
    [12_345_678, '12.3 MB/s'],
    [4_000_000, '4 MB/s'],
    [1_500_000_000, '1.5 GB/s'],
  ])('bytesPerSecond(%p) = %s', (v, out) => expect(bytesPerSecond(v)).toBe(out));

  test('metric values carry their unit', () => {
    expect(metricValue('cpu', 86.14)).toBe('86.1%');
    expect(metricValue('network_out', 12_000_000)).toBe('12 MB/s');
    expect(metricValue('load', 2.414)).toBe('2.41');
  });

  test('clock shows the date only when it is another day', () => {
    const now = Date.UTC(2026, 10, 26, 12, 0);
    expect(clock(now - 3_600_000, now)).toBe('11:00 UTC');
    expect(clock(now + 14 * 3_600_000, now)).toBe('11-27 02:00 UTC');
  });

  test.each([
    [30_000, { value: '30', unit: 'seconds' }],
    [17 * 60_000, { value: '17', unit: 'minutes' }],
    [89 * 60_000, { value: '89', unit: 'minutes' }],
    [3.24 * 3_600_000, { value: '3.2', unit: 'hours' }],
    [60 * 3_600_000, { value: '2.5', unit: 'days' }],
  ])('durationParts(%p)', (ms, parts) => expect(durationParts(ms)).toEqual(parts));
});
