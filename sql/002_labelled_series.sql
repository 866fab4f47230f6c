-- OpenManager schema, version 002: labelled series beyond the six metric columns (pods, services,
-- volumes, application metrics). Idempotent, like 001: safe to apply again by the service at start
-- or by hand with `psql -f`.

-- One row per series: a server, a name and the series' own labels. Samples refer to it by id, so
-- the labels are stored once, not on every sample. Rows stay when their samples expire.
CREATE TABLE IF NOT EXISTS series_index (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  server_id  text NOT NULL,
  name       text NOT NULL,
  labels     jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (server_id, name, labels)
);
ALTER TABLE series_index ENABLE ROW LEVEL SECURITY;
-- Series by name across servers (names, label values, selectors without servers).
CREATE INDEX IF NOT EXISTS series_index_name_idx ON series_index (name);

-- One row per sample of a series. Partitioned by hour like server_metrics, with the same retention
-- (partitions created ahead by the service and dropped whole). The primary key also serves
-- "newest sample of a series".
CREATE TABLE IF NOT EXISTS server_series (
  series_id bigint NOT NULL,
  ts        timestamptz NOT NULL,
  value     double precision NOT NULL,
  PRIMARY KEY (series_id, ts)
) PARTITION BY RANGE (ts);
ALTER TABLE server_series ENABLE ROW LEVEL SECURITY;
-- Range scans over many series at once.
CREATE INDEX IF NOT EXISTS server_series_ts_idx ON server_series (ts);

INSERT INTO schema_migrations (version, name) VALUES ('002', 'labelled_series') ON CONFLICT (version) DO NOTHING;
