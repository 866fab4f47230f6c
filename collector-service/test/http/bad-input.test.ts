/** Bad input answers a 4xx in the contract's error shape naming what is wrong, and the service keeps serving. */
import type { RunningService } from '../../src/service';
import { startTestService } from '../support/test-service';

describe('bad input', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startTestService();
    await service.context.manager.tick();
  }, 60_000);
  afterAll(() => service.close());

  const DAY = 86_400_000;
  const now = Date.now();

  test.each([
    ['unknown server', '/api/servers/NOPE-001', 404, 'not_found', 'NOPE-001'],
    ['unknown server metrics', '/api/servers/NOPE-001/metrics', 404, 'not_found', 'NOPE-001'],
    ['unknown route', '/api/nothing-here', 404, 'not_found', '/api/nothing-here'],
    [
      'from after to',
      `/api/servers/DB-EU-002/metrics?from=${now}&to=${now - 1000}`,
      400,
      'bad_request',
      'from: must be before to',
    ],
    ['step=0', '/api/servers/DB-EU-002/metrics?step=0', 400, 'bad_request', 'step:'],
    ['negative step', '/api/servers/DB-EU-002/metrics?step=-5', 400, 'bad_request', 'step:'],
    ['garbage step', '/api/servers/DB-EU-002/metrics?step=fast', 400, 'bad_request', 'step:'],
    ['garbage from', '/api/servers/DB-EU-002/metrics?from=yesterday-ish', 400, 'bad_request', 'from:'],
    ['garbage to', '/api/servers/DB-EU-002/metrics?to=2026-13-45T99:00', 400, 'bad_request', 'to:'],
    ['a range too large', `/api/servers/DB-EU-002/metrics?from=0&to=${now}`, 400, 'bad_request', 'at most 31 days'],
    [
      'too many points',
      `/api/servers/DB-EU-002/metrics?from=${now - 7 * DAY}&to=${now}&step=1s`,
      422,
      'points_limit',
      'more than the 11000 allowed',
    ],
    ['unknown metric', '/api/servers/DB-EU-002/metrics?metrics=cpu,temperature', 400, 'bad_request', 'metrics:'],
    ['unknown aggregation', '/api/servers/DB-EU-002/metrics?aggregation=median', 400, 'bad_request', 'aggregation:'],
    ['unknown provider filter', '/api/servers?provider=azure', 400, 'bad_request', 'provider:'],
    ['unknown status filter', '/api/servers?status=sleepy', 400, 'bad_request', 'status:'],
  ])('%s → %i', async (_, path, status, code, fragment) => {
    const res = await service.app.request(path);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).toContain(fragment);
    // and the service still answers
    expect((await service.app.request('/api/servers/DB-EU-002')).status).toBe(200);
  });

  test('exactly 11,000 points is allowed (as in Prometheus), one more is not', async () => {
    const from = Math.floor(now / 1000) * 1000 - 11_000_000;
    const res = await service.app.request(`/api/servers/DB-EU-002/metrics?from=${from}&to=${from + 11_000_000}&step=1`);
    expect(res.status).toBe(200);
    expect(
      (await service.app.request(`/api/servers/DB-EU-002/metrics?from=${from}&to=${from + 11_001_000}&step=1`)).status
    ).toBe(422);
  });
});
