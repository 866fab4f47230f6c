/**
 * When a rising capacity series reaches a level, at its fitted rate. The horizon is bounded by
 * the history behind the rate (never past 24 h): a few hours of data do not promise a date weeks away.
 */
import { HOUR_MS } from '../series';
import type { TrendResult } from './trend';

export const MAX_FORECAST_HOURS = 24;

export type Forecast =
  | { status: 'insufficient'; historyHours: number }
  | { status: 'not-rising'; ratePerHour: number }
  | { status: 'reached'; current: number; target: number }
  | { status: 'beyond-horizon'; ratePerHour: number; horizonHours: number; current: number; target: number }
  | {
      status: 'eta';
      ratePerHour: number;
      etaHours: number;
      atMs: number;
      current: number;
      target: number;
      basis: 'current' | 'previous';
    };

/** How far ahead the history allows a forecast: as far back as it reaches, at most MAX_FORECAST_HOURS. */
export function forecastHorizonHours(trend: TrendResult): number {
  return Math.min(MAX_FORECAST_HOURS, trend.historyMs / HOUR_MS);
}

export function forecastReach(trend: TrendResult, target: number): Forecast {
  if (trend.status === 'insufficient' || !trend.segment || !trend.basis) {
    return { status: 'insufficient', historyHours: trend.historyMs / HOUR_MS };
  }
  if (trend.status !== 'rising') return { status: 'not-rising', ratePerHour: trend.ratePerHour };
  // The fitted end of the current tooth is steadier than its noisy last point.
  const current = trend.basis === 'current' ? trend.segment.fit.endValue : trend.current;
  if (current >= target || trend.current >= target) return { status: 'reached', current: trend.current, target };
  const etaHours = (target - current) / trend.ratePerHour;
  const horizonHours = forecastHorizonHours(trend);
  if (etaHours > horizonHours)
    return { status: 'beyond-horizon', ratePerHour: trend.ratePerHour, horizonHours, current: trend.current, target };
  return {
    status: 'eta',
    ratePerHour: trend.ratePerHour,
    etaHours,
    atMs: trend.currentAt + etaHours * HOUR_MS,
    current: trend.current,
    target,
    basis: trend.basis,
  };
}
