/**
 * GET /api/annotations?kinds=anomaly on a fixed clock: S2's disk clean-up repeats every 16 hours, and the
 * detector learns an event it has already seen in its 24 hours, so the clock puts exactly one clean-up in them.
 */
import type { Annotation } from '@openmanager/contract';
import { DummyCollector } from '../../src/collectors/dummy/dummy-collector';
import { s2LastCleanup } from '../../src/collectors/dummy/scenarios';
import { loadConfig } from '../../src/config';
import { startService, type RunningService } from '../../src/service';
import { silentLog } from '../support/services';

const HOUR = 3_600_000;

describe('anomaly annotations', () => {
  const config = loadConfig({ DATA_DIR: 'memory://', DUMMY_BACKFILL_HOURS: '24' });
  // 9.5 hours after a clean-up: the one before it (16 hours earlier) is outside the 24 hours of history.
  const recentCleanup = s2LastCleanup(config.dummy.seed, Date.now() - 9.5 * HOUR);
  const NOW = recentCleanup + 9.5 * HOUR;
  let service: RunningService;

  beforeAll(async () => {
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

  test('the S2 disk clean-up on ONPREM-FILE-01 is marked where it happened, and only usage metrics are marked', async () => {
    const disk = await service.app.request(
      `/api/servers/ONPREM-FILE-01/metrics?from=${NOW - 18 * HOUR}&to=${NOW - HOUR}&step=60&metrics=disk`
    );
    const { points } = (await disk.json()) as { points: Array<{ timestamp: string; disk: number }> };
    const cleanUp = points.findIndex((p, i) => i > 0 && points[i - 1].disk - p.disk > 10);
    expect(cleanUp).toBeGreaterThan(0);
    const at = Date.parse(points[cleanUp].timestamp);
    expect(Math.abs(at - recentCleanup)).toBeLessThanOrEqual(60_000);

    const res = await service.app.request(`/api/annotations?from=${NOW - 24 * HOUR}&to=${NOW}&kinds=anomaly`);
    const { annotations } = (await res.json()) as { annotations: Annotation[] };
    expect(annotations.every((a) => a.kind === 'anomaly' && ['cpu', 'memory', 'disk'].includes(a.metric))).toBe(true);
    const marked = annotations.find(
      (a) =>
        a.serverId === 'ONPREM-FILE-01' && a.metric === 'disk' && a.time <= at + 120_000 && a.timeEnd >= at - 60_000
    );
    expect(marked?.text).toMatch(/^ONPREM-FILE-01 disk unusual: 8\d(\.\d)? against a typical 9?\d(\.\d)?/);
  });
});
