/**
 * The Redis cache behind a circuit breaker (cockatiel): after a few consecutive failures or slow
 * answers the circuit opens and every cache call fails at once — readers go straight to the
 * database with no per-request wait — until a trial call after `halfOpenAfterMs` succeeds.
 * `onRecover` runs when the circuit closes again, to refill the cache.
 */
import {
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  handleAll,
  timeout,
  TimeoutStrategy,
  wrap,
  type IPolicy,
} from 'cockatiel';
import type { Logger } from 'pino';
import type { ServerMetrics } from '../domain/metrics';
import type { LatestCache } from './latest-cache';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  failures?: number;
  halfOpenAfterMs?: number;
  /** A cache call slower than this counts as a failure. */
  callTimeoutMs?: number;
  onRecover?: () => Promise<void>;
}

const STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

export class BreakerCache implements LatestCache {
  readonly kind: LatestCache['kind'];
  private readonly breaker;
  private readonly policy: IPolicy;

  constructor(
    private readonly inner: LatestCache,
    log: Logger,
    { failures = 3, halfOpenAfterMs = 5_000, callTimeoutMs = 500, onRecover }: BreakerOptions = {}
  ) {
    this.kind = inner.kind;
    this.breaker = circuitBreaker(handleAll, {
      halfOpenAfter: halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(failures),
    });
    this.policy = wrap(this.breaker, timeout(callTimeoutMs, TimeoutStrategy.Aggressive));
    this.breaker.onBreak(() => log.warn({ halfOpenAfterMs }, 'cache circuit open: reads go to the database'));
    this.breaker.onReset(() => {
      log.info('cache circuit closed: cache back, refilling it');
      onRecover?.().catch((err: Error) => log.warn({ err: err.message }, 'cache refill after recovery failed'));
    });
  }

  state(): BreakerState {
    return STATES[this.breaker.state];
  }

  /** Any other call to the same Redis (the labelled series' newest values) behind the same circuit. */
  execute<T>(call: () => Promise<T>): Promise<T> {
    return this.policy.execute(call);
  }

  get(serverId: string): Promise<ServerMetrics | null> {
    return this.policy.execute(() => this.inner.get(serverId));
  }

  peek(serverId: string): ServerMetrics | null {
    return this.inner.peek(serverId);
  }

  getMany(serverIds: string[]): Promise<Map<string, ServerMetrics>> {
    return this.policy.execute(() => this.inner.getMany(serverIds));
  }

  setMany(samples: ServerMetrics[]): Promise<void> {
    return this.policy.execute(() => this.inner.setMany(samples));
  }

  ping(): Promise<number> {
    return this.policy.execute(() => this.inner.ping());
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
