/** OpenManager's stored samples as Prometheus series: inventory narrows by label first, then raw rows of only the needed columns. */
import type { MetricsStore } from '../../storage/metrics-store';
import { matcherScope, type ServerQueries } from '../../servers/query';
import { presentColumns, type RawColumn } from '../../storage/raw-samples';
import type { ReadBudget } from '../../storage/head/read-budget';
import type { SqlClient } from '../../storage/sql-client';
import { ITEMS_PER_PAUSE, storableTime, type QueryBudget } from '../../limits';
import { METRIC_NAMES, type MetricName } from '../../domain/metrics';
import { planResolution, type Resolution } from '../../storage/rollups/resolution';
import type { RollupResolution } from '../../storage/rollups/rollup-columns';
import { METRIC_COLUMNS } from '../../storage/head/series-buffer';
import { METRIC_NAME, type Labels } from '../labels';
import { matchesLabels, type Matcher } from '../matchers';
import { METRIC_CATALOG } from './metric-catalog';
import { SeriesTargets, type Target } from './series-targets';
import { readStoredSeries, storedSeriesBatches } from './raw-series-batches';
import type { SelectOptions, SeriesSource } from '../eval/query-engine';
import type { StoredSeries } from '../eval/values';

/** The catalog columns the rollups hold, and their metric names there (uptime and up are raw only). */
const ROLLED_UP = new Map<RawColumn, MetricName>(METRIC_NAMES.map((m) => [METRIC_COLUMNS[m], m]));

/** One list of series: the same labels joined, older samples first. */
function joinStored(older: StoredSeries[], newer: StoredSeries[]): StoredSeries[] {
  const byKey = new Map(older.map((s) => [JSON.stringify(s.labels), s]));
  for (const s of newer) {
    const before = byKey.get(JSON.stringify(s.labels));
    if (!before) byKey.set(JSON.stringify(s.labels), s);
    else {
      before.times.push(...s.times);
      before.values.push(...s.values);
    }
  }
  return [...byKey.values()];
}

export class StoredSeriesSource implements SeriesSource {
  private readonly seriesTargets = new SeriesTargets();

  constructor(
    private readonly servers: Pick<ServerQueries, 'records'>,
    private readonly store: Pick<MetricsStore, 'head' | 'rollups' | 'history'>,
    private readonly sql: SqlClient
  ) {}

  private async targets(matchers: Matcher[], budget: QueryBudget): Promise<Target[]> {
    const nameMatchers = matchers.filter((m) => m.name === METRIC_NAME);
    const metrics = METRIC_CATALOG.flatMap((metric, i) =>
      matchesLabels(nameMatchers, { [METRIC_NAME]: metric.name }) ? [i] : []
    );
    if (metrics.length === 0) return [];
    // Equality matchers narrow the inventory read; every matcher is then applied in full (labels match exactly).
    const scope = matcherScope(matchers);
    const servers = await this.servers.records(scope);
    if (Object.keys(scope).length === 0) this.seriesTargets.keepOnly(servers);
    const targets: Target[] = [];
    for (const [i, server] of servers.entries()) {
      if (i % ITEMS_PER_PAUSE === 0) await budget.pause();
      for (const metric of metrics) {
        const target = this.seriesTargets.target(server, metric);
        if (matchesLabels(matchers, target.labels)) targets.push(target);
      }
    }
    return targets;
  }

  /**
   * Samples of the matching series with fromMs < time <= toMs: from the head when it holds the span,
   * else from the database; a span older than the raw retention reads the rollups' bucket averages
   * up to what has been rolled up, and raw samples after.
   */
  async select(
    matchers: Matcher[],
    askedFromMs: number,
    askedToMs: number,
    budget: QueryBudget,
    options?: SelectOptions
  ): Promise<StoredSeries[]> {
    // An offset or range of millions of years asks for times no table holds (nor Date represents).
    const [fromMs, toMs] = [storableTime(askedFromMs), storableTime(askedToMs)];
    if (!(fromMs < toMs)) return [];
    const targets = await this.targets(matchers, budget);
    const { resolution, split } = await this.rollupSplit(fromMs, toMs);
    if (split === fromMs) return this.selectRaw(targets, fromMs, toMs, budget, options);
    // Uptime and up are raw only: they read the raw rows the whole span, rolled-up metrics only after the split.
    const rolled = targets.filter((t) => ROLLED_UP.has(t.metric.column));
    const rawOnly = targets.filter((t) => !ROLLED_UP.has(t.metric.column));
    const older = await this.selectFromRollups(resolution as RollupResolution, rolled, fromMs, split, budget);
    const newer = split < toMs ? await this.selectRaw(rolled, split, toMs, budget) : [];
    return [...joinStored(older, newer), ...(await this.selectRaw(rawOnly, fromMs, toMs, budget))];
  }

