/** Samples from readings: rates from counter deltas, gauges as read, and a sampler that survives a failed reading. */
import type { MachineReading } from '../../src/agent/proc-readings';
import { sampleBetween, SystemSampler } from '../../src/agent/system-sampler';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

function reading(atMs: number, idle: number, total: number, inBytes: number, outBytes: number): MachineReading {
  return {
    at: new Date(atMs),
    counters: { cpuIdleSeconds: idle, cpuTotalSeconds: total, networkInBytes: inBytes, networkOutBytes: outBytes },
    gauges: { memoryUsage: 41.5, diskUsage: 70.25, load1m: 1.2, uptimeSeconds: 900 },
  };
}

test('the first reading has gauges but no rates (null, not 0)', () => {
  expect(sampleBetween(null, reading(T0, 100, 200, 5000, 1000))).toEqual({
    at: new Date(T0),
    cpuUsage: null,
    memoryUsage: 41.5,
    diskUsage: 70.25,
    networkInBytes: null,
    networkOutBytes: null,
    load1m: 1.2,
    uptimeSeconds: 900,
  });
});

test('cpu is the busy share of the CPU time between two readings; network is bytes per second', () => {
  // 5 s on 2 CPUs: 10 CPU-seconds, 2.5 of them idle → 75 % busy
  const sample = sampleBetween(reading(T0, 100, 200, 5000, 1000), reading(T0 + 5000, 102.5, 210, 15_000, 3500));
  expect(sample).toMatchObject({ cpuUsage: 75, networkInBytes: 2000, networkOutBytes: 500 });
});

test('a counter that went backwards (interface reset) gives null for that reading', () => {
  const sample = sampleBetween(reading(T0, 100, 200, 5000, 1000), reading(T0 + 5000, 101, 210, 10, 2000));
  expect(sample).toMatchObject({ networkInBytes: null, networkOutBytes: 200, cpuUsage: 90 });
});

test('the sampler reads at once, then every interval, and keeps the last sample when a reading fails', async () => {
  jest.useFakeTimers({ now: T0 });
  try {
    const readings = [reading(T0, 100, 200, 0, 0), reading(T0 + 1000, 100.5, 202, 100, 50)];
    const errors: unknown[] = [];
    let calls = 0;
    const sampler = new SystemSampler({
      intervalMs: 1000,
      read: async () => {
        const next = readings[calls++];
        if (!next) throw new Error('statfs failed');
        return next;
      },
      onError: (error) => errors.push(error),
    });
    await sampler.start();
    expect(sampler.latest()).toMatchObject({ cpuUsage: null, memoryUsage: 41.5 });
    await jest.advanceTimersByTimeAsync(1000);
    expect(sampler.latest()).toMatchObject({ cpuUsage: 75, networkInBytes: 100, networkOutBytes: 50 });
    await jest.advanceTimersByTimeAsync(1000);
    expect(errors).toEqual([new Error('statfs failed')]);
    expect(sampler.latest()!.at).toEqual(new Date(T0 + 1000));
    sampler.stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(calls).toBe(3);
  } finally {
    jest.useRealTimers();
  }
});

test('disk I/O is bytes per second between two readings; services and application metrics come with each sample', async () => {
  const withDisks = (atMs: number, readBytes: number, writeBytes: number): MachineReading => ({
    ...reading(atMs, 100, 200, 0, 0),
    disks: { sda: { readBytes, writeBytes } },
  });
  expect(sampleBetween(null, withDisks(T0, 0, 0)).volumes).toBeUndefined();
  expect(sampleBetween(withDisks(T0, 1000, 0), withDisks(T0 + 2000, 5096, 1024)).volumes).toEqual([
    { name: 'sda', read_bytes_per_second: 2048, write_bytes_per_second: 512 },
  ]);

  const services = [{ name: 'nginx.service', state: 'active' as const, since: null }];
  const appMetrics = [{ name: 'queue_depth', labels: {}, value: 3 }];
  const sampler = new SystemSampler({
    intervalMs: 60_000,
    read: async () => withDisks(T0, 0, 0),
    readExtras: async () => ({ services, appMetrics }),
  });
  await sampler.start();
  sampler.stop();
  expect(sampler.latest()).toMatchObject({ services, appMetrics });
});
