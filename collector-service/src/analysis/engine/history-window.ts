/**
 * The recent history of every server as per-metric averages in fixed buckets over the retention
 * span. When the storage head holds the span, the buckets asked for are computed from the head at
 * each read: no second copy of the samples, nothing kept per server. Otherwise (the head still
 * loading, or too small for a big fleet) the buckets are read from the store into a ring per
 * server, then refreshed with only the buckets since the last refresh.
 */
import { METRIC_NAMES, type MetricName } from '../../domain/metrics';
import type { RangeQuery, SeriesSet } from '../../storage/metrics-store';
import type { Series } from '../series';

export interface RangeSource {
  range(q: RangeQuery): Promise<SeriesSet[]>;
}

/** The storage head as the window reads it: synchronous, null when it does not hold a range. */
export interface HeadSource {
  covers(fromMs: number): boolean;
  range(q: RangeQuery): SeriesSet[] | null;
}

/**
 * Single precision (7 significant digits, plenty for averages an analysis compares) halves what a big
 * fleet's day costs: 10,000 servers × 6 metrics × ~100 buckets.
 */
interface Ring {
  /** values[slot * METRICS + metricIndex]; NaN when absent. */
  values: Float32Array;
  /** Bucket number each slot holds (minutes since 1970 fit), -1 when empty. */
  bucketOf: Int32Array;
}

const METRICS = METRIC_NAMES.length;
const METRIC_INDEX = new Map<MetricName, number>(METRIC_NAMES.map((m, i) => [m, i]));
/** Servers per range query: keeps one statement's parameters and result reasonable on big fleets. */
const SERVERS_PER_QUERY = 500;

export class HistoryWindow {
  readonly capacity: number;
  private readonly rings = new Map<string, Ring>();
  /** Oldest and newest bucket numbers loaded; NaN before the first load. */
  private firstBucket = NaN;
  private lastBucket = NaN;
  /** Whether the last load found the span in the head (buckets come from it, rings stay empty). */
  private headMode = false;

  constructor(
    private readonly source: RangeSource,
    readonly stepMs: number,
    readonly spanMs: number,
    private readonly head?: HeadSource
  ) {
    this.capacity = Math.ceil(spanMs / stepMs) + 2;
  }

  get loaded(): boolean {
    return !Number.isNaN(this.lastBucket);
  }

  /** Forgets everything and loads [now - span, now]. */
  async reload(serverIds: readonly string[], nowMs: number): Promise<void> {
    this.rings.clear();
    this.firstBucket = Math.floor((nowMs - this.spanMs) / this.stepMs);
    this.lastBucket = this.firstBucket;
    this.headMode = this.headHolds(this.firstBucket);
    if (this.headMode) this.lastBucket = Math.floor(nowMs / this.stepMs);
    else await this.load(serverIds, this.firstBucket * this.stepMs, nowMs + 1);
  }

  /** Re-reads from `sinceMs` (the caller's overlap covers late samples) up to now. */
  async refresh(serverIds: readonly string[], sinceMs: number, nowMs: number): Promise<void> {
    if (!this.loaded) return this.reload(serverIds, nowMs);
    if (this.headMode) {
      this.lastBucket = Math.floor(nowMs / this.stepMs);
      // The head lost part of the span (a bigger fleet shrank it): back to reading the store.
      if (!this.headHolds(this.oldestBucket())) await this.reload(serverIds, nowMs);
      return;
    }
    if (this.headHolds(Math.floor((nowMs - this.spanMs) / this.stepMs))) return this.reload(serverIds, nowMs);
    const from = Math.max(sinceMs, (this.lastBucket - this.capacity + 2) * this.stepMs);
    await this.load(serverIds, Math.floor(from / this.stepMs) * this.stepMs, nowMs + 1);
  }

  /** Whether [fromMs, toMs) lies inside what the window holds. */
  covers(fromMs: number, toMs: number): boolean {
    if (!this.loaded) return false;
    const oldest = Math.max(this.firstBucket, this.lastBucket - this.capacity + 2);
    return Math.floor(fromMs / this.stepMs) >= oldest && Math.floor((toMs - 1) / this.stepMs) <= this.lastBucket + 1;
  }

  /** Buckets of [fromMs, toMs) that hold a value. */
  series(serverId: string, metric: MetricName, fromMs: number, toMs: number): Series {
    const out: Series = { t: [], v: [] };
    this.forEachBucket(serverId, metric, fromMs, toMs, (bucket, value) => {
      if (!Number.isNaN(value)) {
        out.t.push(bucket * this.stepMs);
        out.v.push(value);
      }
    });
    return out;
  }

