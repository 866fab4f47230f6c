-- OpenManager schema, version 003: history past the raw retention, as 5-minute and 1-hour rollups.
-- Idempotent, like every migration. Each row aggregates one server's samples in one bucket:
-- per metric the average, minimum, maximum and newest value, and how many samples held a value
-- (<metric>_count, so hours can be built from 5-minute rows with exact averages); `samples` counts rows.
-- Partitions (5m by day, 1h by month) are created and dropped whole by the service, like server_metrics'.

-- Buckets of 5 minutes, partitioned by day.
CREATE TABLE IF NOT EXISTS metric_rollups_5m (
  server_id text NOT NULL,
  bucket    timestamptz NOT NULL,
  samples   integer NOT NULL,
  cpu_avg double precision,
  cpu_min double precision,
  cpu_max double precision,
  cpu_last double precision,
  cpu_count integer NOT NULL DEFAULT 0,
  memory_avg double precision,
  memory_min double precision,
  memory_max double precision,
  memory_last double precision,
  memory_count integer NOT NULL DEFAULT 0,
  disk_avg double precision,
  disk_min double precision,
  disk_max double precision,
  disk_last double precision,
  disk_count integer NOT NULL DEFAULT 0,
  network_in_avg double precision,
  network_in_min double precision,
  network_in_max double precision,
  network_in_last double precision,
  network_in_count integer NOT NULL DEFAULT 0,
  network_out_avg double precision,
  network_out_min double precision,
  network_out_max double precision,
  network_out_last double precision,
  network_out_count integer NOT NULL DEFAULT 0,
  load_avg double precision,
  load_min double precision,
  load_max double precision,
  load_last double precision,
  load_count integer NOT NULL DEFAULT 0,
  PRIMARY KEY (server_id, bucket)
) PARTITION BY RANGE (bucket);
ALTER TABLE metric_rollups_5m ENABLE ROW LEVEL SECURITY;

-- Buckets of 1 hour, partitioned by month: the same columns, defaults and primary key.
CREATE TABLE IF NOT EXISTS metric_rollups_1h (LIKE metric_rollups_5m INCLUDING ALL) PARTITION BY RANGE (bucket);
ALTER TABLE metric_rollups_1h ENABLE ROW LEVEL SECURITY;

-- How far each resolution has been rolled up: every bucket ending at or before rolled_up_to is closed and written.
CREATE TABLE IF NOT EXISTS rollup_progress (
  resolution    text PRIMARY KEY CHECK (resolution IN ('5m', '1h')),
  rolled_up_to  timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE rollup_progress ENABLE ROW LEVEL SECURITY;

INSERT INTO schema_migrations (version, name) VALUES ('003', 'rollups') ON CONFLICT (version) DO NOTHING;
