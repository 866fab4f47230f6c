/**
 * The spool's record format: `[u32 length][u32 crc32 of the payload][payload]`, little-endian.
 * A record whose length runs past the end of the file, or whose checksum does not match, ends the
 * readable part of a segment (a write torn by a crash, or damage on disk).
 */
import { crc32 } from 'node:zlib';

export const HEADER_BYTES = 8;
/** No record is larger than this; a longer length field means the header itself is damaged. */
export const MAX_RECORD_BYTES = 256 * 1024 * 1024;

export function encodeRecord(payload: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(payload.length, 0);
  header.writeUInt32LE(crc32(payload), 4);
  return Buffer.concat([header, payload]);
}

export interface RecordSpan {
  /** Offset of the record's header in the segment. */
  offset: number;
  /** Header and payload. */
  size: number;
}

/** The intact records of a segment's bytes, in order, and where the intact part ends. */
export function scanRecords(bytes: Buffer): { records: RecordSpan[]; validBytes: number } {
  const records: RecordSpan[] = [];
  let offset = 0;
  while (offset + HEADER_BYTES <= bytes.length) {
    const length = bytes.readUInt32LE(offset);
    const end = offset + HEADER_BYTES + length;
    if (length > MAX_RECORD_BYTES || end > bytes.length) break;
    if (crc32(bytes.subarray(offset + HEADER_BYTES, end)) !== bytes.readUInt32LE(offset + 4)) break;
    records.push({ offset, size: HEADER_BYTES + length });
    offset = end;
  }
  return { records, validBytes: offset };
}

/** The payload of a record read back whole, or null when it no longer checks out. */
export function decodeRecord(bytes: Buffer): Buffer | null {
  if (bytes.length < HEADER_BYTES) return null;
  const length = bytes.readUInt32LE(0);
  if (bytes.length !== HEADER_BYTES + length) return null;
  const payload = bytes.subarray(HEADER_BYTES);
  return crc32(payload) === bytes.readUInt32LE(4) ? payload : null;
}
