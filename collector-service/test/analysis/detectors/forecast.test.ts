import { forecastReach, MAX_FORECAST_HOURS } from '../../../src/analysis/detectors/forecast';
import { analyzeTrend } from '../../../src/analysis/detectors/trend';
import { build, HOUR, sawtooth } from '../series-builders';

describe('forecastReach', () => {
  test('S2-like disk fills at the fitted rate: eta = remaining / rate', () => {
    const s = sawtooth(24 * 60, 80.5, 1.2, 16 * 60, 0, 0.02);
    const f = forecastReach(analyzeTrend(s), 100);
    expect(f.status).toBe('eta');
    if (f.status !== 'eta') return;
    const current = 80.5 + 1.2 * ((24 * 60 - 16 * 60 - 1) / 60);
    expect(f.current).toBeCloseTo(current, 1);
    expect(f.etaHours).toBeCloseTo((100 - current) / 1.2, 1);
    expect(f.atMs).toBeCloseTo(s.t[s.t.length - 1] + f.etaHours * HOUR, -3);
    expect(f.basis).toBe('current');
  });

  test('a slow rise that would take longer than the history supports is not promised', () => {
    // 3 hours of history, 60 % rising 2/h: full in 20 h, but 3 h of data support only 3 h
    const f = forecastReach(analyzeTrend(build(180, (i) => 54 + (2 * i) / 60)), 100);
    expect(f).toMatchObject({ status: 'beyond-horizon' });
    if (f.status === 'beyond-horizon') expect(f.horizonHours).toBeCloseTo(179 / 60, 5);
  });

  test('never past 24 h, however long the history', () => {
    const f = forecastReach(analyzeTrend(build(48 * 60, (i) => 10 + (0.5 * i) / 60)), 100);
    expect(f).toMatchObject({ status: 'beyond-horizon', horizonHours: MAX_FORECAST_HOURS });
  });

  test.each([
    ['too short a history', build(10, (i) => 50 + i), 'insufficient'],
    ['a flat series', build(600, () => 50), 'not-rising'],
    ['already full', build(120, (i) => 99 + i / 60), 'reached'],
  ])('%s → %s', (_name, s, status) => {
    expect(forecastReach(analyzeTrend(s), 100).status).toBe(status);
  });
});
