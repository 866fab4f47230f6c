/** The ALERTS and ALERTS_FOR_STATE series the evaluator writes after each evaluation, kept in memory for a bounded time. */
import type { QueryBudget } from '../limits';
import { labelsKey, type Labels } from '../promql/labels';
import { matchesLabels, type Matcher } from '../promql/matchers';
import type { SelectOptions, SeriesSource } from '../promql/eval/query-engine';
import { seriesBatches } from '../promql/eval/series-batches';
import { upperBound, type Sample, type StoredSeries } from '../promql/eval/values';

/** How long written samples stay queryable. */
export const ALERT_SERIES_RETENTION_MS = 6 * 3_600_000;
/** Most samples kept across all series; the oldest go first beyond it. */
const MAX_SAMPLES = 500_000;

interface Written extends StoredSeries {
  stale: number[];
}

export class AlertSeries implements SeriesSource {
  private readonly series = new Map<string, Written>();
  /** The series each writer (a rule) wrote last time: those it stops writing get a staleness marker, as in Prometheus. */
  private readonly lastWritten = new Map<string, Set<string>>();
  private count = 0;

  constructor(private readonly retentionMs = ALERT_SERIES_RETENTION_MS) {}

  append(writer: string, samples: Sample[], ts: number): void {
    const written = new Set<string>();
    for (const s of samples) {
      const key = labelsKey(s.labels);
      written.add(key);
      let stored = this.series.get(key);
      if (!stored) this.series.set(key, (stored = { labels: s.labels, times: [], values: [], stale: [] }));
      if (stored.times.length > 0 && stored.times[stored.times.length - 1] >= ts) continue;
      stored.times.push(ts);
      stored.values.push(s.value);
      this.count++;
    }
    for (const key of this.lastWritten.get(writer) ?? []) {
      const ended = this.series.get(key);
      if (!written.has(key) && ended) ended.stale.push(ts);
    }
    this.lastWritten.set(writer, written);
    this.prune(ts - this.retentionMs);
    while (this.count > MAX_SAMPLES) this.dropOldest();
  }

  private prune(beforeMs: number): void {
    for (const [key, s] of this.series) {
      s.stale.splice(0, upperBound(s.stale, beforeMs));
      const cut = upperBound(s.times, beforeMs);
      if (cut === 0) continue;
      s.times.splice(0, cut);
      s.values.splice(0, cut);
      this.count -= cut;
      if (s.times.length === 0) this.series.delete(key);
    }
  }

  private dropOldest(): void {
    let oldest = Infinity;
    for (const s of this.series.values()) oldest = Math.min(oldest, s.times[0]);
    this.prune(oldest);
  }

  async select(matchers: Matcher[], fromMs: number, toMs: number): Promise<StoredSeries[]> {
    const out: StoredSeries[] = [];
    for (const s of this.series.values()) {
      if (!matchesLabels(matchers, s.labels)) continue;
      const from = upperBound(s.times, fromMs);
      const to = upperBound(s.times, toMs);
      const stale = s.stale.slice(upperBound(s.stale, fromMs), upperBound(s.stale, toMs));
      if (to > from)
        out.push({ labels: s.labels, times: s.times.slice(from, to), values: s.values.slice(from, to), stale });
    }
    return out;
  }

  /** Label sets of series matching any matcher list (all when none) with samples in [fromMs, toMs]. */
  seriesLabels(matcherSets: Matcher[][], fromMs = -Infinity, toMs = Infinity): Labels[] {
    const sets = matcherSets.length > 0 ? matcherSets : [[]];
    return [...this.series.values()]
      .filter((s) => sets.some((m) => matchesLabels(m, s.labels)))
      .filter((s) => upperBound(s.times, toMs) > upperBound(s.times, fromMs))
      .map((s) => s.labels);
  }
}

/** Several sources as one: each answers for the series it has. */
export class CombinedSource implements SeriesSource {
  constructor(private readonly sources: SeriesSource[]) {}

  async select(
    matchers: Matcher[],
    fromMs: number,
    toMs: number,
    budget: QueryBudget,
    options?: SelectOptions
  ): Promise<StoredSeries[]> {
    return (await Promise.all(this.sources.map((s) => s.select(matchers, fromMs, toMs, budget, options)))).flat();
  }

  async *selectBatches(
    matchers: Matcher[],
    fromMs: number,
    toMs: number,
    budget: QueryBudget,
    maxSamples: number
  ): AsyncGenerator<StoredSeries[]> {
    for (const source of this.sources) yield* seriesBatches(source, matchers, fromMs, toMs, budget, maxSamples);
  }
}