  /** One value per bucket of [fromMs, toMs), NaN where absent: series on a common grid, for correlation. */
  aligned(serverId: string, metric: MetricName, fromMs: number, toMs: number): Float64Array {
    const first = Math.floor(fromMs / this.stepMs);
    const out = new Float64Array(Math.max(0, Math.floor((toMs - 1) / this.stepMs) - first + 1)).fill(NaN);
    this.forEachBucket(serverId, metric, fromMs, toMs, (bucket, value) => (out[bucket - first] = value));
    return out;
  }

  private forEachBucket(
    serverId: string,
    metric: MetricName,
    fromMs: number,
    toMs: number,
    visit: (bucket: number, value: number) => void
  ) {
    const m = METRIC_INDEX.get(metric)!;
    const first = Math.floor(fromMs / this.stepMs);
    const last = Math.floor((toMs - 1) / this.stepMs);
    if (this.headMode) {
      const buckets = this.headBuckets(serverId, metric, first, last);
      for (let b = first; b <= last; b++) visit(b, buckets.get(b) ?? NaN);
      return;
    }
    const ring = this.rings.get(serverId);
    for (let b = first; b <= last; b++) {
      const slot = b % this.capacity;
      visit(b, ring && ring.bucketOf[slot] === b ? ring.values[slot * METRICS + m] : NaN);
    }
  }

  /** Whether the head holds the window from `bucket` on; the oldest bucket may be partial (the head trims as time passes). */
  private headHolds(bucket: number): boolean {
    return this.head?.covers((bucket + 1) * this.stepMs) ?? false;
  }

  private oldestBucket(): number {
    return Math.max(this.firstBucket, this.lastBucket - this.capacity + 2);
  }

  /** One server's averages of buckets [first, last] from the head, by bucket, within the window; absent where empty. */
  private headBuckets(serverId: string, metric: MetricName, first: number, last: number): Map<number, number> {
    const out = new Map<number, number>();
    // The oldest bucket may be partial in the head (see headHolds): it is left out.
    const from = Math.max(first, this.oldestBucket() + 1);
    const to = Math.min(last, this.lastBucket);
    if (from > to) return out;
    const [set] =
      this.head!.range({
        serverIds: [serverId],
        metrics: [metric],
        fromMs: from * this.stepMs,
        toMs: (to + 1) * this.stepMs,
        stepMs: this.stepMs,
        aggregation: 'avg',
      }) ?? [];
    set?.timestamps.forEach((t, k) => {
      const value = set.values[metric]?.[k];
      if (value !== null && value !== undefined) out.set(Math.floor(t / this.stepMs), value);
    });
    return out;
  }

  private ring(serverId: string): Ring {
    let ring = this.rings.get(serverId);
    if (!ring) {
      ring = {
        values: new Float32Array(this.capacity * METRICS).fill(NaN),
        bucketOf: new Int32Array(this.capacity).fill(-1),
      };
      this.rings.set(serverId, ring);
    }
    return ring;
  }

  private async load(serverIds: readonly string[], fromMs: number, toMs: number): Promise<void> {
    for (let i = 0; i < serverIds.length; i += SERVERS_PER_QUERY) {
      const sets = await this.source.range({
        serverIds: serverIds.slice(i, i + SERVERS_PER_QUERY),
        metrics: [...METRIC_NAMES],
        fromMs,
        toMs,
        stepMs: this.stepMs,
        aggregation: 'avg',
      });
      for (const set of sets) this.store(set);
    }
    this.lastBucket = Math.max(this.lastBucket, Math.floor((toMs - 1) / this.stepMs));
  }

  private store(set: SeriesSet): void {
    const ring = this.ring(set.serverId);
    set.timestamps.forEach((t, k) => {
      const bucket = Math.floor(t / this.stepMs);
      const slot = bucket % this.capacity;
      if (ring.bucketOf[slot] !== bucket) {
        ring.values.fill(NaN, slot * METRICS, (slot + 1) * METRICS);
        ring.bucketOf[slot] = bucket;
      }
      METRIC_NAMES.forEach((metric, m) => {
        const value = set.values[metric]?.[k];
        ring.values[slot * METRICS + m] = value === null || value === undefined ? NaN : value;
      });
    });
  }
}
