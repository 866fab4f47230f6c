/** Deterministic pseudo-random numbers: the same (seed, keys) always give the same value. */

/** A 32-bit integer hash of a seed and up to four integer keys (murmur3 finaliser). */
function hash32(seed: number, a: number, b = 0, c = 0, d = 0): number {
  let h =
    seed ^
    Math.imul(a | 0, 0x9e3779b1) ^
    Math.imul(b | 0, 0x85ebca77) ^
    Math.imul(c | 0, 0xc2b2ae3d) ^
    Math.imul(d | 0, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Uniform in [0, 1). */
export function unit(seed: number, a: number, b = 0, c = 0, d = 0): number {
  return hash32(seed, a, b, c, d) / 4294967296;
}

/** Uniform in [-1, 1). */
export function signed(seed: number, a: number, b = 0, c = 0, d = 0): number {
  return unit(seed, a, b, c, d) * 2 - 1;
}

/**
 * Smooth noise in [-1, 1): random values at knots `periodMs` apart, joined by cosine
 * interpolation, so a series wanders instead of jumping at every sample.
 */
export function smooth(seed: number, key: number, channel: number, timeMs: number, periodMs: number): number {
  const x = timeMs / periodMs;
  const k = Math.floor(x);
  const f = (1 - Math.cos((x - k) * Math.PI)) / 2;
  const a = signed(seed, key, channel, k);
  const b = signed(seed, key, channel, k + 1);
  return a + (b - a) * f;
}

/** Stable integer key of a string (server ids). */
export function keyOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
