/**
 * Everything the analysis reads, through the same store and read path as the API: the inventory,
 * newest samples, series and anomaly scores. Recent history is served from an in-memory window
 * refreshed at most once per collection run; older ranges go to the store.
 */
import { METRIC_NAMES, type MetricName, type ServerMetrics } from '../../domain/metrics';
import type { ServerRecord } from '../../domain/server-state';
import type { LatestReader } from '../../storage/latest-reader';
import type { MetricsStore } from '../../storage/metrics-store';
import { pauseSlice } from '../../limits';
import type { ServerQueries } from '../../servers/query';
import { HOUR_MS, MINUTE_MS, type Series } from '../series';
import { AnomalyScores, type OnlineDetector, type ScoredSeries } from './anomaly-scores';
import { HistoryWindow } from './history-window';

export interface AnalysisSources {
  store: Pick<MetricsStore, 'read' | 'range'> & Partial<Pick<MetricsStore, 'head'>>;
  servers: Pick<ServerQueries, 'records'>;
  reader: Pick<LatestReader, 'getMany'>;
  collectIntervalMs: number;
  retentionMs: number;
  now: () => number;
  /** Changes whenever new samples may have been stored (a collection run ended). */
  dataVersion: () => string;
  /** Changes when history may have been written behind the window (backfill, retried late writes): forces a reload. */
  historyEpoch: () => string;
  newDetector: () => OnlineDetector;
  /** Told when a series is first refused a detector (see MAX_SCORED_SERIES). */
  onScoringFull?: (maxSeries: number) => void;
}

export interface Snapshot {
  records: ServerRecord[];
  /** Newest sample per server id (servers never seen are absent). */
  latest: Map<string, ServerMetrics>;
  takenAtMs: number;
}

/** Numbers the window may hold: 6 metrics × buckets × servers; the bucket widens on big fleets to stay under it. */
const WINDOW_VALUE_BUDGET = 6_000_000;
const MAX_WINDOW_SPAN_MS = 24 * HOUR_MS;
/** Points per series when a range outside the window is read from the store. */
const MAX_DIRECT_POINTS = 1_500;

export class AnalysisData {
  private window: HistoryWindow | null = null;
  private scores: AnomalyScores | null = null;
  private snapshotCache: Snapshot | null = null;
  private syncedVersion = '';
  private syncedEpoch = '';
  private syncedIds = '';
  private syncing: Promise<Snapshot> | null = null;
  /** Results computed from the current snapshot's data, dropped at the next refresh. */
  private memos = new Map<string, unknown>();

  constructor(private readonly sources: AnalysisSources) {}

  get collectIntervalMs(): number {
    return this.sources.collectIntervalMs;
  }

  /** Inventory and newest samples, with the window brought up to date; at most one refresh per collection run. */
  snapshot(): Promise<Snapshot> {
    const now = this.sources.now();
    const cached = this.snapshotCache;
    if (
      cached &&
      this.sources.dataVersion() === this.syncedVersion &&
      now - cached.takenAtMs < this.sources.collectIntervalMs
    ) {
      return Promise.resolve(cached);
    }
    this.syncing ??= this.sync(now).finally(() => (this.syncing = null));
    return this.syncing;
  }

  hasMemo(key: string): boolean {
    return this.memos.has(key);
  }

