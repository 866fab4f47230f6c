/**
 * Persists each run's batch: one database write, then the newest samples into the cache.
 * A batch the database cannot take goes to the on-disk spool (fsync'd) and is replayed, oldest
 * first, when the database is back; inserts are idempotent, so a replay cut short by a crash and
 * redone duplicates nothing. Rows the database refuses for a data reason are isolated and
 * rejected alone. Only when the spool itself fails (or there is none) are batches held in memory,
 * up to a bound; what is still there at close is reported as not persisted.
 */
import type { Logger } from 'pino';
import type { ServerMetrics } from '../domain/metrics';
import { rejectedRows, writeLatency } from '../metrics/registry';
import type { LatestCache } from '../storage/latest-cache';
import type { MetricsStore, WriteBatch } from '../storage/metrics-store';
import { writeIsolatingBadRows } from './row-isolation';
import { decodeBatch, encodeBatch } from './spool/batch-codec';
import type { SegmentSpool, SpoolStats } from './spool/segment-spool';

export interface WriterStats {
  /** Samples held in memory: neither the database nor the spool took them (yet). */
  pendingSamples: number;
  /** Samples dropped from memory past the bound. */
  droppedSamples: number;
  /** Rows the database refused for a data reason since start. */
  rejectedRows: number;
  lastWriteError: string | null;
  lastWriteAt: string | null;
  spool: SpoolStats | null;
}

/** Where a written batch is: in the database, on disk in the spool, or (spool unusable) in memory only. */
export type WriteOutcome = 'database' | 'spool' | 'memory';

export interface WriterOptions {
  store: MetricsStore;
  cache: LatestCache;
  /** Absent when DATA_DIR is in memory: batches then wait in memory only. */
  spool?: SegmentSpool | null;
  log: Logger;
  maxHeldSamples?: number;
  retryMinMs?: number;
  retryMaxMs?: number;
}

const DEFAULT_MAX_HELD_SAMPLES = 200_000;
const LOGGED_ID_CHARS = 120;

export class SampleWriter {
  private readonly store: MetricsStore;
  private readonly cache: LatestCache;
  private readonly spool: SegmentSpool | null;
  private readonly log: Logger;
  private readonly maxHeldSamples: number;
  private readonly retryMinMs: number;
  private readonly retryMaxMs: number;
  private held: WriteBatch[] = [];
  private stats = {
    droppedSamples: 0,
    rejectedRows: 0,
    lastWriteError: null as string | null,
    lastWriteAt: null as string | null,
  };
  /** Orders writes: a batch is stored or kept before the next one is looked at. */
  private readonly serialWrite = sequencer();
  /** One spool operation at a time; replay's database writes happen outside it, so new batches never wait on them. */
  private readonly serialSpool = sequencer();
  /** One replay step at a time: a record is consumed only by the step that stored it. */
  private readonly serialReplay = sequencer();
  private replaying: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private closed = false;

  constructor(options: WriterOptions) {
    this.store = options.store;
    this.cache = options.cache;
    this.spool = options.spool ?? null;
    this.log = options.log;
    this.maxHeldSamples = options.maxHeldSamples ?? DEFAULT_MAX_HELD_SAMPLES;
    this.retryMinMs = options.retryMinMs ?? 1_000;
    this.retryMaxMs = options.retryMaxMs ?? 10_000;
    if (this.backlog() > 0) {
      this.log.info(
        { records: this.spool?.stats().records },
        'spooled batches found: replaying them when the database answers'
      );
      this.scheduleReplay();
    }
  }

  /** Writes the batch (after any earlier ones still waiting). Resolves with where it is now. */
  async write(batch: WriteBatch, { cacheLatest = true } = {}): Promise<WriteOutcome> {
    const stored = this.serialWrite(async (): Promise<WriteOutcome> => {
      if (this.backlog() === 0 && (await this.tryStore(batch))) return 'database';
      return this.keep(batch);
    });
    // The cache does not wait for the database: both writes go out together.
    const [outcome] = await Promise.all([stored, cacheLatest ? this.cacheNewest(batch) : undefined]);
    if (outcome !== 'database') {
      this.scheduleReplay();
      this.wake?.(); // each collection run is also a retry, whatever the backoff
    }
    return outcome;
  }

  /** Replays the backlog now, until it is empty or the database fails. Resolves true when nothing is left. */
  async replayNow(): Promise<boolean> {
    while (this.backlog() > 0) {
      if (!(await this.replayStep())) return false;
    }
    return true;
  }

  /**
   * Stops replaying and makes sure every held batch is on disk or in the database.
   * Resolves with the samples that could be persisted nowhere (0 when all is safe).
   */
  async close(): Promise<number> {
    this.closed = true;
    this.wake?.();
    await this.replaying;
    return this.serialWrite(async () => {
      while (this.held.length > 0 && (await this.persistHeld())) this.held.shift();
      return this.heldSamples();
    });
  }

  getStats(): WriterStats {
    return { pendingSamples: this.heldSamples(), ...this.stats, spool: this.spool?.stats() ?? null };
  }

  /** Batches not yet in the database: spooled or held. */
  private backlog(): number {
    return (this.spool?.stats().records ?? 0) + this.held.length;
  }

  private heldSamples(): number {
    return this.held.reduce((n, b) => n + batchSamples(b), 0);
  }

