/**
 * The shared anomaly detector's scores as a Prometheus series, `openmanager_anomaly_score`, with
 * the server's labels and `metric` (cpu, memory, …): one sample per analysis-window bucket, at
 * the bucket's start, so rules can say "anomalous for 15 minutes".
 */
import { METRIC_NAMES } from '../domain/metrics';
import type { AnalysisData } from '../analysis';
import { METRIC_NAME } from '../promql/labels';
import { matchesLabels, type Matcher } from '../promql/matchers';
import type { QueryBudget } from '../limits';
import type { SeriesSource } from '../promql/eval/query-engine';
import type { StoredSeries } from '../promql/eval/values';
import { serverLabels } from '../promql/store/series-targets';

export const ANOMALY_SCORE_SERIES = 'openmanager_anomaly_score';
/** The analysis window holds a day; reads reach a little less, so a range at its edge still answers. */
const REACH_MS = 23 * 3_600_000;

export class AnomalyScoreSource implements SeriesSource {
  constructor(
    private readonly data: AnalysisData,
    private readonly now: () => number
  ) {}

  /** Scoring a fleet's series is long work: it yields to the event loop as it goes and stops at the budget's deadline. */
  async select(matchers: Matcher[], fromMs: number, toMs: number, budget: QueryBudget): Promise<StoredSeries[]> {
    if (
      !matchesLabels(
        matchers.filter((m) => m.name === METRIC_NAME),
        { [METRIC_NAME]: ANOMALY_SCORE_SERIES }
      )
    )
      return [];
    const snapshot = await this.data.snapshot();
    const from = Math.max(fromMs, this.now() - REACH_MS);
    if (from >= toMs) return [];
    const out: StoredSeries[] = [];
    for (const record of snapshot.records) {
      for (const metric of METRIC_NAMES) {
        // Per series: a detector's first pass over the day takes a few milliseconds, a server's six many more.
        await budget.pause();
        const labels = { [METRIC_NAME]: ANOMALY_SCORE_SERIES, ...serverLabels(record), metric };
        if (!matchesLabels(matchers, labels)) continue;
        // Scores are stamped at bucket starts; (from, to] in samples is [from + 1, to + 1) in buckets.
        const scores = this.data.anomalyScores(record.id, metric, from + 1, toMs + 1);
        if (!scores || scores.t.length === 0) continue;
        budget.charge(scores.t.length);
        out.push({ labels, times: scores.t, values: scores.v });
      }
    }
    return out;
  }
}