  /** The resolution a span starting at fromMs reads, and where its raw samples start (fromMs: raw throughout). */
  private async rollupSplit(fromMs: number, toMs: number): Promise<{ resolution: Resolution; split: number }> {
    const { history, rollups } = this.store;
    const resolution = planResolution(fromMs, 0, history.now(), history.windows);
    const split =
      resolution === 'raw'
        ? fromMs
        : Math.min(toMs, Math.max(fromMs, (await rollups.rolledUpTo(resolution)) ?? fromMs));
    return { resolution, split };
  }

  /**
   * select's series in batches of at most `maxSamples` (see SeriesSource): raw spans from the head a run of
   * targets at a time, else from the database a group of servers at a time; spans reaching the rollups whole.
   */
  async *selectBatches(
    matchers: Matcher[],
    askedFromMs: number,
    askedToMs: number,
    budget: QueryBudget,
    maxSamples: number
  ): AsyncGenerator<StoredSeries[]> {
    const [fromMs, toMs] = [storableTime(askedFromMs), storableTime(askedToMs)];
    if (!(fromMs < toMs)) return;
    if ((await this.rollupSplit(fromMs, toMs)).split !== fromMs) {
      yield await this.select(matchers, askedFromMs, askedToMs, budget);
      return;
    }
    const targets = await this.targets(matchers, budget);
    if (targets.length === 0) return;
    if (this.store.head.covers(fromMs + 1)) yield* this.headBatches(targets, fromMs, toMs, budget, maxSamples);
    else yield* storedSeriesBatches(this.sql, targets, fromMs, toMs, budget, maxSamples);
  }

  /** Runs of targets holding at most `maxSamples` in the head (the database's, should the head move on meanwhile). */
  private async *headBatches(
    targets: Target[],
    fromMs: number,
    toMs: number,
    budget: QueryBudget,
    maxSamples: number
  ): AsyncGenerator<StoredSeries[]> {
    const read = async (run: Target[]) =>
      this.selectFromHead(run, fromMs, toMs, budget) ?? (await readStoredSeries(this.sql, run, fromMs, toMs, budget));
    let run: Target[] = [];
    let samples = 0;
    for (const t of targets) {
      const count = this.store.head.count(t.serverId, fromMs, toMs) ?? 0;
      if (run.length > 0 && samples + count > maxSamples) {
        yield await read(run);
        [run, samples] = [[], 0];
      }
      run.push(t);
      samples += count;
    }
    if (run.length > 0) yield await read(run);
  }

  private async selectRaw(
    targets: Target[],
    fromMs: number,
    toMs: number,
    budget: QueryBudget,
    options?: SelectOptions
  ): Promise<StoredSeries[]> {
    if (targets.length === 0) return [];
    if (options?.newestOnly) return this.selectNewest(targets, fromMs, toMs, budget, options.keeps);
    return (
      this.selectFromHead(targets, fromMs, toMs, budget) ??
      (await readStoredSeries(this.sql, targets, fromMs, toMs, budget))
    );
  }

  /**
   * Each target's newest sample in the span, those `keeps` accepts (all without it): from the head, and from
   * the database only for the series the head cannot answer (one whose newest reading is older than what the
   * head covers, e.g. a server offline for a while) — not every series because of a few.
   */
  private async selectNewest(
    targets: Target[],
    fromMs: number,
    toMs: number,
    budget: QueryBudget,
    keeps?: (value: number) => boolean
  ): Promise<StoredSeries[]> {
    const { found, unknown } = await this.newestFromHead(targets, fromMs, toMs, budget, keeps);
    if (unknown.length === 0) return found;
    const read = await readStoredSeries(this.sql, unknown, fromMs, toMs, budget);
    const newest = read.map((s) => ({ ...s, times: s.times.slice(-1), values: s.values.slice(-1) }));
    return [...found, ...(keeps ? newest.filter((s) => keeps(s.values[0])) : newest)];
  }

