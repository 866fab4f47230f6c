/** 5-minute rollup rows computed in memory from samples (the backfill's path into the rollups, no raw rows in between). */
import { METRIC_NAMES, metricValue, type ServerMetrics } from '../../domain/metrics';
import { BUCKET_MS } from './resolution';

/** One row of metric_rollups_5m as the insert takes it: `${metric}_${avg|min|max|last|count}` per metric. */
export type RollupRow = { server_id: string; bucket: string; samples: number } & Record<string, number | string | null>;

interface Accumulator {
  serverId: string;
  bucketMs: number;
  samples: number;
  sum: Float64Array;
  min: Float64Array;
  max: Float64Array;
  last: Float64Array;
  lastAt: Float64Array;
  count: Int32Array;
}

const METRICS = METRIC_NAMES.length;

/** Accumulates samples into 5-minute buckets per server; `drain` hands out the buckets that are complete. */
export class FiveMinuteBuckets {
  private readonly open = new Map<string, Accumulator>();

  add(sample: ServerMetrics): void {
    const t = sample.timestamp.getTime();
    const bucketMs = Math.floor(t / BUCKET_MS['5m']) * BUCKET_MS['5m'];
    const key = `${sample.serverId}\u0000${bucketMs}`;
    let acc = this.open.get(key);
    if (!acc) {
      acc = {
        serverId: sample.serverId,
        bucketMs,
        samples: 0,
        sum: new Float64Array(METRICS),
        min: new Float64Array(METRICS).fill(Infinity),
        max: new Float64Array(METRICS).fill(-Infinity),
        last: new Float64Array(METRICS),
        lastAt: new Float64Array(METRICS).fill(-Infinity),
        count: new Int32Array(METRICS),
      };
      this.open.set(key, acc);
    }
    acc.samples++;
    for (let i = 0; i < METRICS; i++) {
      const v = metricValue(sample, METRIC_NAMES[i]);
      if (v === null) continue;
      acc.sum[i] += v;
      acc.count[i]++;
      if (v < acc.min[i]) acc.min[i] = v;
      if (v > acc.max[i]) acc.max[i] = v;
      if (t >= acc.lastAt[i]) {
        acc.last[i] = v;
        acc.lastAt[i] = t;
      }
    }
  }

  /** Rows of the buckets that end at or before `endMs` (all of them without it), removed from memory. */
  drain(endMs = Infinity): RollupRow[] {
    const rows: RollupRow[] = [];
    for (const [key, acc] of this.open) {
      if (acc.bucketMs + BUCKET_MS['5m'] > endMs) continue;
      this.open.delete(key);
      const row: RollupRow = {
        server_id: acc.serverId,
        bucket: new Date(acc.bucketMs).toISOString(),
        samples: acc.samples,
      };
      for (let i = 0; i < METRICS; i++) {
        const m = METRIC_NAMES[i];
        const n = acc.count[i];
        row[`${m}_avg`] = n > 0 ? acc.sum[i] / n : null;
        row[`${m}_min`] = n > 0 ? acc.min[i] : null;
        row[`${m}_max`] = n > 0 ? acc.max[i] : null;
        row[`${m}_last`] = n > 0 ? acc.last[i] : null;
        row[`${m}_count`] = n;
      }
      rows.push(row);
    }
    return rows;
  }
}
