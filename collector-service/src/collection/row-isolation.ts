/**
 * Writing a batch so that rows the database refuses for a data reason (SQLSTATE class 22, 23, or a
 * value past a limit such as an index row too large) do not block the rest: the batch is halved
 * until each refused row stands alone, and only those are rejected. Any other error — connection
 * lost, database shutting down — is thrown: the batch as a whole must be kept and retried.
 */
import type { ServerMetrics } from '../domain/metrics';
import type { SeriesSample } from '../domain/series';
import type { ServerRecord } from '../domain/server-state';
import type { WriteBatch } from '../storage/metrics-store';

export interface RejectedRow {
  kind: 'server' | 'sample' | 'series';
  serverId: string;
  code: string;
  reason: string;
}

export function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (/^2[23]/.test(code) || code === '54000');
}

const rowCount = (b: WriteBatch) => b.servers.length + b.samples.length + (b.series?.length ?? 0);

/** The batch cut in two at its middle row, rows counted servers first, then samples, then series. */
function halves(b: WriteBatch): [WriteBatch, WriteBatch] {
  let left = Math.ceil(rowCount(b) / 2);
  const take = <T>(rows: readonly T[]): [T[], T[]] => {
    const n = Math.min(left, rows.length);
    left -= n;
    return [rows.slice(0, n), rows.slice(n)];
  };
  const [servers1, servers2] = take(b.servers);
  const [samples1, samples2] = take(b.samples);
  const [series1, series2] = take(b.series ?? []);
  return [
    { servers: servers1, samples: samples1, series: series1 },
    { servers: servers2, samples: samples2, series: series2 },
  ];
}

function describe(b: WriteBatch, err: unknown): RejectedRow {
  const server: ServerRecord | undefined = b.servers[0];
  const sample: ServerMetrics | undefined = b.samples[0];
  const series: SeriesSample | undefined = b.series?.[0];
  const e = err as { code?: string; message?: string };
  return {
    kind: server ? 'server' : sample ? 'sample' : 'series',
    serverId: server?.id ?? sample?.serverId ?? series?.serverId ?? '',
    code: e.code ?? '',
    reason: e.message ?? String(err),
  };
}

/** Writes `batch` through `write`, isolating data-refused rows; returns those rows. Throws on any other error. */
export async function writeIsolatingBadRows(
  batch: WriteBatch,
  write: (b: WriteBatch) => Promise<unknown>
): Promise<RejectedRow[]> {
  try {
    await write(batch);
    return [];
  } catch (err) {
    if (!isDataError(err)) throw err;
    if (rowCount(batch) <= 1) return rowCount(batch) === 1 ? [describe(batch, err)] : [];
    const [a, b] = halves(batch);
    return [...(await writeIsolatingBadRows(a, write)), ...(await writeIsolatingBadRows(b, write))];
  }
}
