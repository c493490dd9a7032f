# shellcheck shell=bash
# PostgreSQL (Debian package; reused when one already runs on its port).
# Sourced by ./ticketing, which sets the paths, versions, ports and tables this file reads.

pg_cluster() { # prints "version name" of the first cluster
  pg_lsclusters -h 2>/dev/null | awk 'NR==1 {print $1" "$2}'
}

psql_su() { runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@"; }

postgres_up() {
  if ! command -v pg_lsclusters >/dev/null || [[ -z "$(pg_cluster)" ]]; then
    apt_install postgresql postgresql-contrib
  fi
  command -v pgbench >/dev/null || apt_install postgresql-contrib
  local ver name; read -r ver name <<<"$(pg_cluster)"
  [[ -n "$ver" ]] || die "no PostgreSQL cluster found after install (pg_lsclusters is empty)"
  local status; status="$(pg_lsclusters -h | awk -v v="$ver" -v n="$name" '$1==v && $2==n {print $4}')"
  if [[ "$status" != online* ]]; then
    if port_open "$PG_PORT"; then
      die "port $PG_PORT is taken by another process (pid $(port_pid "$PG_PORT")) that is not the PostgreSQL cluster $ver/$name"
    fi
    log "starting PostgreSQL $ver/$name"
    pg_ctlcluster "$ver" "$name" start >"$LOGS/postgres.log" 2>&1 || { tail_log "$LOGS/postgres.log"; die "PostgreSQL did not start"; }
    echo "$ver $name" >"$OWNED/postgres"
  fi
  wait_until "$INFRA_TIMEOUT" postgres pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || die "PostgreSQL is not ready on $PG_PORT"

  # Logical decoding for Debezium, and room for every service's pool.
  local restart=""
  if [[ "$(psql_su -tAc 'show wal_level')" != "logical" ]]; then
    psql_su -c "ALTER SYSTEM SET wal_level = logical" ; restart=1
  fi
  if (( $(psql_su -tAc 'show max_connections') < 200 )); then
    psql_su -c "ALTER SYSTEM SET max_connections = 200"; restart=1
  fi
  if [[ -n "$restart" ]]; then
    log "restarting PostgreSQL $ver/$name for wal_level=logical, max_connections=200"
    pg_ctlcluster "$ver" "$name" restart >>"$LOGS/postgres.log" 2>&1 || { tail_log "$LOGS/postgres.log"; die "PostgreSQL did not restart"; }
    wait_until "$INFRA_TIMEOUT" postgres pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || die "PostgreSQL is not ready after restart"
  fi

  # Role and databases (password re-applied so a fresh state folder always matches).
  psql_su <<SQL >/dev/null
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${TICKETING_DB_USER}') THEN
    CREATE ROLE ${TICKETING_DB_USER} LOGIN REPLICATION;
  END IF;
END
\$\$;
ALTER ROLE ${TICKETING_DB_USER} WITH LOGIN REPLICATION PASSWORD '${TICKETING_DB_PASSWORD}';
SQL
  local db
  for db in "${DATABASES[@]}"; do
    if [[ -z "$(psql_su -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]]; then
      psql_su -c "CREATE DATABASE $db OWNER ${TICKETING_DB_USER}" >/dev/null
    fi
  done
}

postgres_down() {
  if [[ -f "$OWNED/postgres" ]]; then
    local ver name; read -r ver name <"$OWNED/postgres"
    log "stopping PostgreSQL $ver/$name"
    pg_ctlcluster "$ver" "$name" stop >>"$LOGS/postgres.log" 2>&1 || warn "PostgreSQL did not stop cleanly"
    rm -f "$OWNED/postgres"
  fi
}

postgres_purge() {
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null || return 0
  local db
  psql_su -tAc "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name LIKE 'ticketing%' AND NOT active" >/dev/null 2>&1 || true
  for db in "${DATABASES[@]}"; do
    psql_su -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || warn "could not drop database $db"
  done
}
