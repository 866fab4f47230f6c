/** What the analysis reads of the service's alerts (the alerting implements it): current alerts and their history. */

export interface FeedAlert {
  name: string;
  server: string | null;
  severity: string | null;
  metric: string | null;
  state: 'pending' | 'firing';
  activeAtMs: number;
  summary: string;
}

export interface FeedEvent {
  name: string;
  server: string | null;
  severity: string | null;
  firedAtMs: number;
  resolvedAtMs: number | null;
}

export interface AlertFeed {
  currentAlerts(): FeedAlert[];
  /** Alerts that fired in [fromMs, toMs), newest first. */
  alertHistory(fromMs: number, toMs: number): Promise<FeedEvent[]>;
}
