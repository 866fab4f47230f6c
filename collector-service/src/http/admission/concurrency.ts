/**
 * A limit on heavy reads served at once. Past it, a request waits in a short queue for a bounded time;
 * when the queue is full or the wait runs out it is shed with 503 and Retry-After, never queued for ever.
 */
import type { MiddlewareHandler } from 'hono';
import { refuse } from './refuse';

export interface ConcurrencyOptions {
  /** Requests served at once. */
  limit: number;
  /** Requests that may wait for a turn. */
  queue: number;
  /** Longest wait for a turn. */
  maxWaitMs: number;
}

export class ConcurrencyGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly options: ConcurrencyOptions) {}

  get inFlight(): number {
    return this.active;
  }

  /** Resolves with a release function, or null when the request is shed. */
  async enter(signal?: AbortSignal): Promise<(() => void) | null> {
    if (this.active < this.options.limit) return this.granted();
    if (this.waiting.length >= this.options.queue) return null;
    return new Promise((resolve) => {
      const turn = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', giveUp);
        resolve(this.granted());
      };
      const giveUp = () => {
        clearTimeout(timer);
        const i = this.waiting.indexOf(turn);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(null);
      };
      const timer = setTimeout(giveUp, this.options.maxWaitMs);
      signal?.addEventListener('abort', giveUp, { once: true });
      this.waiting.push(turn);
    });
  }

  private granted(): () => void {
    this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiting.shift()?.();
    };
  }
}

export function concurrencyLimit(gate: ConcurrencyGate, retryAfterSeconds: number): MiddlewareHandler {
  return async (c, next) => {
    const release = await gate.enter(c.req.raw.signal);
    if (!release) {
      return refuse(
        c,
        503,
        'overloaded',
        'the service is answering as many heavy reads as it can; retry after the time in Retry-After',
        retryAfterSeconds
      );
    }
    try {
      await next();
    } finally {
      release();
    }
  };
}
