/** The built-in simulator: a deterministic fleet that behaves like real servers, scenarios included. */
import type { CollectionResult, HistoryCollector } from '../../domain/collector';
import type { ServerInfo, ServerMetrics } from '../../domain/metrics';
import type { SeriesSample } from '../../domain/series';
import { statusFromThresholds, type Thresholds } from '../../domain/thresholds';
import { ITEMS_PER_PAUSE, pauseSlice } from '../../limits';
import { baselineOf, healthyReadings, type Baseline } from './baseline';
import { buildFleet } from './fleet';
import { applyScenario, SCENARIO_SERVERS } from './scenarios';
import { workloadSeries } from './workloads';

export interface DummyCollectorOptions {
  seed: number;
  /** Fleet size, 30 or more. */
  servers: number;
  thresholds: Thresholds;
  now?: () => number;
  /** When the S5 server stopped answering; default 17 minutes before the collector was created. */
  offlineSince?: Date;
  /** When S6's postfix on ONPREM-MAIL-01 failed; default about 2 hours before the collector was created. */
  mailDownSince?: Date;
}

interface SimulatedServer {
  info: ServerInfo;
  baseline: Baseline;
  /** The same for every sample of the server: shared by them, never changed. */
  rawData: Record<string, unknown>;
}

const OFFLINE_SERVER = 'WEB-US-003';
const DEFAULT_OFFLINE_FOR_MS = 17 * 60_000;
const DEFAULT_MAIL_DOWN_FOR_MS = 123 * 60_000;

export class DummyCollector implements HistoryCollector {
  readonly name = 'dummy';
  private readonly fleet: ServerInfo[];
  private readonly byId: Map<string, SimulatedServer>;
  private readonly now: () => number;
  readonly offlineSince: Date;
  readonly mailDownSince: Date;

  constructor(private readonly options: DummyCollectorOptions) {
    this.now = options.now ?? Date.now;
    const created = this.now();
    this.offlineSince =
      options.offlineSince ?? new Date(Math.floor((created - DEFAULT_OFFLINE_FOR_MS) / 60_000) * 60_000);
    this.mailDownSince =
      options.mailDownSince ?? new Date(Math.floor((created - DEFAULT_MAIL_DOWN_FOR_MS) / 60_000) * 60_000);
    this.fleet = buildFleet(options.servers);
    // Boot times are drawn relative to a fixed epoch so that uptime never depends on when the service started.
    const epoch = Date.UTC(2026, 0, 1);
    this.byId = new Map(
      this.fleet.map((info) => [
        info.id,
        {
          info,
          baseline: baselineOf(info, options.seed, epoch),
          rawData: { source: 'simulator', scenario: SCENARIO_SERVERS[info.id] ?? null },
        },
      ])
    );
  }

  async getServerList(): Promise<ServerInfo[]> {
    return this.fleet;
  }

  async isServerOnline(serverId: string): Promise<boolean> {
    return this.byId.has(serverId) && this.answersAt(serverId, this.now());
  }

  async collectMetrics(serverId: string): Promise<ServerMetrics | null> {
    const now = this.now();
    return this.byId.has(serverId) && this.answersAt(serverId, now) ? this.sample(serverId, now) : null;
  }

  async collectAll(): Promise<CollectionResult> {
    const now = this.now();
    // One Date for the whole run: every sample of it is stamped with the same moment.
    const timestamp = new Date(now);
    const samples: ServerMetrics[] = [];
    const unreachable: string[] = [];
    const series: SeriesSample[] = [];
    for (const [i, { id }] of this.fleet.entries()) {
      // 10,000 servers' samples took 15-25 ms to make: the event loop gets its turns meanwhile.
      if (i % ITEMS_PER_PAUSE === 0) await pauseSlice();
      if (this.answersAt(id, now)) {
        samples.push(this.sampleAt(id, timestamp));
        series.push(...this.seriesAt(id, now));
      } else unreachable.push(id);
    }
    return { servers: this.fleet, samples, unreachable, series };
  }

  *history(from: Date, to: Date, stepMs: number): Iterable<ServerMetrics[]> {
    const start = Math.ceil(from.getTime() / stepMs) * stepMs;
    for (let t = start; t < to.getTime(); t += stepMs) {
      const chunk: ServerMetrics[] = [];
      for (const { id } of this.fleet) if (this.answersAt(id, t)) chunk.push(this.sample(id, t));
      yield chunk;
    }
  }

  *seriesHistory(from: Date, to: Date, stepMs: number): Iterable<SeriesSample[]> {
    const start = Math.ceil(from.getTime() / stepMs) * stepMs;
    for (let t = start; t < to.getTime(); t += stepMs) {
      const chunk: SeriesSample[] = [];
      for (const { id } of this.fleet) if (this.answersAt(id, t)) chunk.push(...this.seriesAt(id, t));
      yield chunk;
    }
  }

  /** The labelled series (pods, volumes, services, application metrics) a server would report at a moment. */
  seriesAt(serverId: string, timeMs: number): SeriesSample[] {
    const entry = this.byId.get(serverId);
    if (!entry) throw new Error(`unknown simulated server ${serverId}`);
    return workloadSeries(
      entry.info,
      entry.baseline,
      this.options.seed,
      { mailDownSinceMs: this.mailDownSince.getTime() },
      timeMs
    );
  }

  /** The sample a server would report at a moment (whether or not it answers then). */
  sample(serverId: string, timeMs: number): ServerMetrics {
    return this.sampleAt(serverId, new Date(timeMs));
  }

  private sampleAt(serverId: string, timestamp: Date): ServerMetrics {
    const entry = this.byId.get(serverId);
    if (!entry) throw new Error(`unknown simulated server ${serverId}`);
    const timeMs = timestamp.getTime();
    const { seed, thresholds } = this.options;
    const r = applyScenario(serverId, healthyReadings(entry.baseline, seed, timeMs), entry.baseline, seed, timeMs);
    const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
    const sample: ServerMetrics = {
      serverId,
      timestamp,
      cpuUsage: round(r.cpu, 2),
      memoryUsage: round(r.memory, 2),
      diskUsage: round(r.disk, 2),
      networkInBytes: Math.round(r.networkIn),
      networkOutBytes: Math.round(r.networkOut),
      load1m: round(r.load, 2),
      uptimeSeconds: r.uptimeSeconds,
      status: 'online',
      rawData: entry.rawData,
    };
    sample.status = statusFromThresholds(sample, thresholds);
    return sample;
  }

  private answersAt(serverId: string, timeMs: number): boolean {
    return serverId !== OFFLINE_SERVER || timeMs < this.offlineSince.getTime();
  }
}
