/**
 * Runs every collector on a schedule: in parallel, each under its own timeout, never two runs
 * at once (an overlapping tick is skipped and counted), one batch write per run.
 */
import type { Logger } from 'pino';
import type { CollectionResult, MetricCollector } from '../domain/collector';
import type { ServerMetrics } from '../domain/metrics';
import type { SeriesSample } from '../domain/series';
import type { ServerRecord } from '../domain/server-state';
import type { WriteBatch } from '../storage/metrics-store';
import { rejectedRows } from '../metrics/registry';
import { ITEMS_PER_PAUSE, pauseSlice } from '../limits';
import { cleanSample, cleanServer, idProblem, loggableId, seriesProblem } from './sanitize';
import { initialStatus, recordRun, type CollectorStatus } from './collector-status';
import type { SampleWriter } from './sample-writer';
import { ServerIdentity } from './server-identity';

export interface ManagerOptions {
  collectors: MetricCollector[];
  writer: SampleWriter;
  intervalMs: number;
  timeoutMs: number;
  /** Samples older than this are refused (they would fall outside retention at once). */
  retentionMs: number;
  log: Logger;
  /** Keeps same-named servers of different collectors apart; seed it with the stored inventory. */
  identity?: ServerIdentity;
  now?: () => number;
}

export interface ManagerStats {
  runs: number;
  skippedRuns: number;
  lastRunAt: string | null;
  lastRunDurationMs: number | null;
}

