/** Disk I/O from /proc/diskstats: whole disks only, bytes per second between two readings, on fixtures and on this machine. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDiskStats, readDiskCounters, volumeRates } from '../../src/agent/disk-stats';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

test('whole disks and device-mapper volumes are kept; partitions, loop, ram and zram devices are left out', () => {
  const disks = parseDiskStats(fixture('diskstats-t0.txt'));
  expect(Object.keys(disks).sort()).toEqual(['dm-0', 'nvme0n1', 'sda']);
  expect(disks.sda).toEqual({ readBytes: 5543194 * 512, writeBytes: 29432944 * 512 });
});

test('rates are sectors × 512 per second; a counter that went back or a new disk gives no rate', () => {
  const rates = volumeRates(
    parseDiskStats(fixture('diskstats-t0.txt')),
    parseDiskStats(fixture('diskstats-t1.txt')),
    5
  );
  expect(rates).toEqual([
    // 800 sectors read and 20 000 written in 5 s
    { name: 'sda', read_bytes_per_second: 81_920, write_bytes_per_second: 2_048_000 },
    { name: 'nvme0n1', read_bytes_per_second: 0, write_bytes_per_second: 0 },
  ]);
  expect(
    volumeRates(parseDiskStats(fixture('diskstats-t0.txt')), parseDiskStats(fixture('diskstats-t1.txt')), 0)
  ).toEqual([]);
});

test("this machine's /proc/diskstats: every whole disk listed, counters that only grow", async () => {
  const first = await readDiskCounters();
  const wholeDisks = readFileSync('/proc/diskstats', 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[2])
    .filter((name) => name && !/^(?:loop|z?ram)\d+$/.test(name) && !/\d+p\d+$|^[hsv]d[a-z]+\d+$/.test(name));
  expect(Object.keys(first).sort()).toEqual([...wholeDisks].sort());
  expect(wholeDisks.length).toBeGreaterThan(0);
  await new Promise((r) => setTimeout(r, 200));
  const rates = volumeRates(first, await readDiskCounters(), 0.2);
  expect(rates.map((r) => r.name).sort()).toEqual([...wholeDisks].sort());
  for (const rate of rates) {
    expect(rate.read_bytes_per_second).toBeGreaterThanOrEqual(0);
    expect(rate.write_bytes_per_second).toBeGreaterThanOrEqual(0);
  }
});
