/** Labelled series beyond the six host metrics: pods, services, volumes, application metrics. */
export { APP_SERIES_PREFIX, POD_PHASES, SERIES_NAMES, type PodPhase, type SeriesName } from '@openmanager/contract';

/**
 * One value of one labelled series of one server: one row of `server_series`. `labels` are the
 * series' own (namespace/pod/phase, service, volume, an application's labels); the server's
 * labels (server, provider, region, role) are added when it is read.
 */
export interface SeriesSample {
  serverId: string;
  /** A CONTRACT name: `openmanager_pod_status`, ..., or `openmanager_app_<name>`. */
  name: string;
  labels: Record<string, string>;
  timestamp: Date;
  value: number;
}