/** How far ahead of the service's clock a sample may be stamped before it is refused. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

class CollectorTimeout extends Error {}

export class CollectionManager {
  private readonly statuses = new Map<string, CollectorStatus>();
  private readonly stats: ManagerStats = { runs: 0, skippedRuns: 0, lastRunAt: null, lastRunDurationMs: null };
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => number;
  private readonly identity: ServerIdentity;
  /** The inventory as the last runs reported it: names a server while the database is away. */
  private readonly collected = new Map<string, ServerRecord>();

  constructor(private readonly options: ManagerOptions) {
    this.now = options.now ?? Date.now;
    this.identity = options.identity ?? new ServerIdentity();
    for (const c of options.collectors) this.statuses.set(c.name, initialStatus(c.name));
  }

  start(): void {
    if (this.timer) return;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
  }

  /** Stops scheduling and waits for a run in progress to finish writing. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One run now, unless one is already going (then it is skipped). Resolves when the run is written. */
  async tick(): Promise<'ran' | 'skipped'> {
    if (this.running) {
      this.stats.skippedRuns++;
      this.options.log.warn(
        { skippedRuns: this.stats.skippedRuns },
        'collection run still going; this tick is skipped'
      );
      return 'skipped';
    }
    this.running = this.run().finally(() => {
      this.running = null;
    });
    await this.running;
    return 'ran';
  }

  collectorStatuses(): CollectorStatus[] {
    return [...this.statuses.values()].map((s) => ({ ...s }));
  }

  /** A server as the latest collection run reported it (not necessarily stored yet). */
  lastCollected(id: string): ServerRecord | undefined {
    return this.collected.get(id);
  }

  managerStats(): ManagerStats {
    return { ...this.stats };
  }

  private async run(): Promise<void> {
    const startedAt = new Date(this.now());
    const started = performance.now();
    const results = await Promise.all(this.options.collectors.map((c) => this.collectOne(c)));
    const batch: WriteBatch = { servers: [], samples: [], series: [] };
    for (const r of results) {
      if (!r) continue;
      batch.servers.push(...r.servers);
      batch.samples.push(...r.samples);
      batch.series!.push(...(r.series ?? []));
    }
    for (const s of batch.servers) this.collected.set(s.id, s);
    const persisted = await this.options.writer.write(batch);
    this.stats.runs++;
    this.stats.lastRunAt = startedAt.toISOString();
    this.stats.lastRunDurationMs = Math.round(performance.now() - started);
    this.options.log.info(
      { samples: batch.samples.length, series: batch.series!.length, persisted, ms: this.stats.lastRunDurationMs },
      'collection run'
    );
  }

  /** Runs one collector under its timeout; records its status; returns its validated part of the batch. */
  private async collectOne(collector: MetricCollector): Promise<WriteBatch | null> {
    const startedAt = new Date(this.now());
    const started = performance.now();
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new CollectorTimeout(`timed out after ${this.options.timeoutMs} ms`));
      }, this.options.timeoutMs);
    });
    try {
      const result = this.identity.apply(
        collector.name,
        await Promise.race([collector.collectAll(controller.signal), timeout])
      );
      const { batch, rejected } = await this.toBatch(collector, result);
      this.update(collector.name, {
        startedAt,
        durationMs: performance.now() - started,
        result: {
          servers: result.servers.length,
          samples: batch.samples.length,
          unreachable: result.unreachable.length,
          rejected,
          notices: result.notices ?? [],
        },
      });
      return batch;
    } catch (err) {
      const message = (err as Error).message || String(err);
      this.update(collector.name, { startedAt, durationMs: performance.now() - started, error: message });
      this.options.log.error({ collector: collector.name, err: message }, 'collector failed');
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  private update(name: string, outcome: Parameters<typeof recordRun>[1]): void {
    this.statuses.set(name, recordRun(this.statuses.get(name)!, outcome));
  }

  /**
   * Keeps samples of servers the collector listed with a storable id, stamped within retention and
   * not in the future; cleans their labels and raw data.
   */
  private async toBatch(
    collector: MetricCollector,
    result: CollectionResult
  ): Promise<{ batch: WriteBatch; rejected: number }> {
    const now = this.now();
    const listed = result.servers.filter((info) => {
      const problem = idProblem(info.id);
      if (problem)
        this.options.log.error(
          { collector: collector.name, serverId: loggableId(String(info.id)), reason: problem },
          'server refused at the collector boundary'
        );
      return problem === null;
    });
    const known = new Set(listed.map((s) => s.id));
    const storable = (serverId: string, timestamp: Date) => {
      const t = timestamp.getTime();
      return known.has(serverId) && t >= now - this.options.retentionMs && t <= now + MAX_CLOCK_SKEW_MS;
    };
    const unreachable = new Set(result.unreachable);
    const accepted: ServerMetrics[] = [];
    const newest = new Map<string, ServerMetrics>();
    for (const [i, raw] of result.samples.entries()) {
      if (i % ITEMS_PER_PAUSE === 0) await pauseSlice();
      if (!storable(raw.serverId, raw.timestamp)) continue;
      const s = cleanSample(raw);
      accepted.push(s);
      const seen = newest.get(s.serverId);
      if (!seen || s.timestamp > seen.timestamp) newest.set(s.serverId, s);
    }
    const series = await this.acceptedSeries(collector, result, storable);
    const rejected = result.samples.length - accepted.length;
    if (rejected > 0) {
      rejectedRows.inc({ stage: 'collector' }, rejected);
      this.options.log.warn(
        { collector: collector.name, rejected },
        'samples refused: unknown or unstorable server id, or timestamp outside retention'
      );
    }
    const servers: ServerRecord[] = [];
    for (const [i, reported] of listed.entries()) {
      if (i % ITEMS_PER_PAUSE === 0) await pauseSlice();
      const info = cleanServer(reported);
      const sample = newest.get(info.id);
      // Field by field rather than a spread: a spread of fleet entries of several shapes costs ~4× the memory.
      servers.push({
        id: info.id,
        provider: info.provider,
        region: info.region,
        role: info.role,
        collector: info.collector,
        labels: info.labels,
        reachable: !unreachable.has(info.id),
        lastSeenAt: sample?.timestamp ?? null,
        lastStatus: sample?.status ?? null,
      });
    }
    return {
      batch: { servers, samples: accepted, series },
      rejected: rejected + (result.series?.length ?? 0) - series.length,
    };
  }

  /** The labelled series samples of listed servers, within retention, with storable names, labels and values. */
  private async acceptedSeries(
    collector: MetricCollector,
    result: CollectionResult,
    storable: (serverId: string, timestamp: Date) => boolean
  ): Promise<SeriesSample[]> {
    const accepted: SeriesSample[] = [];
    let firstProblem: string | null = null;
    for (const [i, s] of (result.series ?? []).entries()) {
      if (i % ITEMS_PER_PAUSE === 0) await pauseSlice();
      const problem =
        seriesProblem(s) ??
        (storable(s.serverId, s.timestamp) ? null : 'unknown server or timestamp outside retention');
      if (problem === null) accepted.push({ ...s, labels: { ...s.labels } });
      else firstProblem ??= `${loggableId(String(s.name))}: ${problem}`;
    }
    const rejected = (result.series?.length ?? 0) - accepted.length;
    if (rejected > 0) {
      rejectedRows.inc({ stage: 'collector' }, rejected);
      this.options.log.warn(
        { collector: collector.name, rejected, first: firstProblem },
        'labelled series samples refused'
      );
    }
    return accepted;
  }
}
