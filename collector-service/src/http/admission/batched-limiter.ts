/**
 * A shared (Redis) rate limiter asked once per batch instead of once per request while a key is far
 * below its limit. A key whose last known count, plus what this replica admitted since, stays under
 * half the limit is admitted here and its requests are sent on within FLUSH_MS (or once a batch of 1 %
 * of the limit waits); nearer the limit, and for a key not seen in the current window, every request
 * asks Redis, so the refusal point is exact across replicas. Replicas can admit at most one batch each
 * beyond the limit before they hear of each other's counts.
 */
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

const FLUSH_MS = 100;
/** Keys remembered at once; past it a new key is always asked of the shared limiter. */
const MAX_KEYS = 100_000;
/** Answers whose window ends within this of each other speak of the same window. */
const WINDOW_SLACK_MS = 1_000;

interface KeyView {
  /** Points the shared limiter counted in its current window, as of its last answer. */
  known: number;
  /** When that window ends (epoch ms). */
  resetAt: number;
  /** Admitted here and not yet sent to the shared limiter. */
  pending: number;
}

export class BatchedLimiter {
  private readonly keys = new Map<string, KeyView>();
  private readonly batch: number;
  private readonly localCeiling: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly shared: RateLimiterAbstract,
    points: number,
    private readonly clock: () => number = Date.now
  ) {
    this.batch = Math.floor(points / 100);
    this.localCeiling = Math.floor(points / 2);
  }

  /** True when admitted (and counted) here at once; false when only the shared limiter can tell, and nothing was counted. */
  admitLocally(key: string): boolean {
    const view = this.keys.get(key);
    const current = view !== undefined && this.clock() < view.resetAt;
    if (!current || view.pending >= this.batch || view.known + view.pending + 1 > this.localCeiling) return false;
    view.pending++;
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS).unref();
    return true;
  }

  /** Nothing when admitted here at once; else a promise that rejects with RateLimiterRes over the limit. */
  admit(key: string): Promise<void> | undefined {
    if (this.admitLocally(key)) return undefined;
    const view = this.keys.get(key);
    // This request and any waiting here go to the shared limiter together; only this one can be refused.
    const points = (view?.pending ?? 0) + 1;
    if (view) view.pending = 0;
    return this.shared.consume(key, points).then(
      (res) => this.learn(key, res),
      (err: unknown) => {
        if (err instanceof RateLimiterRes) this.learn(key, err);
        throw err;
      }
    );
  }

  /** Sends every key's waiting count to the shared limiter. */
  async flush(): Promise<void> {
    this.timer = undefined;
    const sends: Array<Promise<void>> = [];
    const now = this.clock();
    for (const [key, view] of this.keys) {
      if (view.pending === 0) {
        if (now >= view.resetAt) this.keys.delete(key);
        continue;
      }
      const points = view.pending;
      view.pending = 0;
      // Already admitted: a refusal only tells this replica where the count stands.
      sends.push(
        this.shared.consume(key, points).then(
          (res) => this.learn(key, res),
          (err: unknown) => (err instanceof RateLimiterRes ? this.learn(key, err) : undefined)
        )
      );
    }
    await Promise.all(sends);
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    await this.flush();
  }

  private learn(key: string, res: RateLimiterRes): void {
    const resetAt = this.clock() + res.msBeforeNext;
    const view = this.keys.get(key);
    if (!view) {
      if (this.keys.size < MAX_KEYS) this.keys.set(key, { known: res.consumedPoints, resetAt, pending: 0 });
      return;
    }
    if (resetAt > view.resetAt + WINDOW_SLACK_MS) {
      // The shared limiter started a new window.
      view.known = res.consumedPoints;
      view.resetAt = resetAt;
    } else if (resetAt >= view.resetAt - WINDOW_SLACK_MS) {
      // Answers within one window can arrive out of order; its count only grows.
      view.known = Math.max(view.known, res.consumedPoints);
      view.resetAt = Math.max(view.resetAt, resetAt);
    } // else a late answer about a window already over
  }
}
