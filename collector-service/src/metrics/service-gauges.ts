/** Gauges read from one running service at scrape time: its spool, write backlog, cache breaker and collectors. */
import { Gauge, Registry } from 'prom-client';
import type { ServiceContext } from '../service-context';

const BREAKER_VALUE = { closed: 0, 'half-open': 1, open: 2 } as const;

export function serviceGauges(ctx: Pick<ServiceContext, 'writer' | 'storage' | 'manager'>): Registry {
  const registers = [new Registry()];
  const spool = () => ctx.writer.getStats().spool;

  new Gauge({
    name: 'openmanager_spool_bytes',
    help: 'Bytes of the on-disk spool of batches waiting for the database',
    registers,
    collect() {
      this.set(spool()?.bytes ?? 0);
    },
  });
  new Gauge({
    name: 'openmanager_spool_records',
    help: 'Batches in the on-disk spool waiting for the database',
    registers,
    collect() {
      this.set(spool()?.records ?? 0);
    },
  });
  new Gauge({
    name: 'openmanager_spool_dropped_records',
    help: 'Spooled batches dropped since start (spool full past SPOOL_MAX_BYTES, or damaged on disk)',
    registers,
    collect() {
      this.set(spool()?.dropped ?? 0);
    },
  });
  new Gauge({
    name: 'openmanager_write_pending_samples',
    help: 'Samples held in memory because neither the database nor the spool took them',
    registers,
    collect() {
      this.set(ctx.writer.getStats().pendingSamples);
    },
  });
  new Gauge({
    name: 'openmanager_cache_breaker_state',
    help: 'Circuit breaker in front of Redis: 0 closed, 1 half-open, 2 open (reads skip the cache)',
    registers,
    collect() {
      this.set(ctx.storage.breaker ? BREAKER_VALUE[ctx.storage.breaker.state()] : 0);
    },
  });
  new Gauge({
    name: 'openmanager_collector_last_success_timestamp_seconds',
    help: 'When each collector last finished a run without error (Unix seconds; 0 never)',
    labelNames: ['collector'] as const,
    registers,
    collect() {
      for (const s of ctx.manager.collectorStatuses()) {
        this.set({ collector: s.name }, s.lastSuccessAt ? Date.parse(s.lastSuccessAt) / 1000 : 0);
      }
    },
  });
  new Gauge({
    name: 'openmanager_collector_last_duration_seconds',
    help: "Duration of each collector's last run",
    labelNames: ['collector'] as const,
    registers,
    collect() {
      for (const s of ctx.manager.collectorStatuses()) {
        if (s.lastDurationMs !== null) this.set({ collector: s.name }, s.lastDurationMs / 1000);
      }
    },
  });
  return registers[0];
}
