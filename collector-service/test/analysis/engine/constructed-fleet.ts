/**
 * A small fleet with known truths, written straight into the store: six hours of one-minute samples
 * ending now. Each server carries one behaviour the engine must find (or must not invent).
 */
import type { ServerMetrics } from '../../../src/domain/metrics';
import type { ServerRecord } from '../../../src/domain/server-state';
import type { MetricsStore } from '../../../src/storage/metrics-store';
import { recordsFor, sample, serverInfo } from '../../support/samples';
import { noise } from '../series-builders';

const MINUTE = 60_000;
export const HISTORY_MINUTES = 6 * 60;

export const TRUTH = {
  /** cpu 95: critical (threshold 85). */
  critical: 'DB-1',
  healthy: 'APP-1',
  /** disk 70 % rising 3 points an hour. */
  filling: 'FILL-1',
  fillRatePerHour: 3,
  /** memory sawtooth: 40 % rising 8 points an hour, restarted every 3 h. */
  leaking: 'LEAK-1',
  /** cpu spikes every 12 minutes; DOWN-1 follows UP-1 two minutes later. */
  leader: 'UP-1',
  follower: 'DOWN-1',
  lagMinutes: 2,
  /** unreachable for the last 20 minutes. */
  offline: 'GONE-1',
  offlineMinutes: 20,
  /** only 10 minutes of history. */
  newcomer: 'NEW-1',
  /** inbound traffic doubles 10 minutes ago; API-1's cpu follows a minute later. */
  upstream: 'WEB-1',
  downstream: 'API-1',
  /** booted 10 minutes ago. */
  restarted: 'BOOT-1',
} as const;

function behaviour(id: string, m: number, n: () => number): Partial<ServerMetrics> | null {
  const minutesAgo = HISTORY_MINUTES - 1 - m;
  const spike = (offset: number) => (((m - offset) % 12) + 12) % 12 < 3;
  switch (id) {
    case TRUTH.critical:
      return { cpuUsage: 95 + 0.5 * n(), memoryUsage: 60 + 0.3 * n() };
    case TRUTH.filling:
      return { diskUsage: 70 + (TRUTH.fillRatePerHour * m) / 60 + 0.02 * n() };
    case TRUTH.leaking:
      return { memoryUsage: 40 + (8 * (m % 180)) / 60 + 0.2 * n() };
    case TRUTH.leader:
      return { cpuUsage: spike(5) ? 80 + n() : 20 + 2 * n() };
    case TRUTH.follower:
      return { cpuUsage: spike(5 + TRUTH.lagMinutes) ? 75 + n() : 25 + 2 * n() };
    case TRUTH.offline:
      return minutesAgo < TRUTH.offlineMinutes ? null : {};
    case TRUTH.newcomer:
      return minutesAgo < 10 ? { diskUsage: 50 + m / 60 } : null;
    case TRUTH.upstream:
      return { networkInBytes: (minutesAgo < 10 ? 8_000_000 : 4_000_000) * (1 + 0.01 * n()) };
    case TRUTH.downstream:
      return { cpuUsage: (minutesAgo < 9 ? 60 : 30) + 0.5 * n() };
    case TRUTH.restarted:
      return { uptimeSeconds: minutesAgo < 10 ? (10 - minutesAgo) * 60 : 30 * 86_400 + m * 60 };
    default:
      return {};
  }
}

export const FLEET_IDS = [
  TRUTH.healthy,
  TRUTH.critical,
  TRUTH.filling,
  TRUTH.leaking,
  TRUTH.leader,
  TRUTH.follower,
  TRUTH.offline,
  TRUTH.newcomer,
  TRUTH.upstream,
  TRUTH.downstream,
  TRUTH.restarted,
];

/** Writes the fleet's history, its newest samples at the start of `nowMs`'s minute; returns that time and the inventory rows. */
export async function writeConstructedFleet(
  store: MetricsStore,
  nowMs: number
): Promise<{ endMs: number; records: ServerRecord[] }> {
  const end = Math.floor(nowMs / MINUTE) * MINUTE;
  const samples: ServerMetrics[] = [];
  FLEET_IDS.forEach((id, k) => {
    const n = noise(100 + k);
    for (let m = 0; m < HISTORY_MINUTES; m++) {
      const t = end - (HISTORY_MINUTES - 1 - m) * MINUTE;
      const over = behaviour(id, m, n);
      if (over === null) continue;
      samples.push(
        sample(id, t, {
          cpuUsage: 20 + n(),
          memoryUsage: 40 + 0.3 * n(),
          diskUsage: 30,
          networkInBytes: 1_000_000,
          networkOutBytes: 2_000_000,
          uptimeSeconds: 30 * 86_400,
          ...over,
        })
      );
    }
  });
  const records = recordsFor(
    samples,
    FLEET_IDS.map((id) => serverInfo(id, { role: id === TRUTH.critical ? 'database' : 'app' }))
  );
  for (const r of records) if (r.id === TRUTH.offline) r.reachable = false;
  for (let i = 0; i < samples.length; i += 5_000)
    await store.write({ servers: i === 0 ? records : [], samples: samples.slice(i, i + 5_000) });
  return { endMs: end, records };
}
