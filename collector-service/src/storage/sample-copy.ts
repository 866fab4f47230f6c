/**
 * Writes a batch through `COPY` on a PostgreSQL server: one transaction upserts the inventory and
 * copies the samples straight into `server_metrics`. A batch holding a sample already stored (a
 * retried batch) is copied into a session-local staging table instead and inserted with
 * `ON CONFLICT DO NOTHING`, so writes stay idempotent.
 */
import type { ServerMetrics } from '../domain/metrics';
import type { SqlSession } from './sql-client';

const COPY_COLUMNS = `server_id, "timestamp", cpu_usage, memory_usage, disk_usage, network_in_bytes, network_out_bytes, load_1m, uptime_seconds, status, raw_data`;
const UNIQUE_VIOLATION = '23505';

/** COPY text format: backslash, tab, newline and carriage return escaped; `\N` for null. */
function text(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : value;
}

const number = (v: number | null) => (v === null || !Number.isFinite(v) ? '\\N' : String(v));

/** Rows per chunk of COPY input: each chunk is sent as it is made, so a 10,000-row batch never sits in memory as one string. */
const ROWS_PER_CHUNK = 500;

/** The samples as COPY text rows, in COPY_COLUMNS order, `ROWS_PER_CHUNK` rows per string. */
export function* copyChunks(samples: readonly ServerMetrics[]): Generator<string> {
  // A run's samples share a few timestamps: format each once.
  const times = new Map<number, string>();
  for (let from = 0; from < samples.length; from += ROWS_PER_CHUNK) {
    let chunk = '';
    for (let i = from; i < Math.min(from + ROWS_PER_CHUNK, samples.length); i++) {
      const s = samples[i];
      const ms = s.timestamp.getTime();
      let time = times.get(ms);
      if (time === undefined) times.set(ms, (time = s.timestamp.toISOString()));
      chunk += `${text(s.serverId)}\t${time}\t${number(s.cpuUsage)}\t${number(s.memoryUsage)}\t${number(s.diskUsage)}\t${number(s.networkInBytes)}\t${number(s.networkOutBytes)}\t${number(s.load1m)}\t${number(s.uptimeSeconds)}\t${text(s.status)}\t${text(JSON.stringify(s.rawData ?? {}))}\n`;
    }
    yield chunk;
  }
}

/** Copies the samples into server_metrics inside the session's open transaction; returns how many were new. */
export async function copySamples(session: SqlSession, samples: readonly ServerMetrics[]): Promise<number> {
  if (samples.length === 0) return 0;
  await session.query('SAVEPOINT om_copy');
  try {
    const copied = await session.copyFrom(`COPY server_metrics (${COPY_COLUMNS}) FROM STDIN`, copyChunks(samples));
    await session.query('RELEASE SAVEPOINT om_copy');
    return copied;
  } catch (err) {
    if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
    await session.query('ROLLBACK TO SAVEPOINT om_copy');
  }
  await session.query(
    `CREATE TEMP TABLE IF NOT EXISTS om_samples_staging (LIKE server_metrics INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`
  );
  await session.copyFrom(`COPY om_samples_staging (${COPY_COLUMNS}) FROM STDIN`, copyChunks(samples));
  const { rowCount } = await session.query(
    `INSERT INTO server_metrics (${COPY_COLUMNS}) SELECT ${COPY_COLUMNS} FROM om_samples_staging ON CONFLICT (server_id, "timestamp") DO NOTHING`
  );
  return rowCount;
}
