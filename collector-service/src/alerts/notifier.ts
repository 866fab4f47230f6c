/**
 * Sends alerts to every configured Alertmanager through its v2 API, as Prometheus's notifier does:
 * the same batch to each (an Alertmanager cluster deduplicates), in batches of at most 64,
 * one request per Alertmanager at a time, failures logged and left to the next resend.
 */
import type { Logger } from 'pino';

export interface PostableAlert {
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
}

const MAX_BATCH = 64;
const SEND_TIMEOUT_MS = 10_000;
/** Alerts waiting per Alertmanager beyond this are dropped oldest first (Prometheus's queue capacity). */
const MAX_QUEUE = 10_000;

interface Target {
  url: string;
  headers: Record<string, string>;
  queue: PostableAlert[];
  sending: Promise<void> | null;
}

export interface NotifierStats {
  sent: number;
  failed: number;
  dropped: number;
}

/** fetch refuses URLs with credentials: `http://user:pass@host` becomes a Basic authorization header. */
function target(base: string): Target {
  const url = new URL(base);
  const headers: Record<string, string> = {};
  if (url.username || url.password) {
    headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/v2/alerts`;
  return { url: url.toString(), headers, queue: [], sending: null };
}

export class Notifier {
  private readonly targets: Target[];
  readonly stats: NotifierStats = { sent: 0, failed: 0, dropped: 0 };

  constructor(
    alertmanagerUrls: string[],
    private readonly log: Logger
  ) {
    this.targets = alertmanagerUrls.map(target);
  }

  get enabled(): boolean {
    return this.targets.length > 0;
  }

  get targetCount(): number {
    return this.targets.length;
  }

  send(alerts: PostableAlert[]): void {
    if (alerts.length === 0) return;
    for (const t of this.targets) {
      t.queue.push(...alerts);
      const excess = t.queue.length - MAX_QUEUE;
      if (excess > 0) {
        t.queue.splice(0, excess);
        this.stats.dropped += excess;
      }
      t.sending ??= this.drain(t).finally(() => (t.sending = null));
    }
  }

  private async drain(t: Target): Promise<void> {
    while (t.queue.length > 0) {
      const batch = t.queue.splice(0, MAX_BATCH);
      try {
        const res = await fetch(t.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...t.headers },
          body: JSON.stringify(batch),
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        });
        if (!res.ok) throw new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
        this.stats.sent += batch.length;
      } catch (err) {
        this.stats.failed += batch.length;
        this.log.warn(
          { alertmanager: new URL(t.url).host, alerts: batch.length, err: (err as Error).message },
          'sending alerts to Alertmanager failed'
        );
      }
    }
  }

  /** Resolves when every queued alert has been sent or has failed. */
  async flush(): Promise<void> {
    for (let pending = this.sending(); pending.length > 0; pending = this.sending()) await Promise.all(pending);
  }

  private sending(): Promise<void>[] {
    return this.targets.flatMap((t) => (t.sending ? [t.sending] : []));
  }
}
