/** This Linux machine's counters and gauges, read from /proc, statfs and `os` the way node_exporter reads them. */
import { readFile, statfs } from 'node:fs/promises';
import { loadavg, uptime } from 'node:os';
import { VIRTUAL_INTERFACES } from '../collectors/prometheus/fleet-queries';
import { readDiskCounters, type DiskCounters } from './disk-stats';

/** Monotonic counters: rates come from the difference of two readings. */
export interface Counters {
  /** Seconds of CPU time, all CPUs: idle only, and every mode (guest time is already inside user/nice). */
  cpuIdleSeconds: number;
  cpuTotalSeconds: number;
  networkInBytes: number;
  networkOutBytes: number;
}

export interface Gauges {
  memoryUsage: number | null;
  diskUsage: number | null;
  load1m: number;
  uptimeSeconds: number;
}

export interface MachineReading {
  at: Date;
  counters: Counters;
  gauges: Gauges;
  /** Bytes read and written per disk; absent where /proc/diskstats cannot be read. */
  disks?: DiskCounters;
}

/** USER_HZ: the unit of /proc/stat, 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;
const PHYSICAL_INTERFACE = new RegExp(`^(?:${VIRTUAL_INTERFACES})$`);

/** `/proc/stat`'s aggregate line: user nice system idle iowait irq softirq steal (guest columns left out). */
export function parseCpuSeconds(procStat: string): { idle: number; total: number } {
  const line = procStat.split('\n').find((l) => l.startsWith('cpu '));
  if (!line) throw new Error('/proc/stat has no aggregate "cpu" line');
  const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (ticks.length < 4 || ticks.some((t) => !Number.isFinite(t)))
    throw new Error(`/proc/stat cpu line is unreadable: ${line}`);
  return { idle: ticks[3] / CLOCK_TICKS_PER_SECOND, total: ticks.reduce((a, b) => a + b, 0) / CLOCK_TICKS_PER_SECOND };
}

/** Used share of memory: 1 - MemAvailable / MemTotal, in percent; null when the kernel lacks MemAvailable. */
export function parseMemoryUsage(meminfo: string): number | null {
  const kib = (name: string) => {
    const match = new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(meminfo);
    return match ? Number(match[1]) : null;
  };
  const [total, available] = [kib('MemTotal'), kib('MemAvailable')];
  return total && available !== null ? 100 * (1 - available / total) : null;
}

/** Bytes received and sent by physical interfaces (columns 1 and 9 of /proc/net/dev). */
export function parseNetworkBytes(netDev: string): { inBytes: number; outBytes: number } {
  let inBytes = 0;
  let outBytes = 0;
  for (const line of netDev.split('\n').slice(2)) {
    const [name, data] = line.split(':');
    if (data === undefined || PHYSICAL_INTERFACE.test(name.trim())) continue;
    const fields = data.trim().split(/\s+/).map(Number);
    inBytes += fields[0];
    outBytes += fields[8];
  }
  return { inBytes, outBytes };
}

/** df's Use% of the root filesystem: used / (used + available to unprivileged users). */
export async function rootDiskUsage(): Promise<number | null> {
  const fs = await statfs('/');
  const used = fs.blocks - fs.bfree;
  return used + fs.bavail > 0 ? (100 * used) / (used + fs.bavail) : null;
}

/** One reading of this machine. */
export async function readMachine(): Promise<MachineReading> {
  const [stat, meminfo, netDev, diskUsage, disks] = await Promise.all([
    readFile('/proc/stat', 'utf8'),
    readFile('/proc/meminfo', 'utf8'),
    readFile('/proc/net/dev', 'utf8'),
    rootDiskUsage(),
    readDiskCounters().catch(() => undefined),
  ]);
  const cpu = parseCpuSeconds(stat);
  const network = parseNetworkBytes(netDev);
  return {
    at: new Date(),
    counters: {
      cpuIdleSeconds: cpu.idle,
      cpuTotalSeconds: cpu.total,
      networkInBytes: network.inBytes,
      networkOutBytes: network.outBytes,
    },
    gauges: { memoryUsage: parseMemoryUsage(meminfo), diskUsage, load1m: loadavg()[0], uptimeSeconds: uptime() },
    disks,
  };
}
