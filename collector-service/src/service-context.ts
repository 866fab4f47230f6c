/** The running service's parts, assembled once by `service.ts` and handed to HTTP and MCP: nothing global. */
import type { Logger } from 'pino';
import type { Alerting } from './alerts';
import type { AskService } from './analysis';
import type { BackfillProgress } from './collection/backfill';
import type { CollectionManager } from './collection/manager';
import type { PartitionMaintenance } from './collection/maintenance';
import type { SampleWriter } from './collection/sample-writer';
import type { Config } from './config';
import type { ServerQueries } from './servers/query';
import type { Storage } from './storage/open-storage';

export interface ServiceContext {
  config: Config;
  /** Alert rules, their state and delivery. */
  alerting: Alerting;
  storage: Storage;
  manager: CollectionManager;
  writer: SampleWriter;
  maintenance: PartitionMaintenance;
  /** The one analysis of this service: its 24 h window and detectors are shared by every route. */
  analysis: AskService;
  /** Which servers, one server, a server's series: the one set of rules for HTTP, MCP and the analysis. */
  servers: ServerQueries;
  backfillProgress: () => BackfillProgress;
  log: Logger;
  now: () => number;
  startedAt: Date;
  version: string;
}
