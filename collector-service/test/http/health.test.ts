/** GET /api/health and GET /api/status: liveness, storage state, and each collector's last run. */
import type { RunningService } from '../../src/service';
import { startTestService } from '../support/test-service';

describe('health and status', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startTestService();
    await service.context.manager.tick();
  }, 60_000);
  afterAll(() => service.close());

  test('health answers 200 {"status":"ok"} with the storage in use', async () => {
    const res = await service.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ok',
      mode: 'dummy',
      storage: { database: { kind: 'pglite', ok: true }, cache: { kind: 'memory', ok: true } },
    });
  });

  test('status shows the dummy collector’s last run: servers, samples, the unreachable one', async () => {
    const res = await service.app.request('/api/status');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, any>;
    expect(body.mode).toBe('dummy');
    expect(body.collection).toMatchObject({
      intervalMs: 10_000,
      runs: 1,
      skippedRuns: 0,
      pendingSamples: 0,
      lastWriteError: null,
    });
    expect(body.collectors).toEqual([
      expect.objectContaining({
        name: 'dummy',
        state: 'ok',
        servers: 30,
        samples: 29,
        unreachable: 1,
        lastError: null,
        lastDurationMs: expect.any(Number),
      }),
    ]);
    expect(body.retention).toMatchObject({ hours: 24 });
  });
});
