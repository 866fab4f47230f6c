/** A whole service in-process for route tests: real config parsing, embedded or real storage, schedules off. */
import { loadConfig } from '../../src/config';
import type { MetricCollector } from '../../src/domain/collector';
import { startService, type RunningService } from '../../src/service';
import { silentLog } from './services';

export interface TestServiceOptions {
  env?: Record<string, string>;
  collectors?: MetricCollector[];
}

/** Starts a service on in-memory PGlite (unless env sets DATABASE_URL), with no backfill unless asked. */
export async function startTestService({ env = {}, collectors }: TestServiceOptions = {}): Promise<RunningService> {
  const config = loadConfig({ DATA_DIR: 'memory://', DUMMY_BACKFILL_HOURS: '0', ...env });
  return startService(config, silentLog, { schedule: false, collectors });
}

export const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });
