/** GET /metrics: the service's own metrics in Prometheus's text format, parsed by prom-client's own format rules. */
import type { RunningService } from '../../src/service';
import { budgetRejections, rateLimitRejections } from '../../src/metrics/registry';
import { createTestDatabase, type TestDatabase } from '../support/services';
import { startTestService } from '../support/test-service';

describe('GET /metrics', () => {
  let db: TestDatabase;
  let service: RunningService;
  beforeAll(async () => {
    db = await createTestDatabase();
    service = await startTestService({ env: { DATABASE_URL: db.url } });
    await service.context.manager.tick();
    await service.app.request('/api/servers/DB-EU-002');
    await service.app.request('/api/servers/DB-EU-002');
  }, 60_000);
  afterAll(async () => {
    await service.close();
    await db.drop();
  });

  const scrape = async () => {
    const res = await service.app.request('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    return res.text();
  };
  const value = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `));
    return line === undefined ? undefined : Number(line.slice(series.length + 1));
  };

  test('reports writes, cache lookups, collectors, spool and event-loop lag', async () => {
    const text = await scrape();
    expect(value(text, 'openmanager_db_write_duration_seconds_count{outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'openmanager_cache_lookups_total{result="hit"}')).toBeGreaterThanOrEqual(1);
    expect(value(text, 'openmanager_collector_last_success_timestamp_seconds{collector="dummy"}')).toBeGreaterThan(
      Date.now() / 1000 - 600
    );
    expect(value(text, 'openmanager_collector_last_duration_seconds{collector="dummy"}')).toBeGreaterThanOrEqual(0);
    // DATA_DIR is in memory for this service: no spool, so nothing in it
    expect(value(text, 'openmanager_spool_records')).toBe(0);
    expect(value(text, 'openmanager_cache_breaker_state')).toBe(0);
    expect(text).toMatch(/^openmanager_nodejs_eventloop_lag_p99_seconds \d/m);
  });

  test('counts the rejections the request limits report through the shared counters', async () => {
    const before = value(await scrape(), 'openmanager_rate_limit_rejections_total') ?? 0;
    rateLimitRejections.inc();
    budgetRejections.inc({ limit: 'samples' });
    const text = await scrape();
    expect(value(text, 'openmanager_rate_limit_rejections_total')).toBe(before + 1);
    expect(value(text, 'openmanager_budget_rejections_total{limit="samples"}')).toBeGreaterThanOrEqual(1);
  });
});
