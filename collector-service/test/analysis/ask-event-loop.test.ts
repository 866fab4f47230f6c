/**
 * The first question after a start reads a day of every server's series and runs every anomaly detector
 * over it: half a second of work for the 30-server dummy fleet. Other requests and collection run in between.
 */
import type { RunningService } from '../../src/service';
import { watchEventLoop } from '../support/event-loop-watch';
import { startTestService } from '../support/test-service';

describe('an ask over the whole fleet, right after a start', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startTestService({ env: { DUMMY_BACKFILL_HOURS: '24' } });
    await service.backfillDone;
    await service.context.manager.tick();
  }, 120_000);
  afterAll(() => service?.close());

  test('does not hold the event loop while it works', async () => {
    const {
      result: answer,
      tookMs,
      turns,
      longestGapMs,
    } = await watchEventLoop(() => service.context.analysis.ask('Which servers show anomalies in the last 24 hours?'));

    expect(answer.intent).toBe('anomalies');
    expect(tookMs).toBeGreaterThan(100);
    expect(turns).toBeGreaterThan(10);
    expect(longestGapMs).toBeLessThan(tookMs / 3);
  });
});
