/** The on-disk spool: order, survival across reopen, torn writes cut off, the size bound, consumption remembered. */
import { appendFile, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SegmentSpool } from '../../src/collection/spool/segment-spool';
import { silentLog } from '../support/services';

const MiB = 1024 * 1024;
const text = (i: number, size = 100) => Buffer.from(`${i}:`.padEnd(size, 'x'));

async function drain(spool: SegmentSpool): Promise<string[]> {
  const out: string[] = [];
  for (let r = await spool.oldest(); r; r = await spool.oldest()) {
    out.push(r.payload.toString().split(':')[0]);
    await spool.consumeOldest();
  }
  return out;
}

describe('segment spool', () => {
  let dir: string;
  beforeEach(async () => {
    dir = path.join(await mkdtemp(path.join(tmpdir(), 'om-spool-')), 'spool');
  });
  afterEach(() => rm(path.dirname(dir), { recursive: true, force: true }));

  test('records come back in order after a reopen, and consumption survives a reopen', async () => {
    const spool = await SegmentSpool.open(dir, MiB, silentLog);
    for (let i = 0; i < 5; i++) await spool.append(text(i));
    expect(spool.stats()).toMatchObject({ records: 5, dropped: 0 });
    await spool.oldest();
    await spool.consumeOldest();
    await spool.oldest();
    await spool.consumeOldest();

    const reopened = await SegmentSpool.open(dir, MiB, silentLog);
    expect(reopened.stats().records).toBe(3);
    expect(await drain(reopened)).toEqual(['2', '3', '4']);
    expect(reopened.isEmpty()).toBe(true);
    expect(await readdir(dir)).not.toContain(expect.stringMatching(/\.seg$/));
  });

  test('a record torn by a crash mid-write is cut off on open; later appends are readable', async () => {
    const spool = await SegmentSpool.open(dir, MiB, silentLog);
    await spool.append(text(1));
    await spool.append(text(2));
    const [segment] = (await readdir(dir)).filter((f) => f.endsWith('.seg'));
    const before = (await stat(path.join(dir, segment))).size;
    // half a record: a header announcing 100 bytes, and 10 of them
    const torn = Buffer.alloc(18);
    torn.writeUInt32LE(100, 0);
    await appendFile(path.join(dir, segment), torn);

    const reopened = await SegmentSpool.open(dir, MiB, silentLog);
    expect((await stat(path.join(dir, segment))).size).toBe(before);
    await reopened.append(text(3));
    expect(await drain(reopened)).toEqual(['1', '2', '3']);
  });

  test('a flipped byte fails the checksum: that record and the rest of its segment are not replayed as data', async () => {
    const spool = await SegmentSpool.open(dir, MiB, silentLog);
    await spool.append(text(1));
    await spool.append(text(2));
    const [segment] = (await readdir(dir)).filter((f) => f.endsWith('.seg'));
    const file = path.join(dir, segment);
    const { open } = await import('node:fs/promises');
    const fh = await open(file, 'r+');
    await fh.write(Buffer.from('Z'), 0, 1, 108 + 8 + 5); // inside the second record's payload
    await fh.close();
    const reopened = await SegmentSpool.open(dir, MiB, silentLog);
    expect(await drain(reopened)).toEqual(['1']);
  });

  test('past its bound the oldest records are dropped and counted; the newest are kept', async () => {
    const spool = await SegmentSpool.open(dir, MiB, silentLog);
    const record = 10 * 1024;
    for (let i = 0; i < 300; i++) await spool.append(text(i, record));
    const stats = spool.stats();
    expect(stats.bytes).toBeLessThanOrEqual(MiB);
    expect(stats.dropped).toBeGreaterThan(0);
    expect(stats.records + stats.dropped).toBe(300);
    const left = await drain(spool);
    expect(left.at(-1)).toBe('299');
    expect(Number(left[0])).toBe(stats.dropped);
  });

  test('a record larger than the whole spool is dropped and counted, not written', async () => {
    const spool = await SegmentSpool.open(dir, MiB, silentLog);
    expect(await spool.append(Buffer.alloc(MiB + 1))).toBe(false);
    expect(spool.stats()).toEqual({ bytes: 0, records: 0, dropped: 1 });
  });
});
