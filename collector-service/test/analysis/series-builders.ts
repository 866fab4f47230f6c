/** Constructed series with known answers for detector tests: lines, sawtooths, spike trains, noise. */
import type { Series } from '../../src/analysis/series';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const T0 = Date.UTC(2026, 0, 1);

/** Deterministic noise in [-1, 1) (a small LCG), so tests never depend on Math.random. */
export function noise(seed = 1): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  };
}

/** One point a minute for `minutes`, value f(minute index). */
export function build(minutes: number, f: (i: number) => number, start = T0): Series {
  const s: Series = { t: [], v: [] };
  for (let i = 0; i < minutes; i++) {
    s.t.push(start + i * MINUTE);
    s.v.push(f(i));
  }
  return s;
}

/** A sawtooth: rises from `low` by `perHour` until `periodMinutes`, then drops back (a clean-up, a restart). */
export function sawtooth(
  minutes: number,
  low: number,
  perHour: number,
  periodMinutes: number,
  phaseMinutes = 0,
  jitter = 0
): Series {
  const n = noise(7);
  return build(minutes, (i) => low + (perHour * ((i + phaseMinutes) % periodMinutes)) / 60 + jitter * n());
}

/** Spikes of `height` lasting `length` minutes every `period` minutes, starting at `offset`, on a noisy base. */
export function spikes(
  minutes: number,
  period: number,
  length: number,
  offset: number,
  height: number,
  base: number,
  seed: number
): number[] {
  const n = noise(seed);
  return Array.from({ length: minutes }, (_, i) =>
    (((i - offset) % period) + period) % period < length ? height + n() : base + 3 * n()
  );
}
