-- On Supabase, tables in schema public are reachable through its REST API by the roles `anon` and
-- `authenticated` (default privileges grant them everything). OpenManager's tables hold telemetry
-- that only the collector service should read: take those privileges away, now and for the
-- partitions and tables this role creates later. Elsewhere (no such roles) this does nothing.
DO $$
DECLARE
  r text;
  t record;
BEGIN
  FOREACH r IN ARRAY ARRAY['anon', 'authenticated'] LOOP
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      FOR t IN
        SELECT c.oid::regclass AS name
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
           AND (c.relname IN ('servers', 'schema_migrations', 'alert_state', 'rollup_progress')
                OR c.relname LIKE 'server\_metrics%' OR c.relname LIKE 'series\_index%' OR c.relname LIKE 'server\_series%'
                OR c.relname LIKE 'alert\_history%' OR c.relname LIKE 'metric\_rollups\_%')
      LOOP
        EXECUTE format('REVOKE ALL ON %s FROM %I', t.name, r);
      END LOOP;
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON TABLES FROM %I', current_schema(), r);
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON SEQUENCES FROM %I', current_schema(), r);
    END IF;
  END LOOP;
END $$;

INSERT INTO schema_migrations (version, name) VALUES ('090', 'revoke_supabase_roles') ON CONFLICT (version) DO NOTHING;
