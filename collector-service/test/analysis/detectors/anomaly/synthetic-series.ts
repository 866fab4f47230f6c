/** Seeded synthetic metric series for the anomaly detector tests: reproducible noise, 5-minute sampling. */

export const FIVE_MINUTES_MS = 300_000;
export const POINTS_PER_DAY = 288;
/** A Monday, 00:00 UTC. */
export const START_MS = Date.UTC(2025, 0, 6);

export interface SyntheticSeries {
  timestamps: number[];
  values: number[];
}

/** Standard normal draws from a seeded linear congruential generator (Box-Muller). */
export function seededNormal(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return (state + 1) / 4294967297;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** `length` points, one every `stepMs`, value i given by valueAt(i, noise). */
export function syntheticSeries(
  length: number,
  valueAt: (i: number, noise: () => number) => number,
  seed = 1,
  stepMs = FIVE_MINUTES_MS
): SyntheticSeries {
  const noise = seededNormal(seed);
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < length; i++) {
    timestamps.push(START_MS + i * stepMs);
    values.push(valueAt(i, noise));
  }
  return { timestamps, values };
}
