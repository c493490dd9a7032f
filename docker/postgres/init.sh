#!/usr/bin/env bash
# Runs once, on the first start of an empty data volume (docker-entrypoint-initdb.d). The same role and
# databases as `./ticketing up` creates (docs/architecture.md, "Databases"): role `ticketing` with LOGIN
# REPLICATION (cdc-connector streams the `catalog` WAL with it), one database per owning service.
set -euo pipefail

: "${TICKETING_DB_PASSWORD:?TICKETING_DB_PASSWORD must be set (see docker/env.example)}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     --set=db_password="$TICKETING_DB_PASSWORD" <<'SQL'
CREATE ROLE ticketing LOGIN REPLICATION PASSWORD :'db_password';
CREATE DATABASE catalog OWNER ticketing;
CREATE DATABASE booking OWNER ticketing;
CREATE DATABASE payment OWNER ticketing;
SQL