  /** Bucket averages of targets whose metric the rollups hold. */
  private async selectFromRollups(
    resolution: RollupResolution,
    rolled: Target[],
    fromMs: number,
    toMs: number,
    budget: QueryBudget
  ): Promise<StoredSeries[]> {
    budget.signal.throwIfAborted();
    const serverIds = [...new Set(rolled.map((t) => t.serverId))];
    const metrics = [...new Set(rolled.map((t) => ROLLED_UP.get(t.metric.column)!))];
    if (metrics.length === 0) return [];
    const maxRows = Math.floor(budget.remaining / metrics.length);
    let read;
    try {
      read = await this.store.rollups.averages(
        resolution,
        { serverIds, metrics, fromMs, toMs },
        maxRows,
        budget.sqlBounds()
      );
    } catch (err) {
      throw budget.explain(err);
    }
    budget.charge((read.truncated ? maxRows + 1 : read.rows.length) * metrics.length);
    const out: StoredSeries[] = [];
    for (const t of rolled) {
      const metric = ROLLED_UP.get(t.metric.column)!;
      const series: StoredSeries = { labels: t.labels, times: [], values: [] };
      for (const row of read.rows) {
        const value = row[metric];
        if (row.server_id !== t.serverId || value === null || value === undefined) continue;
        series.times.push(row.time_ms);
        series.values.push(value);
      }
      if (series.times.length > 0) out.push(series);
    }
    return out;
  }

  /** Each target's newest sample in the span from the head, and the targets the head cannot answer. */
  private async newestFromHead(
    targets: Target[],
    fromMs: number,
    toMs: number,
    budget: QueryBudget,
    keeps?: (value: number) => boolean
  ): Promise<{ found: StoredSeries[]; unknown: Target[] }> {
    const found: StoredSeries[] = [];
    const unknown: Target[] = [];
    // A run stamps every server's sample alike: series with the same newest time share its array (read-only).
    let times: number[] = [];
    for (const [i, t] of targets.entries()) {
      if (i % ITEMS_PER_PAUSE === 0) await budget.pause();
      const newest = this.store.head.newestReading(t.serverId, t.metric.column, fromMs, toMs);
      if (newest === false) unknown.push(t);
      if (!newest) continue;
      const value = typeof newest.stored === 'number' ? newest.stored : t.metric.value(newest.stored);
      if (value === null || (keeps && !keeps(value))) continue;
      if (times[0] !== newest.timeMs) times = [newest.timeMs];
      found.push({ labels: t.labels, times, values: [value] });
    }
    budget.charge(found.length);
    return { found, unknown };
  }

  private selectFromHead(targets: Target[], fromMs: number, toMs: number, budget: ReadBudget): StoredSeries[] | null {
    const head = this.store.head;
    if (!head.covers(fromMs + 1)) return null;
    const out: StoredSeries[] = [];
    for (const t of targets) {
      const series: StoredSeries = { labels: t.labels, times: [], values: [] };
      const value = t.metric.value;
      head.scan(
        t.serverId,
        t.metric.column,
        fromMs,
        toMs,
        (time, stored) => {
          const v = typeof stored === 'number' ? stored : value(stored);
          if (v === null) return;
          series.times.push(time);
          series.values.push(v);
        },
        budget
      );
      if (series.times.length > 0) out.push(series);
    }
    return out;
  }

  /** Label sets of the series matching any of the matcher lists (all series when none) with samples in the span. */
  async seriesLabels(matcherSets: Matcher[][], budget: QueryBudget, fromMs?: number, toMs?: number): Promise<Labels[]> {
    const targets = new Map<string, Target>();
    for (const matchers of matcherSets.length > 0 ? matcherSets : [[]]) {
      for (const t of await this.targets(matchers, budget)) targets.set(`${t.serverId}\u0000${t.metric.name}`, t);
    }
    const all = [...targets.values()];
    let present;
    try {
      present = await presentColumns(
        this.sql,
        {
          serverIds: [...new Set(all.map((t) => t.serverId))],
          columns: [...new Set(all.map((t) => t.metric.column))],
          fromMs,
          toMs,
        },
        budget.sqlBounds()
      );
    } catch (err) {
      throw budget.explain(err);
    }
    return all.filter((t) => present.get(t.serverId)?.has(t.metric.column)).map((t) => t.labels);
  }
}
