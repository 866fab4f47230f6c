#!/bin/sh
# Runs once, when the postgres container initialises an empty data directory: creates the role the
# collector service logs in as — not a superuser, no CREATEDB/CREATEROLE — and its database. The
# service's migrations then create its tables, so that role owns those tables and nothing else.
set -eu
psql -v ON_ERROR_STOP=1 -v pw="$OPENMANAGER_DB_PASSWORD" --username "$POSTGRES_USER" --dbname postgres <<'SQL'
CREATE ROLE openmanager LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'pw';
CREATE DATABASE openmanager OWNER postgres;
SQL
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname openmanager <<'SQL'
REVOKE ALL ON DATABASE openmanager FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE openmanager TO openmanager;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO openmanager;
SQL
