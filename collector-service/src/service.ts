/**
 * Assembles a running service from a Config: storage → collectors → manager (+ backfill and
 * partition upkeep) → HTTP app. `main.ts` binds it to a port; tests drive it in-process.
 */
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { backfill, type BackfillProgress } from './collection/backfill';
import { PartitionMaintenance } from './collection/maintenance';
import { RollupJob } from './collection/rollup-job';
import { CollectionManager } from './collection/manager';
import { SampleWriter } from './collection/sample-writer';
import { openSpool } from './collection/spool/open-spool';
import { ServerIdentity } from './collection/server-identity';
import { buildCollectors } from './collectors/registry';
import type { Config } from './config';
import { canBackfill, type MetricCollector } from './domain/collector';
import { AskService } from './analysis';
import { createAlerting } from './alerts';
import { createApp } from './http/app';
import type { MemoryReads } from './http/memory-reads';
import type { ServiceContext } from './service-context';
import { openStorage } from './storage/open-storage';
import { ServerQueries } from './servers/query';
import { StoredSeriesSource } from './promql/store/stored-series';
import packageJson from '../package.json';

export interface RunningService {
  /** Every route; `app.routes` lists them, middleware included (method ALL). */
  app: Hono;
  /** Cache-hit reads answered before the app; http/server.ts serves both. */
  memoryReads: MemoryReads;
  context: ServiceContext;
  /** Resolves when the start-up backfill (if any) has finished. */
  backfillDone: Promise<BackfillProgress>;
  /** Stops collecting and any backfill, puts every pending batch in the database or the spool, closes pools. */
  close(): Promise<CloseReport>;
}

export interface CloseReport {
  /** Samples neither the database nor the spool took: lost when the process ends. */
  unpersistedSamples: number;
}

export interface ServiceOptions {
  /** Collectors to use instead of those the config enables (tests). */
  collectors?: MetricCollector[];
  /** Start the schedules (collection every interval, partition upkeep); off for tests that drive runs by hand. */
  schedule?: boolean;
  now?: () => number;
}

export async function startService(config: Config, log: Logger, options: ServiceOptions = {}): Promise<RunningService> {
  const now = options.now ?? Date.now;
  const schedule = options.schedule ?? true;
  const collectors = options.collectors ?? (await buildCollectors(config));
  const storage = await openStorage(config, log, now);
  const writer = new SampleWriter({
    store: storage.store,
    cache: storage.cache,
    spool: await openSpool(config, log),
    log,
  });
  const manager = new CollectionManager({
    collectors,
    writer,
    intervalMs: config.collectIntervalMs,
    timeoutMs: config.collectorTimeoutMs,
    retentionMs: config.retentionHours * 3_600_000,
    log,
    identity: new ServerIdentity(await storage.store.listServers()),
    now,
  });
  const { rollups } = storage.store;
  const rollupJob = new RollupJob(rollups, now);
  const maintenance = new PartitionMaintenance(
    [
      { partitions: storage.store.partitions, retentionHours: config.retentionHours },
      { partitions: rollups.partitions['5m'], retentionHours: config.rollups.fiveMinuteDays * 24 },
      { partitions: rollups.partitions['1h'], retentionHours: config.rollups.hourDays * 24 },
    ],
    log,
    now,
    rollupJob
  );

  let progress: BackfillProgress = { state: 'not-needed', samples: 0 };
  const history = collectors.find(canBackfill);
  const backfillHours = config.dummy.backfillHours;
  const needsBackfill = history !== undefined && backfillHours > 0 && !(await storage.store.hasSamples());
  const stopBackfill = new AbortController();
  const plan = { hours: backfillHours, rawHours: config.retentionHours, endMs: now() };
  const backfillDone: Promise<BackfillProgress> = needsBackfill
    ? backfill(history, writer, rollups, plan, log, (p) => (progress = p), stopBackfill.signal).then(
        // The raw part is rolled up at once, so older ranges read complete without waiting for the schedule.
        async (p) => (await rollupJob.runOnce(), (progress = p)),
        (err: Error) => {
          log.error({ err: err.message }, 'backfill failed');
          return (progress = { state: 'failed', samples: progress.samples, error: err.message });
        }
      )
    : Promise.resolve(progress);

  if (schedule) {
    maintenance.start();
    manager.start();
  }

  if (config.apiKeys.length === 0)
    log.warn('API_KEYS is not set: reads are open to anyone who can reach this loopback address');

  const servers = new ServerQueries({
    store: storage.store,
    reader: storage.reader,
    lastCollected: (id) => manager.lastCollected(id),
    collectIntervalMs: config.collectIntervalMs,
    now,
  });
  const analysis = new AskService({
    store: storage.store,
    servers,
    reader: storage.reader,
    series: storage.series,
    thresholds: config.thresholds,
    collectIntervalMs: config.collectIntervalMs,
    retentionMs: config.retentionHours * 3_600_000,
    llm: config.llm,
    log,
    now,
    dataVersion: () => {
      const run = manager.managerStats();
      return `${run.runs}/${run.lastRunAt}/${progress.state}/${progress.samples}`;
    },
    // Backfill writes behind the window; a retried batch lands late. Either way the window reloads once it is over.
    historyEpoch: () =>
      `${progress.state}/${progress.state === 'running' ? progress.samples : ''}/${writerBacklog(writer)}`,
  });

  const alerting = await createAlerting({
    config,
    stored: new StoredSeriesSource(servers, storage.store, storage.store.sql),
    sql: storage.store.sql,
    analysis,
    log,
    now,
  });
  analysis.attachAlerts(alerting);
  const restored = await alerting.restore();
  if (schedule) alerting.start();
  log.info(
    { rules: alerting.ruleCount, restored, alertmanagers: config.alerts.alertmanagerUrls.length },
    'alerting started'
  );

  const context: ServiceContext = {
    config,
    alerting,
    storage,
    manager,
    writer,
    maintenance,
    analysis,
    servers,
    backfillProgress: () => progress,
    log,
    now,
    startedAt: new Date(now()),
    version: packageJson.version,
  };

  const http = createApp(context);
  return {
    app: http.app,
    memoryReads: http.memoryReads,
    context,
    backfillDone,
    async close() {
      await alerting.stop();
      maintenance.stop();
      stopBackfill.abort(new Error('backfill stopped by shutdown'));
      await manager.stop();
      await backfillDone;
      const unpersistedSamples = await writer.close();
      await Promise.all([storage.close(), http.admission.close()]);
      return { unpersistedSamples };
    },
  };
}

function writerBacklog(writer: SampleWriter): boolean {
  const stats = writer.getStats();
  return stats.pendingSamples > 0 || (stats.spool?.records ?? 0) > 0;
}
