/** Functions applied to each sample of an instant vector: math, rounding, clamping, sorting. */
import type { Sample } from './values';

const toRadians = Math.PI / 180;

/** value → value functions; the result drops the metric name. */
export const MATH_FUNCTIONS: Record<string, (v: number) => number> = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  exp: Math.exp,
  ln: Math.log,
  log2: Math.log2,
  log10: Math.log10,
  sqrt: Math.sqrt,
  sgn: (v) => (Number.isNaN(v) ? v : Math.sign(v)),
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  asinh: Math.asinh,
  acosh: Math.acosh,
  atanh: Math.atanh,
  deg: (v) => v / toRadians,
  rad: (v) => v * toRadians,
};

/** round(v, to_nearest): half rounds up, as Prometheus's floor(v/n + 0.5) * n. */
export function roundTo(value: number, toNearest: number): number {
  const inverse = 1 / toNearest;
  return Math.floor(value * inverse + 0.5) / inverse;
}

/** clamp(v, min, max); Prometheus answers nothing when max < min. */
export function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}

/** sort / sort_desc: by value, NaN always last. */
export function sortByValue(samples: Sample[], descending: boolean): Sample[] {
  return [...samples].sort((a, b) => {
    if (Number.isNaN(a.value)) return Number.isNaN(b.value) ? 0 : 1;
    if (Number.isNaN(b.value)) return -1;
    return descending ? b.value - a.value : a.value - b.value;
  });
}
