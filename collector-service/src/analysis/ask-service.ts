/**
 * The analysis as the running service offers it: one per service, shared by /api/ask, /mcp and the
 * annotations. Wires the store, read path and collection state into the data layer, the shared anomaly
 * detector into the engine, and the optional language model after it.
 */
import type { Logger } from 'pino';
import type { LatestReader } from '../storage/latest-reader';
import type { MetricsStore } from '../storage/metrics-store';
import type { ServerQueries } from '../servers/query';
import type { SeriesReader } from '../storage/series/series-reader';
import type { Thresholds } from '../domain/thresholds';
import { ANOMALY_SCORE_THRESHOLD, createAnomalyDetector } from './detectors/anomaly';
import type { AlertFeed } from './engine/alert-feed';
import { AnalysisData, type Snapshot } from './engine/analysis-data';
import { analyze, type EngineDeps } from './engine/ask-engine';
import type { DashboardRange } from './engine/time-scope';
import { createRephraser, type Rephraser } from './llm/rephrase';
import { buildInventory, understand, type Entities, type Intent, type Inventory, type Understanding } from './nlu';
import { emptyEntities, type AskAnswer } from '@openmanager/contract';

/** What the analysis needs from the running service, and nothing more. */
export interface AskServiceDeps {
  store: MetricsStore;
  /** The inventory, read as HTTP and MCP read it. */
  servers: Pick<ServerQueries, 'records'>;
  reader: LatestReader;
  /** Labelled series (services, pods, volumes): health and causes read what runs on a server. */
  series?: SeriesReader;
  thresholds: Thresholds;
  collectIntervalMs: number;
  retentionMs: number;
  llm: { baseUrl?: string; apiKey?: string; model: string };
  log: Logger;
  now: () => number;
  /** Changes whenever new samples may have been stored (a collection run, backfill progress). */
  dataVersion: () => string;
  /** Changes when samples may have landed behind the window (backfill, a retried batch): the window reloads. */
  historyEpoch: () => string;
}

export class AskService {
  readonly data: AnalysisData;
  private readonly deps: EngineDeps;
  private readonly rephraser: Rephraser | null;
  private inventory: { snapshot: Snapshot; key: string; inventory: Inventory } | null = null;

  constructor(deps: AskServiceDeps) {
    this.data = new AnalysisData({
      store: deps.store,
      servers: deps.servers,
      reader: deps.reader,
      collectIntervalMs: deps.collectIntervalMs,
      retentionMs: deps.retentionMs,
      now: deps.now,
      dataVersion: deps.dataVersion,
      historyEpoch: deps.historyEpoch,
      newDetector: () => createAnomalyDetector(),
      onScoringFull: (maxSeries) =>
        deps.log.warn(
          { maxSeries },
          'anomaly scoring holds its most series: series asked for past them are not scored (no anomaly scores, alerts or annotations)'
        ),
    });
    this.deps = {
      data: this.data,
      thresholds: deps.thresholds,
      anomalyThreshold: ANOMALY_SCORE_THRESHOLD,
      now: deps.now,
      ...(deps.series ? { series: deps.series } : {}),
    };
    const { baseUrl, apiKey, model } = deps.llm;
    this.rephraser = baseUrl ? createRephraser({ baseUrl, apiKey, model }, deps.log) : null;
  }

  /** Lets the `alerts` intent read the service's alerts (the alerting is built after the analysis, which explains its alerts). */
  attachAlerts(feed: AlertFeed): void {
    this.deps.alerts = feed;
  }

  /** Answers one question: understood against the live inventory, analysed over the range, optionally rephrased. */
  async ask(question: string, dashboard: DashboardRange = {}): Promise<AskAnswer> {
    const snapshot = await this.data.snapshot();
    const understanding = understand(question, this.inventoryOf(snapshot), { now: new Date(this.deps.now()) });
    const answer = await analyze(understanding, dashboard, this.deps);
    if (!this.rephraser) return answer;
    const text = await this.rephraser.rephrase(
      question,
      answer,
      snapshot.records.map((r) => r.id)
    );
    return text === null ? answer : { ...answer, answer: text, rephrased: true };
  }

  /**
   * Runs one intent over a scope given as structured entities (MCP tools, alert explanations), skipping
   * question understanding. With `rephraseAs`, the optional language model may rephrase the answer as
   * an answer to that question, under the same checks as `ask`.
   */
  async analyzeScope(
    intent: Intent,
    entities: Partial<Entities>,
    dashboard: DashboardRange = {},
    options: { language?: 'ko' | 'en'; rephraseAs?: string } = {}
  ): Promise<AskAnswer> {
    const understanding: Understanding = {
      intent,
      language: options.language ?? 'en',
      entities: { ...emptyEntities(), ...entities },
      confidence: 1,
      unresolved: [],
      order: 'desc',
      signals: [],
    };
    const answer = await analyze(understanding, dashboard, this.deps);
    if (!this.rephraser || options.rephraseAs === undefined) return answer;
    const snapshot = await this.data.snapshot();
    const text = await this.rephraser.rephrase(
      options.rephraseAs,
      answer,
      snapshot.records.map((r) => r.id)
    );
    return text === null ? answer : { ...answer, answer: text, rephrased: true };
  }

  /** The NLU index of the inventory, rebuilt only when servers or their labels change. */
  private inventoryOf(snapshot: Snapshot): Inventory {
    if (this.inventory?.snapshot === snapshot) return this.inventory.inventory;
    const key = JSON.stringify(snapshot.records.map((r) => [r.id, r.provider, r.region, r.role, r.labels]));
    const inventory = this.inventory?.key === key ? this.inventory.inventory : buildInventory(snapshot.records);
    this.inventory = { snapshot, key, inventory };
    return inventory;
  }
}
