/** Reading this Linux machine: the /proc parsers on known text, and a live reading against other sources. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { totalmem } from 'node:os';
import { parseCpuSeconds, parseMemoryUsage, parseNetworkBytes, readMachine } from '../../src/agent/proc-readings';

test('CPU seconds: idle alone, total of the eight modes (guest is already inside user)', () => {
  const stat = 'cpu  1000 20 300 5000 40 5 6 7 900 1\ncpu0 500 10 150 2500 20 2 3 3 450 0\nintr 1 2 3\n';
  expect(parseCpuSeconds(stat)).toEqual({ idle: 50, total: 63.78 });
  expect(() => parseCpuSeconds('intr 1 2\n')).toThrow('/proc/stat has no aggregate "cpu" line');
});

test('memory: 1 - MemAvailable / MemTotal; null on kernels without MemAvailable', () => {
  expect(parseMemoryUsage('MemTotal:       16000000 kB\nMemFree:  100 kB\nMemAvailable:   4000000 kB\n')).toBe(75);
  expect(parseMemoryUsage('MemTotal:       16000000 kB\nMemFree:  100 kB\n')).toBeNull();
});

test('network: bytes of physical interfaces only (loopback, veth, docker, bridges left out)', () => {
  const netDev = [
    'Inter-|   Receive                                                |  Transmit',
    ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
    '    lo: 9999999     100    0    0    0     0          0         0  9999999     100    0    0    0     0       0          0',
    '  eth0:    1000      10    0    0    0     0          0         0     400       4    0    0    0     0       0          0',
    '  ens5:     500       5    0    0    0     0          0         0     100       1    0    0    0     0       0          0',
    'veth1a2b:  77777     7    0    0    0     0          0         0    7777       7    0    0    0     0       0          0',
    'docker0:   66666     6    0    0    0     0          0         0    6666       6    0    0    0     0       0          0',
    'br-3f2e1:  55555     5    0    0    0     0          0         0    5555       5    0    0    0     0       0          0',
    '',
  ].join('\n');
  expect(parseNetworkBytes(netDev)).toEqual({ inBytes: 1500, outBytes: 500 });
});

test('a live reading of this machine agrees with /proc, df and os', async () => {
  const reading = await readMachine();
  const meminfo = readFileSync('/proc/meminfo', 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(meminfo)![1]);
  expect(kib('MemTotal') * 1024).toBe(totalmem());
  expect(Math.abs(reading.gauges.memoryUsage! - 100 * (1 - kib('MemAvailable') / kib('MemTotal')))).toBeLessThan(2);

  // df -P prints Use% rounded up to a whole percent
  const dfUse = Number(
    execFileSync('df', ['-P', '/'], { encoding: 'utf8' }).trim().split('\n')[1].split(/\s+/)[4].replace('%', '')
  );
  expect(reading.gauges.diskUsage!).toBeGreaterThan(dfUse - 1.5);
  expect(reading.gauges.diskUsage!).toBeLessThanOrEqual(dfUse + 0.5);

  const procUptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  expect(Math.abs(reading.gauges.uptimeSeconds - procUptime)).toBeLessThan(2);
  expect(reading.counters.cpuTotalSeconds).toBeGreaterThan(reading.counters.cpuIdleSeconds);
  expect(reading.counters.networkInBytes).toBeGreaterThanOrEqual(0);
});
