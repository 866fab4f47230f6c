/**
 * Alert descriptions written by the analysis engine over the dummy fleet's known truth: the cause
 * versus the symptom (S4), the forecast of a filling disk (S2), an outage (S5), in both languages.
 */
import { alertExplainer } from '../../src/alerts/explanation';
import { DummyCollector } from '../../src/collectors/dummy/dummy-collector';
import { loadConfig } from '../../src/config';
import { startService, type RunningService } from '../../src/service';
import { silentLog } from '../support/services';

/** A fixed clock, so the scenarios' cycles are where the assertions expect (S2's disk mid-rise). */
const NOW = Date.UTC(2026, 11, 3, 23, 40);

describe('alert explanations', () => {
  let service: RunningService;

  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: 'memory://', DUMMY_BACKFILL_HOURS: '3' });
    const now = () => NOW;
    const fleet = new DummyCollector({
      seed: config.dummy.seed,
      servers: config.dummy.servers,
      thresholds: config.thresholds,
      now,
    });
    service = await startService(config, silentLog, { schedule: false, collectors: [fleet], now });
    await service.backfillDone;
    await service.context.manager.tick();
    await service.context.writer.replayNow();
  }, 120_000);
  afterAll(() => service?.close());

  it("names API-US-001, leading by about a minute, in DB-EU-001's cpu alert, and calls the cpu rise a symptom", async () => {
    const text = await alertExplainer(
      service.context.analysis,
      'en'
    )({ alertname: 'OpenManagerCpuCritical', server: 'DB-EU-001', metric: 'cpu' });
    expect(text).toMatch(/DB-EU-001 CPU follows API-US-001 CPU by about 1 min/);
    expect(text).toMatch(/API-US-001 leads/);
    expect(text).toMatch(/symptom, not a cause/);
  }, 60_000);

  it('writes in Korean with ALERT_LANGUAGE=ko, with the evidence numbers', async () => {
    const text = (await alertExplainer(
      service.context.analysis,
      'ko'
    )({ alertname: 'OpenManagerMemoryCritical', server: 'DB-EU-002', metric: 'memory' }))!;
    expect(text).toMatch(
      /DB-EU-002: 위험 — CPU \d+(\.\d)?%\(경고 기준 70% 이상\), 메모리 9\d(\.\d)?%\(위험 기준 90% 이상\)/
    );
  }, 60_000);

  it('gives the forecast of a filling disk', async () => {
    const text = await alertExplainer(
      service.context.analysis,
      'en'
    )({ alertname: 'OpenManagerDiskCritical', server: 'ONPREM-FILE-01', metric: 'disk' });
    expect(text).toMatch(/ONPREM-FILE-01 disk is at \d+(\.\d)?% and rising \+[\d.]+ points\/h: full in about [\d.]+ h/);
  }, 60_000);

  it('names an outage as the cause of a server-down alert', async () => {
    const text = await alertExplainer(
      service.context.analysis,
      'en'
    )({ alertname: 'OpenManagerServerDown', server: 'WEB-US-003' });
    expect(text).toMatch(/^Probable cause: WEB-US-003 is offline/);
  }, 60_000);

  it('writes nothing for an alert about no server', async () => {
    expect(
      await alertExplainer(service.context.analysis, 'en')({ alertname: 'FleetAverageHigh', role: 'web' })
    ).toBeNull();
  });

  it("serves the detector's scores as openmanager_anomaly_score, per server and metric, in [0, 1]", async () => {
    const query = async (q: string) =>
      (
        (await (
          await service.app.request(
            `/prometheus/api/v1/query?${new URLSearchParams({ query: q, time: String(NOW / 1000) })}`
          )
        ).json()) as any
      ).data.result;
    const perMetric = await query('count by (metric) (openmanager_anomaly_score)');
    expect(perMetric.map((r: any) => r.metric.metric).sort()).toEqual([
      'cpu',
      'disk',
      'load',
      'memory',
      'network_in',
      'network_out',
    ]);
    for (const r of perMetric) expect(Number(r.value[1])).toBeGreaterThanOrEqual(29);
    const [[max], [min]] = await Promise.all([
      query('max(max_over_time(openmanager_anomaly_score[2h]))'),
      query('min(min_over_time(openmanager_anomaly_score[2h]))'),
    ]);
    expect(Number(max.value[1])).toBeLessThanOrEqual(1);
    expect(Number(min.value[1])).toBeGreaterThanOrEqual(0);
    const [one] = await query('openmanager_anomaly_score{server="API-US-001", metric="cpu"}');
    expect(one.metric).toEqual({
      __name__: 'openmanager_anomaly_score',
      server: 'API-US-001',
      provider: 'aws',
      region: 'us-east-1',
      role: 'api',
      metric: 'cpu',
    });
  });
});