  /** `compute()` once per snapshot for `key`: for results that depend on the data only, not on the question. */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  /** Series of [fromMs, toMs): from the window when it holds the range, else downsampled from the store (raw or rollups). */
  async series(
    serverIds: readonly string[],
    metrics: readonly MetricName[],
    fromMs: number,
    toMs: number
  ): Promise<Map<string, Map<MetricName, Series>>> {
    const out = new Map<string, Map<MetricName, Series>>();
    const window = this.window;
    if (window && window.covers(fromMs, toMs)) {
      // A day of a server's series from the head takes about a millisecond: a fleet's, long work.
      for (const id of serverIds) {
        await pauseSlice();
        out.set(id, new Map(metrics.map((m) => [m, window.series(id, m, fromMs, toMs)])));
      }
      return out;
    }
    const stepMs = Math.max(MINUTE_MS, Math.ceil((toMs - fromMs) / MAX_DIRECT_POINTS / MINUTE_MS) * MINUTE_MS);
    // Past the raw retention the rollups answer (a week against the week before).
    const { series: sets } = await this.sources.store.read({
      serverIds: [...serverIds],
      metrics: [...metrics],
      fromMs,
      toMs,
      stepMs,
      aggregation: 'avg',
    });
    for (const set of sets) {
      out.set(
        set.serverId,
        new Map(
          metrics.map((m) => {
            const s: Series = { t: [], v: [] };
            set.values[m]?.forEach((v, i) => {
              if (v !== null && Number.isFinite(v)) {
                s.t.push(set.timestamps[i]);
                s.v.push(v);
              }
            });
            return [m, s];
          })
        )
      );
    }
    return out;
  }

  /** Values on the window's common grid over [fromMs, toMs), NaN where absent; null when the window does not hold the range. */
  aligned(
    serverId: string,
    metric: MetricName,
    fromMs: number,
    toMs: number
  ): { values: Float64Array; stepMs: number } | null {
    if (!this.window || !this.window.covers(fromMs, toMs)) return null;
    return { values: this.window.aligned(serverId, metric, fromMs, toMs), stepMs: this.window.stepMs };
  }

  /** Anomaly scores in [fromMs, toMs) from the shared detector, or null when the window does not hold the range. */
  anomalyScores(serverId: string, metric: MetricName, fromMs: number, toMs: number): ScoredSeries | null {
    if (!this.window || !this.scores || !this.window.covers(fromMs, toMs) || !this.snapshotCache) return null;
    return this.scores.scores(serverId, metric, fromMs, toMs, this.snapshotCache.takenAtMs);
  }

  get windowStepMs(): number | null {
    return this.window?.stepMs ?? null;
  }

  private async sync(now: number): Promise<Snapshot> {
    const version = this.sources.dataVersion();
    const epoch = this.sources.historyEpoch();
    const records = await this.sources.servers.records();
    const ids = records.map((r) => r.id);
    const idKey = ids.join('\n');
    const latestReads = await this.sources.reader.getMany(ids);
    const latest = new Map([...latestReads].map(([id, read]) => [id, read.sample]));

    const stepMs = windowStep(ids.length, MAX_WINDOW_SPAN_MS);
    const spanMs = Math.min(MAX_WINDOW_SPAN_MS, this.sources.retentionMs);
    if (!this.window || this.window.stepMs !== stepMs || epoch !== this.syncedEpoch || idKey !== this.syncedIds) {
      this.window = new HistoryWindow(this.sources.store, stepMs, spanMs, this.sources.store.head);
      this.scores = new AnomalyScores(this.window, this.sources.newDetector, { onFull: this.sources.onScoringFull });
      await this.window.reload(ids, now);
    } else {
      // Re-read a little before the last refresh: the newest bucket was still filling, and slow writes land late.
      const overlap = Math.max(stepMs, 3 * this.sources.collectIntervalMs);
      await this.window.refresh(ids, (this.snapshotCache?.takenAtMs ?? now) - overlap, now);
    }
    this.syncedVersion = version;
    this.syncedEpoch = epoch;
    this.syncedIds = idKey;
    this.snapshotCache = { records, latest, takenAtMs: now };
    this.memos = new Map();
    return this.snapshotCache;
  }
}

/** The window's bucket: one minute, wider when the fleet would not fit the value budget. */
export function windowStep(servers: number, spanMs: number): number {
  const buckets = WINDOW_VALUE_BUDGET / (Math.max(1, servers) * METRIC_NAMES.length);
  return Math.max(MINUTE_MS, Math.ceil(spanMs / buckets / MINUTE_MS) * MINUTE_MS);
}
