/**
 * One server's recent samples, columnar: timestamps and each column in one Float64Array, sorted by
 * time, over a sliding region [start, end) that grows up to a cap and then drops its oldest samples.
 * Appends are O(1) amortised; a late sample is inserted in place. Two typed arrays per server, not
 * one per column: at 10,000 servers each view object costs about 1 MB.
 */
import type { MetricName, ServerMetrics, ServerStatus } from '../../domain/metrics';

/** The numeric sample columns the head keeps, in `server_metrics` column names. */
export const HEAD_COLUMNS = [
  'cpu_usage',
  'memory_usage',
  'disk_usage',
  'network_in_bytes',
  'network_out_bytes',
  'load_1m',
  'uptime_seconds',
] as const;
export type HeadColumn = (typeof HEAD_COLUMNS)[number];
/** The `server_metrics` column of each API metric: the head's, raw reads' and the rollups' one mapping. */
export const METRIC_COLUMNS: Record<MetricName, HeadColumn> = {
  cpu: 'cpu_usage',
  memory: 'memory_usage',
  disk: 'disk_usage',
  network_in: 'network_in_bytes',
  network_out: 'network_out_bytes',
  load: 'load_1m',
};
export const COLUMN_INDEX: Record<HeadColumn, number> = Object.fromEntries(
  HEAD_COLUMNS.map((c, i) => [c, i])
) as Record<HeadColumn, number>;

export const STATUS_CODES: readonly ServerStatus[] = ['online', 'warning', 'critical', 'offline'];
const STATUS_INDEX = new Map(STATUS_CODES.map((s, i) => [s, i]));

/** Bytes one sample occupies: its time, the numeric columns and a status byte. */
export const BYTES_PER_SAMPLE = 8 + 8 * HEAD_COLUMNS.length + 1;

/**
 * The capacity a buffer kept to `maxSamples` grows to: the slack lets it take appends between compactions,
 * so each compaction's copy is spread over many appends.
 */
export const capacityFor = (maxSamples: number): number => maxSamples + 8 + (maxSamples >> 3);

/** A sample's readings in HEAD_COLUMNS order. */
export const readings = (s: ServerMetrics): Array<number | null> => [
  s.cpuUsage,
  s.memoryUsage,
  s.diskUsage,
  s.networkInBytes,
  s.networkOutBytes,
  s.load1m,
  s.uptimeSeconds,
];

/** Regions of `doubles`: the times, then each HEAD_COLUMNS column. */
const REGIONS = 1 + HEAD_COLUMNS.length;

/** One allocation per buffer: the doubles, the status bytes after them. */
function allocate(capacity: number): [Float64Array, Uint8Array] {
  const memory = new ArrayBuffer(capacity * REGIONS * 8 + capacity);
  return [new Float64Array(memory, 0, capacity * REGIONS), new Uint8Array(memory, capacity * REGIONS * 8, capacity)];
}

export class SeriesBuffer {
  /**
   * Times at [0, capacity), then each HEAD_COLUMNS column's `capacity` values (see columnStart), NaN
   * where the sample has no reading.
   */
  doubles: Float64Array;
  status: Uint8Array;
  capacity: number;
  start = 0;
  end = 0;

  constructor(initialCapacity: number) {
    this.capacity = initialCapacity;
    [this.doubles, this.status] = allocate(initialCapacity);
  }

  get length(): number {
    return this.end - this.start;
  }

  /** Where column c (a HEAD_COLUMNS index) starts in `doubles`: its value of sample i is at columnStart(c) + i. */
  columnStart(c: number): number {
    return (c + 1) * this.capacity;
  }

  /** Time of the oldest sample held, NaN when empty. */
  get oldest(): number {
    return this.end > this.start ? this.doubles[this.start] : NaN;
  }

  get newest(): number {
    return this.end > this.start ? this.doubles[this.end - 1] : NaN;
  }

