/** The contract every collector implements, whatever it collects from. */
import type { ServerInfo, ServerMetrics } from './metrics';
import type { SeriesSample } from './series';

/** What one collection run of one collector gathered. */
export interface CollectionResult {
  /** Every server the collector knows about now (its inventory). */
  servers: ServerInfo[];
  /** Fresh samples, at most one per server. */
  samples: ServerMetrics[];
  /** Ids of known servers the collector could not reach this run: they are offline. */
  unreachable: string[];
  /** Labelled series (pods, services, volumes, application metrics) of reachable servers, if the source has any. */
  series?: SeriesSample[];
  /** What the source lacks without it being an error (e.g. no kube-state-metrics), shown in /api/status. */
  notices?: string[];
}

export interface MetricCollector {
  /** Short stable name (`dummy`, `prometheus`, `cloudwatch`, `custom-api`), shown in /api/status. */
  readonly name: string;
  getServerList(): Promise<ServerInfo[]>;
  /** Newest sample of one server, or null when it cannot be reached. */
  collectMetrics(serverId: string): Promise<ServerMetrics | null>;
  isServerOnline(serverId: string): Promise<boolean>;
  /** The whole fleet in as few round-trips as the source allows. Must honour `signal`. */
  collectAll(signal: AbortSignal): Promise<CollectionResult>;
}

/** A collector that can also produce past samples (the simulator), for backfill at start. */
export interface HistoryCollector extends MetricCollector {
  /** Samples for every server at every `stepMs` in [from, to), in time-ordered chunks. */
  history(from: Date, to: Date, stepMs: number): Iterable<ServerMetrics[]>;
  /** Labelled series at every `stepMs` in [from, to), in time-ordered chunks (if the simulator has any). */
  seriesHistory?(from: Date, to: Date, stepMs: number): Iterable<SeriesSample[]>;
}

export function canBackfill(collector: MetricCollector): collector is HistoryCollector {
  return typeof (collector as Partial<HistoryCollector>).history === 'function';
}
