/** The columns of the rollup tables and the SQL that aggregates into them (raw → 5 minutes → 1 hour) and reads from them. */
import { METRIC_NAMES, type MetricName } from '../../domain/metrics';
import type { Aggregation } from '../metrics-store';
import { ROLLUP_1H_PARTITIONS, ROLLUP_5M_PARTITIONS, type PartitionScheme } from '../partitions';
import { METRIC_COLUMNS } from '../head/series-buffer';
import { BUCKET_MS } from './resolution';

export type RollupResolution = keyof typeof BUCKET_MS;

export interface RollupTable {
  resolution: RollupResolution;
  table: string;
  partitions: PartitionScheme;
  bucketMs: number;
}

export const ROLLUP_TABLES: Record<RollupResolution, RollupTable> = {
  '5m': { resolution: '5m', table: 'metric_rollups_5m', partitions: ROLLUP_5M_PARTITIONS, bucketMs: BUCKET_MS['5m'] },
  '1h': { resolution: '1h', table: 'metric_rollups_1h', partitions: ROLLUP_1H_PARTITIONS, bucketMs: BUCKET_MS['1h'] },
};

const PARTS = ['avg', 'min', 'max', 'last', 'count'] as const;
export type RollupPart = (typeof PARTS)[number];

/** server_id, bucket, samples, then avg/min/max/last/count of every metric. */
export const ROLLUP_COLUMNS = [
  'server_id',
  'bucket',
  'samples',
  ...METRIC_NAMES.flatMap((m) => PARTS.map((p) => `${m}_${p}`)),
];

const interval = (ms: number) => `make_interval(secs => ${ms / 1000})`;

/** One bucket per server from raw samples: avg/min/max, the newest non-null value, and how many held a value. */
function fromRaw(m: MetricName): string[] {
  const c = METRIC_COLUMNS[m];
  return [
    `avg(${c})`,
    `min(${c})`,
    `max(${c})`,
    `(array_agg(${c} ORDER BY "timestamp" DESC) FILTER (WHERE ${c} IS NOT NULL))[1]`,
    `count(${c})::int`,
  ];
}

/** Coarser buckets from finer ones: the average weighted by the samples behind it, so it equals the raw mean. */
function fromRollup(m: MetricName): string[] {
  return [
    `sum(${m}_avg * ${m}_count) / NULLIF(sum(${m}_count), 0)`,
    `min(${m}_min)`,
    `max(${m}_max)`,
    `(array_agg(${m}_last ORDER BY bucket DESC) FILTER (WHERE ${m}_count > 0))[1]`,
    `sum(${m}_count)::int`,
  ];
}

const UPSERT = `ON CONFLICT (server_id, bucket) DO UPDATE SET
  ${ROLLUP_COLUMNS.slice(2)
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(', ')}`;

/** Aggregates raw samples with $1 <= timestamp < $2 into 5-minute buckets; re-running rewrites the same rows. */
export const ROLL_UP_RAW = `INSERT INTO ${ROLLUP_TABLES['5m'].table} (${ROLLUP_COLUMNS.join(', ')})
  SELECT server_id, date_bin(${interval(BUCKET_MS['5m'])}, "timestamp", 'epoch'::timestamptz) AS b, count(*)::int,
         ${METRIC_NAMES.flatMap(fromRaw).join(', ')}
    FROM server_metrics WHERE "timestamp" >= $1 AND "timestamp" < $2
   GROUP BY server_id, b
  ${UPSERT}`;

/** Aggregates 5-minute buckets with $1 <= bucket < $2 into hours; re-running rewrites the same rows. */
export const ROLL_UP_HOURS = `INSERT INTO ${ROLLUP_TABLES['1h'].table} (${ROLLUP_COLUMNS.join(', ')})
  SELECT server_id, date_bin(${interval(BUCKET_MS['1h'])}, bucket, 'epoch'::timestamptz) AS b, sum(samples)::int,
         ${METRIC_NAMES.flatMap(fromRollup).join(', ')}
    FROM ${ROLLUP_TABLES['5m'].table} WHERE bucket >= $1 AND bucket < $2
   GROUP BY server_id, b
  ${UPSERT}`;

/** Inserts precomputed 5-minute rows given as a jsonb array (the backfill); re-running rewrites the same rows. */
export const INSERT_5M_ROWS = `INSERT INTO ${ROLLUP_TABLES['5m'].table} (${ROLLUP_COLUMNS.join(', ')})
  SELECT ${ROLLUP_COLUMNS.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(server_id text, bucket timestamptz, samples int,
    ${METRIC_NAMES.flatMap((m) => PARTS.map((p) => `${m}_${p} ${p === 'count' ? 'int' : 'float8'}`)).join(', ')})
  ${UPSERT}`;

/**
 * A range read's aggregation over rollup buckets: avg weighted by samples (the raw mean), min of
 * minima, max of maxima; p95 has no exact rollup, so it is the 95th percentile of the bucket averages.
 */
export function rollupAggregate(aggregation: Aggregation, m: MetricName): string {
  if (aggregation === 'avg') return `sum(${m}_avg * ${m}_count) / NULLIF(sum(${m}_count), 0)`;
  if (aggregation === 'min') return `min(${m}_min)`;
  if (aggregation === 'max') return `max(${m}_max)`;
  return `percentile_cont(0.95) WITHIN GROUP (ORDER BY ${m}_avg)`;
}