  /** Index of the first sample at or after `t`. */
  lowerBound(t: number): number {
    let lo = this.start;
    let hi = this.end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.doubles[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the first sample after `t`. */
  upperBound(t: number): number {
    let lo = this.start;
    let hi = this.end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.doubles[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Inserts a sample in time order (see insertRow). */
  insert(sample: ServerMetrics, maxSamples: number): number | false {
    return this.insertRow(sample.timestamp.getTime(), readings(sample), sample.status, maxSamples);
  }

  /**
   * Inserts one row in time order; a row at a time already held is ignored, as the database
   * ignores it. Keeps at most `maxSamples`, dropping the oldest: returns the time of the newest
   * dropped row (NaN when none was), or false when the row was a duplicate.
   */
  insertRow(t: number, values: ArrayLike<number | null>, status: ServerStatus, maxSamples: number): number | false {
    let at = this.end;
    if (this.end > this.start && t <= this.doubles[this.end - 1]) {
      at = this.lowerBound(t);
      if (at < this.end && this.doubles[at] === t) return false;
    }
    let dropped = NaN;
    if (this.length >= maxSamples) {
      // Full: the oldest go; a newcomer older than all that is kept goes with them.
      const keepFrom = this.start + this.length - maxSamples + 1;
      if (at < keepFrom) {
        const lastDropped = keepFrom - 1 > this.start ? this.doubles[keepFrom - 2] : -Infinity;
        this.start = keepFrom - 1;
        return Math.max(t, lastDropped);
      }
      dropped = this.doubles[keepFrom - 1];
      this.start = keepFrom;
    }
    if (this.end === this.capacity) at -= this.makeRoom(maxSamples);
    if (at < this.end) this.shift(at);
    this.doubles[at] = t;
    for (let c = 0; c < HEAD_COLUMNS.length; c++) {
      const v = values[c];
      this.doubles[this.columnStart(c) + at] = v === null || v === undefined || !Number.isFinite(v) ? NaN : v;
    }
    this.status[at] = STATUS_INDEX.get(status) ?? STATUS_CODES.length;
    this.end++;
    return dropped;
  }

  /** Drops samples older than `t`; returns how many went. */
  dropBefore(t: number): number {
    const keepFrom = this.lowerBound(t);
    const dropped = keepFrom - this.start;
    this.start = keepFrom;
    if (this.start === this.end) this.start = this.end = 0;
    return dropped;
  }

  /** Bytes the arrays occupy. */
  get bytes(): number {
    return this.capacity * BYTES_PER_SAMPLE;
  }

  /** The sample at index i, as the rest of the service speaks it (raw data is not kept). */
  sampleAt(serverId: string, i: number): ServerMetrics {
    const value = (c: number) => {
      const v = this.doubles[this.columnStart(c) + i];
      return Number.isNaN(v) ? null : v;
    };
    return {
      serverId,
      timestamp: new Date(this.doubles[i]),
      cpuUsage: value(0),
      memoryUsage: value(1),
      diskUsage: value(2),
      networkInBytes: value(3),
      networkOutBytes: value(4),
      load1m: value(5),
      uptimeSeconds: value(6),
      status: STATUS_CODES[this.status[i]] ?? 'offline',
      rawData: {},
    };
  }

  /** Moves samples [at, end) one place right. */
  private shift(at: number): void {
    for (let r = 0; r < REGIONS; r++) {
      const base = r * this.capacity;
      this.doubles.copyWithin(base + at + 1, base + at, base + this.end);
    }
    this.status.copyWithin(at + 1, at, this.end);
  }

  /** Compacts to the front, or grows by half (up to the cap plus some slack); returns how far indexes moved left. */
  private makeRoom(maxSamples: number): number {
    const moved = this.start;
    const length = this.length;
    const limit = capacityFor(maxSamples);
    if (this.start > 0 && (this.capacity >= limit || this.start >= this.capacity / 4)) {
      for (let r = 0; r < REGIONS; r++) {
        const base = r * this.capacity;
        this.doubles.copyWithin(base, base + this.start, base + this.end);
      }
      this.status.copyWithin(0, this.start, this.end);
    } else {
      const capacity = Math.max(length + 1, Math.min(limit, Math.ceil(this.capacity * 1.5)));
      const [doubles, status] = allocate(capacity);
      for (let r = 0; r < REGIONS; r++) {
        const base = r * this.capacity;
        doubles.set(this.doubles.subarray(base + this.start, base + this.end), r * capacity);
      }
      status.set(this.status.subarray(this.start, this.end));
      this.doubles = doubles;
      this.status = status;
      this.capacity = capacity;
    }
    this.start = 0;
    this.end = length;
    return moved;
  }
}
