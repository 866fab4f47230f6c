/**
 * The analysis as the running service offers it: one per service context, shared by /api/ask and
 * /mcp. Wires the store, read path and collection state into the data layer, the shared anomaly
 * detector into the engine, and the optional language model after it.
 */
import type { ServiceContext } from '../http/context';
import { ANOMALY_SCORE_THRESHOLD, createAnomalyDetector } from './detectors/anomaly';
import { AnalysisData, type Snapshot } from './engine/analysis-data';
import { analyze, type EngineDeps } from './engine/ask-engine';
import type { DashboardRange } from './engine/time-scope';
import { createRephraser, type Rephraser } from './llm/rephrase';
import { buildInventory, understand, type Entities, type Intent, type Inventory, type Understanding } from './nlu';
import type { AskAnswer } from '../contract/ask';

export class AskService {
  readonly data: AnalysisData;
  private readonly deps: EngineDeps;
  private readonly rephraser: Rephraser | null;
  private inventory: { snapshot: Snapshot; key: string; inventory: Inventory } | null = null;

  constructor(private readonly ctx: ServiceContext) {
    this.data = new AnalysisData({
      store: ctx.storage.store,
      reader: ctx.storage.reader,
      collectIntervalMs: ctx.config.collectIntervalMs,
      retentionMs: ctx.config.retentionHours * 3_600_000,
      now: ctx.now,
      dataVersion: () => {
        const run = ctx.manager.managerStats();
        const backfill = ctx.backfillProgress();
        return `${run.runs}/${run.lastRunAt}/${backfill.state}/${backfill.samples}`;
      },
      historyEpoch: () => {
        const backfill = ctx.backfillProgress();
        // Backfill writes behind the window; a retried batch lands late. Either way the window reloads once it is over.
        return `${backfill.state}/${backfill.state === 'running' ? backfill.samples : ''}/${ctx.writer.getStats().pendingSamples > 0}`;
      },
      newDetector: () => createAnomalyDetector(),
    });
    this.deps = { data: this.data, thresholds: ctx.config.thresholds, anomalyThreshold: ANOMALY_SCORE_THRESHOLD, now: ctx.now };
    const { baseUrl, apiKey, model } = ctx.config.llm;
    this.rephraser = baseUrl ? createRephraser({ baseUrl, apiKey, model }, ctx.log) : null;
  }

  /** Answers one question: understood against the live inventory, analysed over the range, optionally rephrased. */
  async ask(question: string, dashboard: DashboardRange = {}): Promise<AskAnswer> {
    const snapshot = await this.data.snapshot();
    const understanding = understand(question, this.inventoryOf(snapshot), { now: new Date(this.deps.now()) });
    const answer = await analyze(understanding, dashboard, this.deps);
    if (!this.rephraser) return answer;
    const text = await this.rephraser.rephrase(question, answer, snapshot.records.map((r) => r.id));
    return text === null ? answer : { ...answer, answer: text, rephrased: true };
  }

  /** Runs one intent over a scope given as structured entities (MCP tools), skipping question understanding. */
  async analyzeScope(intent: Intent, entities: Partial<Entities>, dashboard: DashboardRange = {}): Promise<AskAnswer> {
    const understanding: Understanding = {
      intent,
      language: 'en',
      entities: { servers: [], metrics: [], provider: null, region: null, role: null, rangeMinutes: null, limit: null, ...entities },
      confidence: 1,
      unresolved: [],
      order: 'desc',
      signals: [],
    };
    return analyze(understanding, dashboard, this.deps);
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

const services = new WeakMap<ServiceContext, AskService>();

/** The one AskService of a running service (its window and detectors are shared by every route). */
export function askServiceFor(ctx: ServiceContext): AskService {
  let service = services.get(ctx);
  if (!service) {
    service = new AskService(ctx);
    services.set(ctx, service);
  }
  return service;
}
