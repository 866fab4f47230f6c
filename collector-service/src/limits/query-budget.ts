/**
 * One request's budget over all its targets and selectors: samples it may load or produce, a deadline
 * over loading and evaluation, and an AbortSignal that fires at the deadline or when the client leaves.
 */
import { LimitError } from './limit-error';
import { pauseSlice } from './loop-slice';

export interface QueryLimits {
  /** QUERY_TIMEOUT_MS: one request's whole work stops at this deadline. */
  timeoutMs: number;
  /** QUERY_MAX_SAMPLES: samples one request may load or produce. */
  maxSamples: number;
}

export interface BudgetOptions {
  /** The request's own signal: aborted when the client goes away. */
  signal?: AbortSignal;
  clock?: () => number;
}

export class QueryBudget {
  readonly deadline: number;
  /** Aborted at the deadline or when the client goes away: hand it to anything that can stop early. */
  readonly signal: AbortSignal;
  private used = 0;
  private readonly clock: () => number;
  private readonly client?: AbortSignal;
  /** Fired when the request fails a limit, so its other reads stop too. */
  private readonly failed = new AbortController();

  constructor(
    readonly limits: QueryLimits,
    options: BudgetOptions = {}
  ) {
    this.clock = options.clock ?? Date.now;
    this.deadline = this.clock() + limits.timeoutMs;
    this.client = options.signal;
    const timeout = AbortSignal.timeout(Math.max(1, limits.timeoutMs));
    this.signal = AbortSignal.any([timeout, this.failed.signal, ...(options.signal ? [options.signal] : [])]);
  }

  get samples(): number {
    return this.used;
  }

  /** Samples left before QUERY_MAX_SAMPLES. */
  get remaining(): number {
    return Math.max(0, this.limits.maxSamples - this.used);
  }

  /** Counts samples loaded or produced; over QUERY_MAX_SAMPLES the request stops with a 422. */
  charge(samples: number): void {
    this.used += samples;
    if (this.used > this.limits.maxSamples) {
      throw this.fail(
        new LimitError(
          'samples_limit',
          `query would load or produce more than QUERY_MAX_SAMPLES=${this.limits.maxSamples} samples (${formatCount(this.used)} so far); ` +
            'use a shorter range, a larger step, or fewer servers, metrics or targets'
        )
      );
    }
  }

  /** Stops the request once the client has gone or the deadline (QUERY_TIMEOUT_MS) has passed. */
  checkDeadline(): void {
    if (this.client?.aborted)
      throw new LimitError('client_closed', 'the client closed the request; its work was abandoned');
    if (this.failed.signal.aborted) throw this.failed.signal.reason as LimitError;
    if (this.clock() > this.deadline || this.signal.aborted) throw this.fail(this.timeoutError());
  }

  /** Bounds for one SQL statement: what is left of the deadline, cancelled with the request. */
  sqlBounds(): { timeoutMs: number; signal: AbortSignal } {
    this.checkDeadline();
    return { timeoutMs: this.remainingMs(), signal: this.signal };
  }

  /** A storage failure seen through the budget: a cancelled statement (SQLSTATE 57014) is this request's deadline or departure. */
  explain(err: unknown): Error {
    if (err instanceof LimitError) return err;
    if ((err as { code?: unknown } | null)?.code === '57014' || this.signal.aborted) {
      if (this.client?.aborted)
        return new LimitError('client_closed', 'the client closed the request; its work was abandoned');
      if (this.failed.signal.aborted) return this.failed.signal.reason as LimitError;
      return this.fail(this.timeoutError());
    }
    return err instanceof Error ? err : new Error(String(err));
  }

  private timeoutError(): LimitError {
    return new LimitError(
      'query_timeout',
      `query took longer than QUERY_TIMEOUT_MS=${this.limits.timeoutMs} ms (loading and evaluation); use a shorter range, a larger step, or fewer series`
    );
  }

  private fail(err: LimitError): LimitError {
    if (!this.failed.signal.aborted) this.failed.abort(err);
    return err;
  }

  /** Lets other requests (and collection) run when this one has held the event loop for a slice; then checks the deadline. */
  async pause(): Promise<void> {
    await pauseSlice();
    this.checkDeadline();
  }

  /** Milliseconds left before the deadline (at least 1), for timeouts handed to storage. */
  remainingMs(): number {
    return Math.max(1, this.deadline - this.clock());
  }
}

const formatCount = (n: number) => n.toLocaleString('en-US');
