import { findOutages } from '../../../src/analysis/detectors/availability';
import { findRestart } from '../../../src/analysis/detectors/restart';
import type { ServerRecord } from '../../../src/domain/server-state';
import { sample, serverInfo } from '../../support/samples';

const NOW = Date.UTC(2026, 0, 1, 12);
const INTERVAL = 10_000;
const record = (id: string, over: Partial<ServerRecord>): ServerRecord => ({
  ...serverInfo(id),
  reachable: true,
  lastSeenAt: new Date(NOW - 5_000),
  lastStatus: 'online',
  ...over,
});

describe('findOutages', () => {
  test('unreachable, stale (older than 3 intervals) and never-seen servers are offline, with since-when', () => {
    const outages = findOutages(
      [
        record('FRESH', {}),
        record('UNREACHABLE', { reachable: false, lastSeenAt: new Date(NOW - 17 * 60_000) }),
        record('STALE', { lastSeenAt: new Date(NOW - 31_000) }),
        record('EDGE', { lastSeenAt: new Date(NOW - 30_000) }),
        record('NEVER', { lastSeenAt: null }),
      ],
      NOW,
      INTERVAL
    );
    expect(outages.map((o) => [o.serverId, o.reason, o.silentForMs])).toEqual([
      ['NEVER', 'never-seen', null],
      ['UNREACHABLE', 'unreachable', 17 * 60_000],
      ['STALE', 'stale', 31_000],
    ]);
  });
});

describe('findRestart', () => {
  test('an uptime shorter than the window is a restart at sample time - uptime', () => {
    const s = sample('WEB-1', NOW, { uptimeSeconds: 600 });
    expect(findRestart(s, NOW - 3_600_000)).toEqual({
      serverId: 'WEB-1',
      bootedAtMs: NOW - 600_000,
      uptimeSeconds: 600,
    });
  });

  test('a long uptime, or none reported, is no restart', () => {
    expect(findRestart(sample('WEB-1', NOW, { uptimeSeconds: 86_400 }), NOW - 3_600_000)).toBeNull();
    expect(findRestart(sample('WEB-1', NOW, { uptimeSeconds: null }), NOW - 3_600_000)).toBeNull();
  });
});
