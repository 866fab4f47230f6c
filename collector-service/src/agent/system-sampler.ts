/** Reads this machine on a fixed interval and keeps the newest sample, rates from the last two readings. */
import type { Readings } from '../domain/metrics';
import type { AppMetricEntry, ServiceEntry, VolumeEntry } from '../collectors/custom-api/host-report-entries';
import { volumeRates } from './disk-stats';
import { readMachine, type MachineReading } from './proc-readings';

/** What the host reports beyond its readings, read at each sample; absent when it cannot be read. */
export interface HostExtras {
  services?: ServiceEntry[];
  appMetrics?: AppMetricEntry[];
}

/** What the agent serves for its server; null where a reading is not available (yet). */
export interface AgentSample extends Readings {
  at: Date;
  /** Disk I/O since the previous reading; absent on the first. */
  volumes?: VolumeEntry[];
  services?: ServiceEntry[];
  appMetrics?: AppMetricEntry[];
}

/** A sample from a reading and the one before it: CPU share and bytes per second come from counter deltas. */
export function sampleBetween(previous: MachineReading | null, reading: MachineReading): AgentSample {
  const { counters, gauges } = reading;
  const seconds = previous ? (reading.at.getTime() - previous.at.getTime()) / 1000 : 0;
  const rate = (now: number, before: number | undefined) =>
    before === undefined || seconds <= 0 || now < before ? null : (now - before) / seconds;
  const busy = () => {
    if (!previous) return null;
    const total = counters.cpuTotalSeconds - previous.counters.cpuTotalSeconds;
    const idle = counters.cpuIdleSeconds - previous.counters.cpuIdleSeconds;
    return total > 0 && idle >= 0 ? Math.min(100, Math.max(0, 100 * (1 - idle / total))) : null;
  };
  const volumes =
    previous?.disks && reading.disks ? { volumes: volumeRates(previous.disks, reading.disks, seconds) } : {};
  return {
    ...volumes,
    at: reading.at,
    cpuUsage: busy(),
    memoryUsage: gauges.memoryUsage,
    diskUsage: gauges.diskUsage,
    networkInBytes: rate(counters.networkInBytes, previous?.counters.networkInBytes),
    networkOutBytes: rate(counters.networkOutBytes, previous?.counters.networkOutBytes),
    load1m: gauges.load1m,
    uptimeSeconds: gauges.uptimeSeconds,
  };
}

export interface SystemSamplerOptions {
  intervalMs: number;
  read?: () => Promise<MachineReading>;
  /** Services and application metrics, read beside each reading. */
  readExtras?: () => Promise<HostExtras>;
  /** Called when a reading fails; the previous sample is kept (and ages). */
  onError?: (error: unknown) => void;
}

export class SystemSampler {
  private previous: MachineReading | null = null;
  private current: AgentSample | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly read: () => Promise<MachineReading>;

  constructor(private readonly options: SystemSamplerOptions) {
    this.read = options.read ?? readMachine;
  }

  /** Takes the first reading (so gauges are served at once), then one every interval. */
  async start(): Promise<void> {
    await this.sampleOnce();
    this.timer = setInterval(() => {
      this.sampleOnce().catch((error: unknown) => this.options.onError?.(error));
    }, this.options.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  latest(): AgentSample | null {
    return this.current;
  }

  private async sampleOnce(): Promise<void> {
    const [reading, extras] = await Promise.all([this.read(), this.options.readExtras?.() ?? {}]);
    this.current = { ...sampleBetween(this.previous, reading), ...extras };
    this.previous = reading;
  }
}
