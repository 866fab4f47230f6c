/** Disk I/O per device from /proc/diskstats: byte counters per reading, bytes per second between two. */
import { readFile } from 'node:fs/promises';
import type { VolumeEntry } from '../collectors/custom-api/host-report-entries';

/** Bytes read and written since boot, per whole disk. */
export type DiskCounters = Record<string, { readBytes: number; writeBytes: number }>;

/** /proc/diskstats counts 512-byte sectors whatever the device's own sector size. */
const SECTOR_BYTES = 512;
/** node_exporter's default exclusion: RAM disks, loop and floppy devices, and partitions (whose I/O their disk already counts). */
const NOT_A_DISK = /^(?:z?ram|loop|fd|(?:h|s|v|xv)d[a-z]+|nvme\d+n\d+p|mmcblk\d+p)\d+$/;

/** Columns: major minor name reads merged sectors_read ms writes merged sectors_written ... */
export function parseDiskStats(diskstats: string): DiskCounters {
  const disks: DiskCounters = {};
  for (const line of diskstats.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10) continue;
    const [name, sectorsRead, sectorsWritten] = [fields[2], Number(fields[5]), Number(fields[9])];
    if (NOT_A_DISK.test(name) || !Number.isFinite(sectorsRead) || !Number.isFinite(sectorsWritten)) continue;
    disks[name] = { readBytes: sectorsRead * SECTOR_BYTES, writeBytes: sectorsWritten * SECTOR_BYTES };
  }
  return disks;
}

export async function readDiskCounters(path = '/proc/diskstats'): Promise<DiskCounters> {
  return parseDiskStats(await readFile(path, 'utf8'));
}

/** Bytes per second of each disk present in both readings; a counter that went back (a wrap, a re-attached disk) gives no rate. */
export function volumeRates(previous: DiskCounters, current: DiskCounters, seconds: number): VolumeEntry[] {
  if (seconds <= 0) return [];
  return Object.entries(current).flatMap(([name, now]) => {
    const before = previous[name];
    if (!before || now.readBytes < before.readBytes || now.writeBytes < before.writeBytes) return [];
    return [
      {
        name,
        read_bytes_per_second: (now.readBytes - before.readBytes) / seconds,
        write_bytes_per_second: (now.writeBytes - before.writeBytes) / seconds,
      },
    ];
  });
}
