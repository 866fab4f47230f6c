/**
 * Alert descriptions written by the analysis engine over the dummy fleet's known truth: the cause
 * versus the symptom (S4), the forecast of a filling disk (S2), an outage (S5), in both languages.
 */
import { alertExplainer } from '../../src/alerts/explanation';
import type { RunningService } from '../../src/service';
import { startTestService } from '../support/test-service';

describe('alert explanations', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startTestService({ env: { DUMMY_BACKFILL_HOURS: '3' } });
    await service.backfillDone;
    await service.context.manager.tick();
    await service.context.writer.flush();
  }, 120_000);
  afterAll(() => service?.close());

  it("names API-US-001, leading by about a minute, in DB-EU-001's cpu alert, and calls the cpu rise a symptom", async () => {
    const text = await alertExplainer(service.context.analysis, 'en')({ alertname: 'OpenManagerCpuCritical', server: 'DB-EU-001', metric: 'cpu' });
    expect(text).toMatch(/DB-EU-001 CPU follows API-US-001 CPU by about 1 min/);
    expect(text).toMatch(/API-US-001 leads/);
    expect(text).toMatch(/symptom, not a cause/);
  }, 60_000);

  it('writes in Korean with ALERT_LANGUAGE=ko, with the evidence numbers', async () => {
    const text = (await alertExplainer(service.context.analysis, 'ko')({ alertname: 'OpenManagerMemoryCritical', server: 'DB-EU-002', metric: 'memory' }))!;
    expect(text).toMatch(/DB-EU-002: 위험 — CPU \d+(\.\d)?%\(경고 기준 70% 이상\), 메모리 9\d(\.\d)?%\(위험 기준 90% 이상\)/);
  }, 60_000);

  it('gives the forecast of a filling disk', async () => {
    const text = await alertExplainer(service.context.analysis, 'en')({ alertname: 'OpenManagerDiskCritical', server: 'ONPREM-FILE-01', metric: 'disk' });
    expect(text).toMatch(/ONPREM-FILE-01 disk is at \d+(\.\d)?% and rising \+[\d.]+ points\/h: full in about [\d.]+ h/);
  }, 60_000);

  it('names an outage as the cause of a server-down alert', async () => {
    const text = await alertExplainer(service.context.analysis, 'en')({ alertname: 'OpenManagerServerDown', server: 'WEB-US-003' });
    expect(text).toMatch(/^Probable cause: WEB-US-003 is offline/);
  }, 60_000);

  it('writes nothing for an alert about no server', async () => {
    expect(await alertExplainer(service.context.analysis, 'en')({ alertname: 'FleetAverageHigh', role: 'web' })).toBeNull();
  });
});
