-- OpenManager schema, version 010: alert state (so a restart neither re-pages nor delays) and alert history.
-- Idempotent, like 001: safe to apply again by the service at start or by hand with `psql -f`.

-- The pending and firing alerts of every rule (and resolved ones still being reported), saved after each evaluation.
CREATE TABLE IF NOT EXISTS alert_state (
  rule_group        text NOT NULL,
  rule_name         text NOT NULL,
  alert_key         text NOT NULL,
  labels            jsonb NOT NULL,
  annotations       jsonb NOT NULL DEFAULT '{}'::jsonb,
  state             text NOT NULL CHECK (state IN ('pending', 'firing', 'inactive')),
  value             double precision,
  active_at         timestamptz NOT NULL,
  fired_at          timestamptz,
  resolved_at       timestamptz,
  last_sent_at      timestamptz,
  keep_firing_since timestamptz,
  valid_until       timestamptz,
  saved_at          timestamptz NOT NULL,
  PRIMARY KEY (rule_group, rule_name, alert_key)
);
ALTER TABLE alert_state ENABLE ROW LEVEL SECURITY;

-- One row per time an alert fired, closed when it resolved: what "how many alerts last night?" counts.
CREATE TABLE IF NOT EXISTS alert_history (
  rule_name   text NOT NULL,
  alert_key   text NOT NULL,
  server_id   text,
  severity    text,
  labels      jsonb NOT NULL,
  summary     text NOT NULL DEFAULT '',
  fired_at    timestamptz NOT NULL,
  resolved_at timestamptz,
  PRIMARY KEY (rule_name, alert_key, fired_at)
);
ALTER TABLE alert_history ENABLE ROW LEVEL SECURITY;
CREATE INDEX IF NOT EXISTS alert_history_fired_at_idx ON alert_history (fired_at);

INSERT INTO schema_migrations (version, name) VALUES ('010', 'alerts') ON CONFLICT (version) DO NOTHING;
