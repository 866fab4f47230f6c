/** What the HTTP routes are given: the running service's parts, nothing global. */
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { BackfillProgress } from '../collection/backfill';
import type { CollectionManager } from '../collection/manager';
import type { PartitionMaintenance } from '../collection/maintenance';
import type { SampleWriter } from '../collection/sample-writer';
import type { Storage } from '../storage/open-storage';

export interface ServiceContext {
  config: Config;
  storage: Storage;
  manager: CollectionManager;
  writer: SampleWriter;
  maintenance: PartitionMaintenance;
  backfillProgress: () => BackfillProgress;
  log: Logger;
  now: () => number;
  startedAt: Date;
  version: string;
}
