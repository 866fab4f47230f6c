/** Time inputs of every read: finite, ordered, clamped to what storage can hold; steps in closed form; points per series capped. */
import { LimitError } from './limit-error';

/** Prometheus refuses more points than this per series; every read here does too. */
export const MAX_POINTS_PER_SERIES = 11_000;
/** What both a JavaScript Date and PostgreSQL's timestamptz hold, with samples that can exist: 1970 up to the end of year 9999. */
export const MIN_TIME_MS = 0;
export const MAX_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export interface TimeRange {
  fromMs: number;
  toMs: number;
}

export class TimeRangeError extends Error {}

const iso = (ms: number) => (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms));

/** Whole milliseconds within the storable span; a range that is not finite or not ordered is refused (TimeRangeError → 400). */
export function clampRange(fromMs: number, toMs: number): TimeRange {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) throw new TimeRangeError('from and to must be finite times');
  if (!(fromMs < toMs)) throw new TimeRangeError(`from: must be before to (from ${iso(fromMs)}, to ${iso(toMs)})`);
  const from = Math.min(MAX_TIME_MS, Math.max(MIN_TIME_MS, Math.floor(fromMs)));
  const to = Math.min(MAX_TIME_MS, Math.max(MIN_TIME_MS, Math.ceil(toMs)));
  if (!(from < to))
    throw new TimeRangeError(`the range lies outside what storage holds (${iso(MIN_TIME_MS)} to ${iso(MAX_TIME_MS)})`);
  return { fromMs: from, toMs: to };
}

/** One time (or none) within the storable span, in whole milliseconds. */
export function clampTime<T extends number | undefined>(ms: T): T {
  if (ms === undefined || !Number.isFinite(ms)) return ms;
  return Math.min(MAX_TIME_MS, Math.max(MIN_TIME_MS, Math.round(ms))) as T;
}

/** Any time (1e308, -Infinity, NaN from hostile input) as one PostgreSQL and Date can hold. */
export function storableTime(ms: number): number {
  return Number.isNaN(ms) ? MIN_TIME_MS : Math.round(Math.min(MAX_TIME_MS, Math.max(MIN_TIME_MS, ms)));
}

/** Number of epoch-aligned buckets of `stepMs` that [fromMs, toMs) touches. */
export function bucketCount(fromMs: number, toMs: number, stepMs: number): number {
  return Math.floor((toMs - 1) / stepMs) - Math.floor(fromMs / stepMs) + 1;
}

/**
 * Step (ms, whole seconds, at least `minStepMs`) that keeps the epoch-aligned buckets of [from, to) within
 * maxPoints, in closed form: a step of at least (to - from) / (maxPoints - 1) touches at most maxPoints buckets.
 * Expects a range from clampRange, where every value is an exact integer.
 */
export function stepFor(fromMs: number, toMs: number, maxPoints: number, minStepMs = 0): number {
  const points = Math.max(2, Math.floor(maxPoints));
  const spread = Math.ceil((toMs - fromMs) / (points - 1) / 1000) * 1000;
  const step = Math.max(1000, Math.ceil(minStepMs / 1000) * 1000, spread);
  // Float division may land one second short of the bound; one correction settles it.
  return bucketCount(fromMs, toMs, step) > points ? step + 1000 : step;
}

/** Refuses a step that would give more than MAX_POINTS_PER_SERIES points per series (422). */
export function checkPoints(fromMs: number, toMs: number, stepMs: number, limit = MAX_POINTS_PER_SERIES): number {
  const points = bucketCount(fromMs, toMs, stepMs);
  if (points > limit) {
    throw new LimitError(
      'points_limit',
      `step: ${stepMs / 1000} s over this range gives ${points} points per series, more than the ${limit} allowed; use a larger step or a shorter range`
    );
  }
  return points;
}
