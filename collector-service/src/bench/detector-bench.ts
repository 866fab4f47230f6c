/** Throughput of the shared online anomaly detector: one question's worth of series (30 servers × 6 metrics × 1440 minutes). */
import { scoreSeries } from '../analysis';

export function runDetectorBench(rounds = 5): { pointsPerSecond: number; points: number } {
  const n = 1440;
  const timestamps = Array.from({ length: n }, (_, i) => Date.UTC(2026, 0, 1) + i * 60_000);
  const values = timestamps.map((_, i) => 40 + 20 * Math.sin((2 * Math.PI * i) / n) + 3 * Math.sin(i * 12.9898));
  const series = 30 * 6;
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    for (let s = 0; s < series; s++) scoreSeries(timestamps, values);
    best = Math.min(best, performance.now() - started);
  }
  return { points: series * n, pointsPerSecond: (series * n) / (best / 1000) };
}
