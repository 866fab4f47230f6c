/**
 * An append-only, on-disk queue of opaque records in `<dir>/<seq>.seg` segment files, fsync'd on
 * every append, bounded by `maxBytes` (the oldest segment goes first, its records counted as
 * dropped). `cursor` remembers how far the oldest segment has been consumed. A torn record at the
 * end of a segment (a crash mid-write) is cut off when the spool is opened.
 *
 * One caller at a time: the sample writer serialises every call.
 */
import { mkdir, open, readdir, readFile, rename, truncate, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { decodeRecord, encodeRecord, scanRecords, type RecordSpan } from './record-codec';

export interface SpoolStats {
  /** Bytes of the segment files on disk. */
  bytes: number;
  /** Records not yet consumed. */
  records: number;
  /** Records dropped since start: the spool was full, or a record no longer checked out. */
  dropped: number;
}

export interface SpooledRecord {
  payload: Buffer;
}

interface Segment {
  seq: number;
  file: string;
  bytes: number;
  /** Unconsumed records, oldest first. */
  records: RecordSpan[];
}

const SEGMENT_FILE = /^(\d{10})\.seg$/;
const CURSOR_FILE = 'cursor';
const MIN_SEGMENT_BYTES = 64 * 1024;
const MAX_SEGMENT_BYTES = 16 * 1024 * 1024;

const segmentName = (seq: number) => `${String(seq).padStart(10, '0')}.seg`;

async function fsyncPath(p: string, flags = 'r'): Promise<void> {
  const fh = await open(p, flags);
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export class SegmentSpool {
  private dropped = 0;
  /** The segment appends go to; null when the next append starts a new one. */
  private active: Segment | null = null;

  private constructor(
    private readonly dir: string,
    private readonly maxBytes: number,
    private readonly segmentBytes: number,
    private readonly segments: Segment[],
    private nextSeq: number,
    private readonly log: Logger
  ) {
    this.active = segments.at(-1) ?? null;
  }

  /** Opens (creating) the spool in `dir`, recovering what a crash left. */
  static async open(dir: string, maxBytes: number, log: Logger): Promise<SegmentSpool> {
    await mkdir(dir, { recursive: true });
    const cursor = await readCursor(dir);
    const seqs = (await readdir(dir))
      .map((f) => SEGMENT_FILE.exec(f))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1]))
      .sort((a, b) => a - b);
    const segments: Segment[] = [];
    for (const seq of seqs) {
      const file = path.join(dir, segmentName(seq));
      if (seq < cursor.seq) {
        await unlink(file);
        continue;
      }
      const bytes = await readFile(file);
      const { records, validBytes } = scanRecords(bytes);
      if (validBytes < bytes.length) {
        log.warn(
          { segment: file, cutBytes: bytes.length - validBytes },
          'spool segment ends in a torn or damaged record; cut off'
        );
        await truncate(file, validBytes);
      }
      const unconsumed = seq === cursor.seq ? records.filter((r) => r.offset >= cursor.offset) : records;
      if (unconsumed.length === 0) {
        await unlink(file);
        continue;
      }
      segments.push({ seq, file, bytes: validBytes, records: unconsumed });
    }
    const segmentBytes = Math.min(MAX_SEGMENT_BYTES, Math.max(MIN_SEGMENT_BYTES, Math.floor(maxBytes / 8)));
    const nextSeq = Math.max(cursor.seq, ...seqs, 0) + 1;
    return new SegmentSpool(dir, maxBytes, segmentBytes, segments, nextSeq, log);
  }

  stats(): SpoolStats {
    let bytes = 0;
    let records = 0;
    for (const s of this.segments) {
      bytes += s.bytes;
      records += s.records.length;
    }
    return { bytes, records, dropped: this.dropped };
  }

  isEmpty(): boolean {
    return this.segments.length === 0;
  }

  /**
   * Appends one record and fsyncs it. Returns false when the record alone is larger than the spool
   * (it is dropped and counted); throws when the disk refuses the write.
   */
  async append(payload: Buffer): Promise<boolean> {
    const record = encodeRecord(payload);
    if (record.length > this.maxBytes) {
      this.dropped++;
      this.log.error({ bytes: record.length, maxBytes: this.maxBytes }, 'batch larger than SPOOL_MAX_BYTES: dropped');
      return false;
    }
    if (this.active && this.active.bytes + record.length > this.segmentBytes) this.active = null;
    this.makeRoom(record.length);
    const segment = this.active ?? (await this.startSegment());
    const fh = await open(segment.file, 'a');
    try {
      await fh.write(record);
      await fh.datasync();
    } catch (err) {
      // Leave no half record behind: cut back, or stop appending to this segment if even that fails.
      await fh.truncate(segment.bytes).catch(() => (this.active = null));
      throw err;
    } finally {
      await fh.close();
    }
    segment.records.push({ offset: segment.bytes, size: record.length });
    segment.bytes += record.length;
    return true;
  }

  /** The oldest unconsumed record, read back from disk; null when the spool is empty. */
  async oldest(): Promise<SpooledRecord | null> {
    while (this.segments.length > 0) {
      const segment = this.segments[0];
      const span = segment.records[0];
      const bytes = Buffer.alloc(span.size);
      const fh = await open(segment.file, 'r');
      try {
        await fh.read(bytes, 0, span.size, span.offset);
      } finally {
        await fh.close();
      }
      const payload = decodeRecord(bytes);
      if (payload) return { payload };
      this.dropped++;
      this.log.error({ segment: segment.file, offset: span.offset }, 'spooled record damaged on disk: dropped');
      await this.consumeOldest();
    }
    return null;
  }

  /** Marks the oldest record consumed (after it reached the database). */
  async consumeOldest(): Promise<void> {
    const segment = this.segments[0];
    const span = segment?.records.shift();
    if (!segment || !span) return;
    if (segment.records.length > 0) {
      await this.writeCursor(segment.seq, span.offset + span.size);
      return;
    }
    this.segments.shift();
    if (this.active === segment) this.active = null;
    await unlink(segment.file);
  }

  private makeRoom(recordBytes: number): void {
    let total = this.stats().bytes;
    while (total + recordBytes > this.maxBytes && this.segments.length > 0) {
      const oldest = this.segments.shift()!;
      if (this.active === oldest) this.active = null;
      total -= oldest.bytes;
      this.dropped += oldest.records.length;
      this.log.error(
        { segment: oldest.file, records: oldest.records.length },
        'spool full (SPOOL_MAX_BYTES): oldest batches dropped'
      );
      // A segment that cannot be removed now is removed on the next open (its seq is below the cursor's by then, or reread).
      unlink(oldest.file).catch((err: Error) =>
        this.log.warn({ err: err.message }, 'could not remove a dropped spool segment')
      );
    }
  }

  private async startSegment(): Promise<Segment> {
    const seq = this.nextSeq++;
    const segment: Segment = { seq, file: path.join(this.dir, segmentName(seq)), bytes: 0, records: [] };
    await writeFile(segment.file, '', { flag: 'wx' });
    await fsyncPath(this.dir);
    this.segments.push(segment);
    this.active = segment;
    return segment;
  }

  private async writeCursor(seq: number, offset: number): Promise<void> {
    const file = path.join(this.dir, CURSOR_FILE);
    await writeFile(`${file}.tmp`, JSON.stringify({ seq, offset }), { flush: true });
    await rename(`${file}.tmp`, file);
  }
}

async function readCursor(dir: string): Promise<{ seq: number; offset: number }> {
  try {
    const parsed = JSON.parse(await readFile(path.join(dir, CURSOR_FILE), 'utf8')) as {
      seq?: unknown;
      offset?: unknown;
    };
    if (Number.isSafeInteger(parsed.seq) && Number.isSafeInteger(parsed.offset))
      return parsed as { seq: number; offset: number };
  } catch {
    // no cursor yet, or a torn one: everything on disk is unconsumed (replay is idempotent)
  }
  return { seq: 0, offset: 0 };
}
