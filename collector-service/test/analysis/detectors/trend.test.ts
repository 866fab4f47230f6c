import { analyzeTrend, isReportableRise } from '../../../src/analysis/detectors/trend';
import { build, HOUR, MINUTE, noise, sawtooth } from '../series-builders';

describe('analyzeTrend', () => {
  test('S3-like leak: fits the tooth since the last restart, not the sawtooth average', () => {
    // phase 120 min into the current tooth at the end of 24 h
    // ends 120 minutes into a tooth
    const s = sawtooth(24 * 60, 48, 5.7, 360, 120, 0.4);
    const trend = analyzeTrend(s);
    expect(trend.status).toBe('rising');
    expect(trend.basis).toBe('current');
    expect(trend.ratePerHour).toBeGreaterThan(5.5);
    expect(trend.ratePerHour).toBeLessThan(5.9);
    expect(trend.resets.length).toBeGreaterThanOrEqual(3);
    expect(trend.risingCycles).toBeGreaterThanOrEqual(3);
    expect(isReportableRise(trend)).toBe(true);
  });

  test('S2-like disk: 1.2 points an hour since the last clean-up', () => {
    const s = sawtooth(24 * 60, 80.5, 1.2, 16 * 60, 0, 0.02);
    const trend = analyzeTrend(s);
    expect(trend.status).toBe('rising');
    expect(trend.ratePerHour).toBeCloseTo(1.2, 2);
    expect(trend.segment!.startMs).toBe(s.t[16 * 60]);
  });

  test('right after a reset, the previous tooth gives the rate', () => {
    // 10 minutes into a new tooth: too short to fit
    // 24 h is exactly 4 teeth, so a phase of 10 minutes ends 10 minutes into a tooth
    const s = sawtooth(24 * 60, 48, 5.7, 360, 10, 0.4);
    const trend = analyzeTrend(s);
    expect(trend.segment!.endMs - trend.segment!.startMs).toBeGreaterThan(5 * HOUR);
    expect(trend.basis).toBe('previous');
    expect(trend.status).toBe('rising');
    expect(trend.ratePerHour).toBeGreaterThan(5.6);
    expect(trend.ratePerHour).toBeLessThan(5.8);
  });

  test('a healthy daily cycle over a whole day is flat', () => {
    const n = noise(2);
    const s = build(24 * 60, (i) => 55 + 6 * Math.cos((2 * Math.PI * i) / 1440) + 0.3 * n());
    const trend = analyzeTrend(s);
    expect(trend.status).toBe('flat');
    expect(isReportableRise(trend)).toBe(false);
  });

  test('not enough history: fewer than 30 minutes', () => {
    const s = build(20, (i) => 50 + i);
    const trend = analyzeTrend(s);
    expect(trend.status).toBe('insufficient');
    expect(trend.historyMs).toBe(19 * MINUTE);
    expect(trend.ratePerHour).toBe(0);
  });

  test('a small steady rise is rising but not worth reporting', () => {
    const s = build(60, (i) => 40 + (1 * i) / 60);
    const trend = analyzeTrend(s);
    expect(trend.status).toBe('rising');
    expect(isReportableRise(trend)).toBe(false);
  });

  test('a steady fall is falling', () => {
    expect(analyzeTrend(build(180, (i) => 70 - (3 * i) / 60)).status).toBe('falling');
  });
});
