/** Numbers, amounts and times as answers print them; the same in both languages except the words. */
import type { MetricName } from '../../domain/metrics';

export const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** 86.1 → "86.1" (one decimal at most, no trailing ".0"). */
export function num(v: number, digits = 1): string {
  return String(round(v, digits));
}

const BYTE_UNITS = ['B/s', 'KB/s', 'MB/s', 'GB/s', 'TB/s'];

/** Bytes per second in decimal units: 12_345_678 → "12.3 MB/s". */
export function bytesPerSecond(v: number): string {
  let unit = 0;
  let x = v;
  while (Math.abs(x) >= 1000 && unit < BYTE_UNITS.length - 1) {
    x /= 1000;
    unit++;
  }
  return `${num(x)} ${BYTE_UNITS[unit]}`;
}

/** A metric's value with its unit: "86.1%", "12.3 MB/s", "2.41". */
export function metricValue(metric: MetricName, v: number): string {
  if (metric === 'network_in' || metric === 'network_out') return bytesPerSecond(v);
  if (metric === 'load') return num(v, 2);
  return `${num(v)}%`;
}

/** The size of a change per hour, without sign or unit word, for the catalogs to wrap; small rates keep two decimals. */
export function rate(metric: MetricName, perHour: number): string {
  const size = Math.abs(perHour);
  if (metric === 'network_in' || metric === 'network_out') return bytesPerSecond(size);
  return num(size, metric === 'load' || size < 1 ? 2 : 1);
}

/** "08:43 UTC" today (relative to now), "11-27 02:10 UTC" on another day. */
export function clock(ms: number, nowMs: number): string {
  const d = new Date(ms);
  const hm = d.toISOString().slice(11, 16);
  return new Date(nowMs).toISOString().slice(0, 10) === d.toISOString().slice(0, 10)
    ? `${hm} UTC`
    : `${d.toISOString().slice(5, 10)} ${hm} UTC`;
}

export interface DurationParts {
  value: string;
  unit: 'seconds' | 'minutes' | 'hours' | 'days';
}

/** A duration in the largest unit that keeps it readable: 17 min, 3.2 h, 2.5 days. */
export function durationParts(ms: number): DurationParts {
  const minutes = ms / 60_000;
  if (minutes < 1) return { value: num(ms / 1000, 0), unit: 'seconds' };
  if (minutes < 90) return { value: num(minutes, 0), unit: 'minutes' };
  const hours = minutes / 60;
  if (hours < 48) return { value: num(hours), unit: 'hours' };
  return { value: num(hours / 24), unit: 'days' };
}
