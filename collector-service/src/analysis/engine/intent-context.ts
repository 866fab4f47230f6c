/** What every intent handler is given and what it gives back. */
import type { ServerRecord } from '../../domain/server-state';
import type { Thresholds } from '../../domain/thresholds';
import type { SeriesReader } from '../../storage/series/series-reader';
import type { Catalog } from '../answer/catalog';
import type { Finding } from '../findings';
import type { Understanding } from '../nlu';
import type { AlertFeed } from './alert-feed';
import type { AnalysisData, Snapshot } from './analysis-data';
import type { TimeScope } from './time-scope';

export interface IntentContext {
  understanding: Understanding;
  say: Catalog;
  data: AnalysisData;
  snapshot: Snapshot;
  /** The servers the question is about: those named, else those of the provider/region/role asked, else all. */
  servers: ServerRecord[];
  time: TimeScope;
  thresholds: Thresholds;
  /** Scores at or above this are anomalies (the shared detector's constant). */
  anomalyThreshold: number;
  nowMs: number;
  /** The service's alerts, when alerting runs. */
  alerts: AlertFeed | null;
  /** Labelled series (services, pods, volumes), when the service keeps them. */
  series: SeriesReader | null;
}

export interface IntentResult {
  findings: Finding[];
  /** Sentences of the answer, in order. */
  lines: string[];
  /** False when nothing could be evaluated (no data, nothing to look at): severity `unknown`. */
  evaluated: boolean;
}

export type IntentHandler = (ctx: IntentContext) => Promise<IntentResult>;
