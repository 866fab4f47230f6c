/** Healthy behaviour of a simulated server: a daily cycle in its region's local time plus noise, below warning levels. */
import type { ServerInfo } from '../../domain/metrics';
import { keyOf, signed, smooth, unit } from './noise';

export interface Readings {
  cpu: number;
  memory: number;
  disk: number;
  networkIn: number;
  networkOut: number;
  load: number;
  uptimeSeconds: number;
}

/** Per-server constants drawn once from the seed. */
export interface Baseline {
  key: number;
  utcOffsetHours: number;
  cpu: number;
  cpuSwing: number;
  memory: number;
  memorySwing: number;
  disk: number;
  networkIn: number;
  networkOut: number;
  cores: number;
  bootMs: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const UTC_OFFSET_BY_REGION: Record<string, number> = {
  'ap-northeast-2': 9,
  'seoul-dc1': 9,
  'us-east-1': -5,
  'eu-west-1': 0,
};

/** Typical traffic by role, bytes per second in / out. */
const NETWORK_BY_ROLE: Record<string, [number, number]> = {
  web: [4_000_000, 12_000_000],
  api: [3_000_000, 5_000_000],
  database: [6_000_000, 9_000_000],
  cache: [8_000_000, 8_000_000],
  file: [10_000_000, 6_000_000],
  backup: [15_000_000, 1_000_000],
  batch: [2_000_000, 1_000_000],
};
const DEFAULT_NETWORK: [number, number] = [1_500_000, 1_200_000];

const CORES_BY_ROLE: Record<string, number> = {
  database: 16,
  cache: 8,
  worker: 8,
  batch: 16,
  file: 4,
  'control-plane': 4,
};

export function baselineOf(server: ServerInfo, seed: number, epochMs: number): Baseline {
  const key = keyOf(server.id);
  const draw = (channel: number) => unit(seed, key, channel);
  const [netIn, netOut] = NETWORK_BY_ROLE[server.role] ?? DEFAULT_NETWORK;
  return {
    key,
    utcOffsetHours: UTC_OFFSET_BY_REGION[server.region] ?? 0,
    cpu: 15 + 20 * draw(1),
    cpuSwing: 5 + 10 * draw(2),
    memory: 35 + 25 * draw(3),
    memorySwing: 2 + 4 * draw(4),
    disk: 20 + 45 * draw(5),
    networkIn: netIn * (0.6 + 0.8 * draw(6)),
    networkOut: netOut * (0.6 + 0.8 * draw(7)),
    cores: CORES_BY_ROLE[server.role] ?? 4,
    // booted 3 to 90 days before the epoch, at a whole second
    bootMs: Math.floor((epochMs - (3 + 87 * draw(8)) * DAY) / 1000) * 1000,
  };
}

/** +1 at 14:00 local time, -1 at 02:00. */
export function dailyCycle(timeMs: number, utcOffsetHours: number): number {
  const localHour = (((timeMs / HOUR + utcOffsetHours) % 24) + 24) % 24;
  return Math.cos((2 * Math.PI * (localHour - 14)) / 24);
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function healthyReadings(b: Baseline, seed: number, timeMs: number): Readings {
  const cycle = dailyCycle(timeMs, b.utcOffsetHours);
  const second = Math.floor(timeMs / 1000);
  const white = (channel: number) => signed(seed, b.key, 100 + channel, second);
  const cpu = clamp(
    b.cpu + b.cpuSwing * cycle + 4 * smooth(seed, b.key, 1, timeMs, 10 * 60_000) + 1.5 * white(1),
    1,
    65
  );
  const traffic = (1 + 0.5 * cycle) * (1 + 0.2 * smooth(seed, b.key, 4, timeMs, 15 * 60_000));
  return {
    cpu,
    memory: clamp(
      b.memory + b.memorySwing * cycle + 2 * smooth(seed, b.key, 2, timeMs, 30 * 60_000) + 0.3 * white(2),
      5,
      75
    ),
    disk: clamp(b.disk + 0.5 * smooth(seed, b.key, 3, timeMs, 6 * HOUR) + 0.05 * white(3), 1, 75),
    networkIn: Math.max(0, b.networkIn * traffic * (1 + 0.05 * white(4))),
    networkOut: Math.max(0, b.networkOut * traffic * (1 + 0.05 * white(5))),
    load: Math.max(0, (b.cores * cpu) / 100) * (1 + 0.1 * white(6)),
    uptimeSeconds: Math.max(0, Math.floor((timeMs - b.bootMs) / 1000)),
  };
}
