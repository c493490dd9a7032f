# shellcheck shell=bash
# The infrastructure as a whole (./ticketing infra up|down, reset), and faults on its parts
# (./ticketing kill|stop|start|restart kafka|postgres|redis|elasticsearch; the chaos run).
# Sourced by ./ticketing, which sets the paths, versions, ports and tables this file reads.

infra_up() {
  init_state
  command -v curl >/dev/null || apt_install curl
  command -v ss >/dev/null || apt_install iproute2
  # Each store is installed and started in turn; Kafka and Elasticsearch then warm up together (the waits come last).
  postgres_up
  redis_up
  kafka_up
  es_up
  kafka_wait
  es_wait
  log "infrastructure ready"
}

infra_down() {
  [[ -d "$STATE" ]] || return 0
  stop_owned elasticsearch "stopping Elasticsearch"
  stop_owned kafka "stopping Kafka"
  redis_down
  postgres_down
}

cmd_infra() {
  case "${1:-}" in
    up) infra_up ;;
    down) load_env; services_down; infra_down ;;
    *) die "usage: ./ticketing infra up|down" ;;
  esac
}

# ---------------------------------------------------------------------------------------------------
# faults on the infrastructure

is_infra() { [[ "$1" == kafka || "$1" == postgres || "$1" == redis || "$1" == elasticsearch ]]; }

infra_kill() { # kill -9
  case "$1" in
    kafka|elasticsearch) local pid; pid="$(read_pid "$1")"; pid_alive "$pid" && kill -9 "$pid"
                         wait_until 20 "$1 gone" bash -c "! kill -0 $pid 2>/dev/null" || true ;;
    redis) local pid; pid="$(port_pid "$REDIS_PORT")"; [[ -n "$pid" ]] && kill -9 "$pid"
           wait_until 20 "redis gone" bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$REDIS_PORT) 2>/dev/null" || true ;;
    postgres) infra_restart postgres --immediate ;;
  esac
}

infra_stop() {
  case "$1" in
    kafka|elasticsearch) stop_pid "$1" ;;
    redis) redis_down ;;
    postgres) postgres_down ;;
  esac
}

infra_start() {
  case "$1" in
    kafka) kafka_up; kafka_wait ;;
    elasticsearch) es_up; es_wait ;;
    redis) redis_up ;;
    postgres) postgres_up >/dev/null ;;
  esac
}

infra_restart() { # NAME [--fast|--immediate|--lose-data]
  local name=$1 how=${2:-}
  case "$name" in
    postgres)
      local ver cluster; read -r ver cluster < <(pg_cluster)
      local mode=fast; [[ "$how" == --immediate ]] && mode=immediate
      log "restarting PostgreSQL $ver/$cluster (-m $mode)"
      pg_ctlcluster "$ver" "$cluster" restart -m "$mode" >>"$LOGS/postgres.log" 2>&1 || die "PostgreSQL did not restart"
      wait_until "$INFRA_TIMEOUT" postgres pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || die "PostgreSQL is not ready" ;;
    redis)
      if [[ "$how" == --lose-data ]]; then
        log "restarting Redis with its data lost"
        infra_kill redis; rm -f "$OWNED/redis" "$PIDS/redis.pid"; rm -rf "$STATE/redis"; touch "$OWNED/redis"
      else
        redis_down
      fi
      redis_up ;;
    *) infra_stop "$name"; infra_start "$name" ;;
  esac
}

# ---------------------------------------------------------------------------------------------------
# reset

# Wipes the data of the launcher's stack (not the downloads, not the generated secrets): our databases and
# replication slots, Kafka's log, Elasticsearch's data, Redis's data (only a Redis we started), CDC offsets.
reset_data() {
  init_state
  log "resetting the stack's data for a clean test run"
  services_down
  command -v pg_lsclusters >/dev/null && [[ -n "$(pg_cluster)" ]] && postgres_up >/dev/null
  postgres_purge
  stop_owned elasticsearch
  stop_owned kafka
  redis_down
  if port_open "$REDIS_PORT"; then
    warn "a Redis the launcher did not start runs on $REDIS_PORT: its data is left alone"
  fi
  rm -rf "$STATE/kafka/data" "$ES_DIR/data" "$STATE/redis" "$STATE/cdc"
}

cmd_reset() {
  reset_data
  log "the stack's data is wiped: ./ticketing up starts from empty stores"
}
