/** Relations are looked for across the whole fleet: at thousands of servers that is long work, cut into slices. */
import { relationsOf } from '../../../src/analysis/engine/checks/relations';
import type { IntentContext } from '../../../src/analysis/engine/intent-context';
import { watchEventLoop } from '../../support/event-loop-watch';

const POINTS = 360;
const STEP_MS = 60_000;

function fleetContext(servers: number): IntentContext {
  const wave = (phase: number) => Float64Array.from({ length: POINTS }, (_, i) => Math.sin(i / 7 + phase) + (i % 13));
  return {
    time: { fromMs: 0, toMs: POINTS * STEP_MS },
    snapshot: { records: Array.from({ length: servers }, (_, i) => ({ id: `S-${i}` })) },
    data: {
      aligned: (serverId: string) => ({ values: wave(Number(serverId.slice(2)) % 5), stepMs: STEP_MS }),
    },
  } as unknown as IntentContext;
}

test('a fleet of 200 servers is searched without holding the event loop: other work runs in between', async () => {
  const {
    result: relations,
    tookMs,
    turns,
    longestGapMs,
  } = await watchEventLoop(() => relationsOf(fleetContext(200), 'S-0', 'cpu'));

  // The search itself still finds what moves with S-0 (servers with the same phase move exactly alike).
  expect(relations![0]).toMatchObject({ r: expect.closeTo(1, 6), lagMs: 0 });
  expect(tookMs).toBeGreaterThan(50);
  expect(turns).toBeGreaterThan(2);
  expect(longestGapMs).toBeLessThan(Math.max(100, tookMs / 2));
});