  /** Database write with bad rows isolated; false when the database is unavailable. */
  private async tryStore(batch: WriteBatch): Promise<boolean> {
    try {
      const rejected = await writeIsolatingBadRows(batch, async (b) => {
        const end = writeLatency.startTimer();
        try {
          await this.store.write(b);
          end({ outcome: 'ok' });
        } catch (err) {
          end({ outcome: 'error' });
          throw err;
        }
      });
      for (const row of rejected) {
        this.log.error(
          { serverId: row.serverId.slice(0, LOGGED_ID_CHARS), row: row.kind, code: row.code, reason: row.reason },
          'row refused by the database: rejected, the rest of the batch stored'
        );
      }
      if (rejected.length > 0) {
        this.stats.rejectedRows += rejected.length;
        rejectedRows.inc({ stage: 'database' }, rejected.length);
      }
      this.stats.lastWriteError = null;
      this.stats.lastWriteAt = new Date().toISOString();
      return true;
    } catch (err) {
      const message = (err as Error).message || String(err);
      if (this.stats.lastWriteError === null)
        this.log.error({ err: message }, 'database write failed; batches go to the spool until it is back');
      this.stats.lastWriteError = message;
      return false;
    }
  }

  /** Keeps a batch the database did not take: on disk when possible, else in memory. */
  private async keep(batch: WriteBatch): Promise<WriteOutcome> {
    if (this.held.length === 0 && (await this.appendToSpool(batch))) return 'spool';
    this.held.push(batch);
    this.trimHeld();
    return 'memory';
  }

  private async appendToSpool(batch: WriteBatch): Promise<boolean> {
    const spool = this.spool;
    if (!spool) return false;
    try {
      await this.serialSpool(() => spool.append(encodeBatch(batch)));
      return true;
    } catch (err) {
      this.log.error({ err: (err as Error).message }, 'spool write failed: batch held in memory');
      return false;
    }
  }

  private async persistHeld(batch = this.held[0]): Promise<boolean> {
    return (await this.appendToSpool(batch)) || (await this.tryStore(batch));
  }

  /** One replay step; false when it could not move anything (database away, spool unreadable). */
  private async replayStep(): Promise<boolean> {
    try {
      return await this.serialReplay(() => this.replayOne());
    } catch (err) {
      this.log.error({ err: (err as Error).message }, 'spool unreadable: replay paused, batches stay where they are');
      return false;
    }
  }

  /** Moves the oldest waiting batch on (spool → database, memory → spool or database). False when it could not. */
  private async replayOne(): Promise<boolean> {
    const spool = this.spool;
    if (spool && !spool.isEmpty()) {
      const record = await this.serialSpool(() => spool.oldest());
      if (!record) return true;
      let batch: WriteBatch;
      try {
        batch = decodeBatch(record.payload);
      } catch (err) {
        this.log.error({ err: (err as Error).message }, 'spooled record unreadable: dropped');
        await this.serialSpool(() => spool.consumeOldest());
        return true;
      }
      if (!(await this.tryStore(batch))) return false;
      // only this loop consumes, so the oldest record is still the one just stored
      await this.serialSpool(() => spool.consumeOldest());
      return true;
    }
    const batch = this.held[0];
    if (!batch) return true;
    if (!(await this.persistHeld())) return false;
    const at = this.held.indexOf(batch);
    if (at >= 0) this.held.splice(at, 1);
    return true;
  }

  private scheduleReplay(): void {
    if (this.replaying || this.closed) return;
    this.replaying = this.replayLoop().finally(() => (this.replaying = null));
  }

  private async replayLoop(): Promise<void> {
    let delay = this.retryMinMs;
    let replayed = 0;
    while (!this.closed && this.backlog() > 0) {
      if (await this.replayStep()) {
        if (replayed++ === 0)
          this.log.info(
            { records: this.spool?.stats().records ?? 0, held: this.held.length },
            'replaying spooled batches'
          );
        delay = this.retryMinMs;
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
      delay = Math.min(delay * 2, this.retryMaxMs);
    }
    if (replayed > 0 && this.backlog() === 0)
      this.log.info({ batches: replayed }, 'spool replayed: the database has every batch');
  }

  private async cacheNewest(batch: WriteBatch): Promise<void> {
    const failed = (err: Error) =>
      this.log.debug({ err: err.message }, 'cache write failed; readers will use the database');
    await Promise.all([
      this.cache.setMany(newestPerServer(batch.samples)).catch(failed),
      this.store.series.cacheLatest(batch.series ?? []).catch(failed),
    ]);
  }

  private trimHeld(): void {
    while (this.heldSamples() > this.maxHeldSamples && this.held.length > 1) {
      const dropped = this.held.shift()!;
      this.stats.droppedSamples += batchSamples(dropped);
      this.log.error({ dropped: batchSamples(dropped) }, 'in-memory write buffer full: oldest batch dropped');
    }
  }
}

/** Runs the functions given to it one after the other, in call order. */
function sequencer(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

/** Metric and labelled series samples of a batch. */
const batchSamples = (b: WriteBatch) => b.samples.length + (b.series?.length ?? 0);

function newestPerServer(samples: ServerMetrics[]): ServerMetrics[] {
  const newest = new Map<string, ServerMetrics>();
  for (const s of samples) {
    const seen = newest.get(s.serverId);
    if (!seen || s.timestamp > seen.timestamp) newest.set(s.serverId, s);
  }
  return [...newest.values()];
}
