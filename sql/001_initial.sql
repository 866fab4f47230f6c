-- OpenManager schema, version 001: server inventory and time-partitioned metrics.
-- Idempotent: safe to apply again, by the service at start or by hand with `psql -f` (Supabase included).
-- Row level security is enabled on every table with no policy, so Supabase's public API
-- (anon/authenticated roles) sees nothing; the service connects as the tables' owner.

CREATE TABLE IF NOT EXISTS schema_migrations (
  version    text PRIMARY KEY,
  name       text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE schema_migrations ENABLE ROW LEVEL SECURITY;

-- One row per server a collector has reported, with its newest known state.
CREATE TABLE IF NOT EXISTS servers (
  id            text PRIMARY KEY,
  provider      text NOT NULL CHECK (provider IN ('kubernetes', 'aws', 'onprem')),
  region        text NOT NULL,
  role          text NOT NULL,
  collector     text NOT NULL,
  labels        jsonb NOT NULL DEFAULT '{}'::jsonb,
  reachable     boolean NOT NULL DEFAULT true,
  last_seen_at  timestamptz,
  last_status   text CHECK (last_status IN ('online', 'warning', 'critical', 'offline')),
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE servers ENABLE ROW LEVEL SECURITY;
CREATE INDEX IF NOT EXISTS servers_provider_region_role_idx ON servers (provider, region, role);

-- One row per sample. Partitioned by hour (partitions are created ahead by the service and
-- dropped whole for retention). The primary key also serves "newest sample of a server".
CREATE TABLE IF NOT EXISTS server_metrics (
  server_id         text NOT NULL,
  "timestamp"       timestamptz NOT NULL,
  cpu_usage         double precision,
  memory_usage      double precision,
  disk_usage        double precision,
  network_in_bytes  double precision,
  network_out_bytes double precision,
  load_1m           double precision,
  uptime_seconds    double precision,
  status            text NOT NULL CHECK (status IN ('online', 'warning', 'critical', 'offline')),
  raw_data          jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (server_id, "timestamp")
) PARTITION BY RANGE ("timestamp");
ALTER TABLE server_metrics ENABLE ROW LEVEL SECURITY;
-- Fleet-wide range scans (every server over a time range).
CREATE INDEX IF NOT EXISTS server_metrics_timestamp_idx ON server_metrics ("timestamp");

INSERT INTO schema_migrations (version, name) VALUES ('001', 'initial') ON CONFLICT (version) DO NOTHING;
