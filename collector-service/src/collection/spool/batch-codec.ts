/** A write batch as a spool record's payload (JSON) and back, dates restored. Records written before batches had labelled series read back with none. */
import type { WriteBatch } from '../../storage/metrics-store';

export const encodeBatch = (batch: WriteBatch): Buffer => Buffer.from(JSON.stringify(batch), 'utf8');

export function decodeBatch(payload: Buffer): WriteBatch {
  const raw = JSON.parse(payload.toString('utf8')) as WriteBatch;
  return {
    servers: raw.servers.map((s) => ({ ...s, lastSeenAt: s.lastSeenAt === null ? null : new Date(s.lastSeenAt) })),
    samples: raw.samples.map((s) => ({ ...s, timestamp: new Date(s.timestamp) })),
    series: (raw.series ?? []).map((s) => ({ ...s, timestamp: new Date(s.timestamp) })),
  };
}
