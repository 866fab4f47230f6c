/**
 * The five always-active scenarios of the simulated fleet, as changes to a server's healthy readings.
 * Each is a pure function of time, so backfilled history and live samples agree.
 */
import type { Baseline, Readings } from './baseline';
import { dailyCycle } from './baseline';
import { signed, smooth, unit } from './noise';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type ScenarioId = 'S1' | 'S2' | 'S3' | 'S4' | 'S5';

export const SCENARIO_SERVERS: Record<string, ScenarioId> = {
  'DB-EU-002': 'S1',
  'ONPREM-FILE-01': 'S2',
  'K8S-WORKER-03': 'S3',
  'API-US-001': 'S4',
  'DB-EU-001': 'S4',
  'WEB-US-003': 'S5',
};

/** The S2 disk cycle: fills at this many points per hour from 80.5 % until a clean-up at the end of the period. */
export const S2_DISK_RATE_PER_HOUR = 1.2;
const S2_PERIOD = 16 * HOUR;
/** The S3 leak: memory climbs from 48 % to 82 % over each period, then the process restarts. */
const S3_PERIOD = 6 * HOUR;
/** S4: API-US-001 spikes every 15 minutes for 3 minutes; DB-EU-001 follows one minute later. */
export const S4_SPIKE_PERIOD = 15 * MINUTE;
export const S4_LAG = MINUTE;
const S4_SPIKE_LENGTH = 3 * MINUTE;

/** Position in a repeating period, shifted by a seeded whole-minute offset so scenarios do not line up. */
function phase(seed: number, channel: number, timeMs: number, period: number): number {
  const offset = Math.floor((unit(seed, 0x5ce7, channel) * period) / MINUTE) * MINUTE;
  return (((timeMs - offset) % period) + period) % period;
}

/** When ONPREM-FILE-01's disk was last cleaned up (S2), at or before `timeMs`. */
export function s2LastCleanup(seed: number, timeMs: number): number {
  return timeMs - phase(seed, 2, timeMs, S2_PERIOD);
}

/** When K8S-WORKER-03's leaking process last restarted (S3's memory reset), at or before `timeMs`. */
export function s3LastReset(seed: number, timeMs: number): number {
  return timeMs - phase(seed, 3, timeMs, S3_PERIOD);
}

/** How many S3 resets happened in (fromMs, toMs]. */
export function s3ResetsBetween(seed: number, fromMs: number, toMs: number): number {
  return Math.round((s3LastReset(seed, toMs) - s3LastReset(seed, fromMs)) / S3_PERIOD);
}

function white(seed: number, b: Baseline, channel: number, timeMs: number): number {
  return signed(seed, b.key, 200 + channel, Math.floor(timeMs / 1000));
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function applyScenario(serverId: string, r: Readings, b: Baseline, seed: number, timeMs: number): Readings {
  switch (SCENARIO_SERVERS[serverId]) {
    case 'S1': {
      const cycle = dailyCycle(timeMs, b.utcOffsetHours);
      const cpu =
        85 + 3.5 * cycle + 1.5 * smooth(seed, b.key, 11, timeMs, 5 * MINUTE) + 0.5 * white(seed, b, 1, timeMs);
      const memory = 92 + 1.2 * smooth(seed, b.key, 12, timeMs, 45 * MINUTE) + 0.3 * white(seed, b, 2, timeMs);
      return { ...r, cpu: clamp(cpu, 80.2, 89.8), memory: clamp(memory, 90.2, 93.8), load: (b.cores * cpu) / 100 };
    }
    case 'S2': {
      const hours = phase(seed, 2, timeMs, S2_PERIOD) / HOUR;
      return { ...r, disk: 80.5 + S2_DISK_RATE_PER_HOUR * hours + 0.02 * white(seed, b, 3, timeMs) };
    }
    case 'S3': {
      const progress = phase(seed, 3, timeMs, S3_PERIOD) / S3_PERIOD;
      return { ...r, memory: 48 + 34 * progress + 0.4 * white(seed, b, 4, timeMs) };
    }
    case 'S4': {
      const leader = serverId === 'API-US-001';
      const p = phase(seed, 4, timeMs - (leader ? 0 : S4_LAG), S4_SPIKE_PERIOD);
      const peak = (leader ? 78 : 70) + 3 * white(seed, b, 5, timeMs);
      const cpu = p < S4_SPIKE_LENGTH ? peak : clamp(r.cpu, 1, leader ? 34 : 38);
      return { ...r, cpu, load: (b.cores * cpu) / 100 };
    }
    default:
      return r;
  }
}
