# shellcheck shell=bash
# ./ticketing status (a table of every component) and logs.
# Sourced by ./ticketing, which sets the paths, versions, ports and tables this file reads.

status_row() { printf '%-22s %-8s %-7s %-9s %s\n' "$@"; }

# Proportional set size (shared pages split between sharers), so a many-process server is not over-counted.
pss_kb() {
  local pid total=0 kb
  for pid in "$@"; do
    kb="$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || true)"
    total=$((total + ${kb:-0}))
  done
  echo "$total"
}

mem() { # pid... -> "123 MB" or "-"
  [[ -n "${1:-}" ]] || { echo "-"; return; }
  echo "$(( $(pss_kb "$@") / 1024 )) MB"
}

up_or_down() { # command... -> UP or DOWN (coloured), as the command succeeds or fails
  if "$@" >/dev/null 2>&1; then echo "${C_GREEN}UP${C_OFF}"; else echo "${C_RED}DOWN${C_OFF}"; fi
}

cmd_status() {
  load_env
  status_row COMPONENT PID PORT MEMORY HEALTH
  local h pid all_pids=()

  # PostgreSQL is many processes: count the whole cluster.
  local pg_pids=()
  mapfile -t pg_pids < <(pgrep -u postgres 2>/dev/null || true)
  all_pids+=("${pg_pids[@]}")
  pid="$(port_pid "$PG_PORT")"
  h="$(up_or_down pg_isready -q -h 127.0.0.1 -p "$PG_PORT")"
  status_row postgres "${pid:--}" "$PG_PORT" "$(mem "${pg_pids[@]}")" "$h"

  pid="$(port_pid "$REDIS_PORT")"
  h="$(up_or_down redis_ping)"
  [[ -n "$pid" ]] && all_pids+=("$pid")
  status_row redis "${pid:--}" "$REDIS_PORT" "$(mem "$pid")" "$h"

  pid="$(port_pid "$KAFKA_PORT")"
  h="$(up_or_down port_open "$KAFKA_PORT")"
  [[ -n "$pid" ]] && all_pids+=("$pid")
  status_row kafka "${pid:--}" "$KAFKA_PORT" "$(mem "$pid")" "$h"

  pid="$(port_pid "$ES_PORT")"
  local es; es="$(curl -fsS -m 2 "http://127.0.0.1:$ES_PORT/_cluster/health" 2>/dev/null | sed -n 's/.*"status":"\([a-z]*\)".*/\1/p')"
  if [[ "$es" == green || "$es" == yellow ]]; then h="${C_GREEN}UP${C_OFF} ($es)"; else h="${C_RED}DOWN${C_OFF}"; fi
  [[ -n "$pid" ]] && all_pids+=("$pid")
  status_row elasticsearch "${pid:--}" "$ES_PORT" "$(mem "$pid")" "$h"

  local s id port
  for s in "${SERVICES[@]}"; do
    while read -r id; do
      port="$(instance_port "$id")"; pid="$(read_pid "$id")"
      if service_ready "$port"; then h="${C_GREEN}UP${C_OFF}"
      elif pid_alive "$pid"; then h="${C_YELLOW}STARTING/DEGRADED${C_OFF}"
      else h="${C_RED}DOWN${C_OFF}"; pid=""; fi
      [[ -n "$pid" ]] && all_pids+=("$pid")
      status_row "$id" "${pid:--}" "$port" "$(mem "$pid")" "$h"
    done < <(instances "${s%%:*}")
  done
  if (($(replicas) > 1)); then
    local balancer_pids=()
    pid="$(read_pid balancer)"
    if pid_alive "$pid"; then
      h="${C_GREEN}UP${C_OFF} (every service's port -> its $(replicas) instances)"
      mapfile -t balancer_pids < <(echo "$pid"; pgrep -P "$pid" 2>/dev/null || true)
      all_pids+=("${balancer_pids[@]}")
    else h="${C_RED}DOWN${C_OFF}"; pid=""; fi
    status_row balancer "${pid:--}" "$(service_port gateway-service)" "$(mem "${balancer_pids[@]}")" "$h"
  fi
  status_row TOTAL "" "" "$(mem "${all_pids[@]}")" "(memory: proportional set size)"
}

cmd_logs() {
  local name="${1:-}"; [[ -n "$name" ]] || die "usage: ./ticketing logs NAME [-f]"
  local file="$LOGS/$name.log"
  [[ "$name" == elasticsearch ]] && file="$ES_DIR/logs/ticketing.log"
  # shellcheck disable=SC2012 # the first of the Debian cluster logs, by name
  [[ "$name" == postgres ]] && file="$(ls /var/log/postgresql/postgresql-*-main.log 2>/dev/null | head -n1)"
  [[ -f "$file" ]] || die "no log for '$name' (${file:-none})"
  if [[ "${2:-}" == "-f" ]]; then tail -n 100 -f "$file"; else tail -n 200 "$file"; fi
}
