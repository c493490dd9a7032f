# shellcheck shell=bash
# The whole platform: ./ticketing up and down.
# Sourced by ./ticketing, which sets the paths, versions, ports and tables this file reads.

cmd_up() {
  local demo=1 replicas=""
  while (($#)); do
    case "$1" in
      --no-demo) demo="" ;;
      --replicas) [[ $# -ge 2 ]] || die "--replicas needs a number"; replicas=$2; shift ;;
      --replicas=*) replicas=${1#--replicas=} ;;
      *) die "unknown option: $1" ;;
    esac
    shift
  done
  local t0=$SECONDS
  init_state
  set_replicas "${replicas:-$(replicas)}"
  infra_up
  services_up
  [[ -n "$demo" ]] && load_demo
  print_urls
  log "up in $((SECONDS - t0)) s"
}

cmd_down() {
  local purge="" a
  for a in "$@"; do case "$a" in --purge) purge=1;; *) die "unknown option: $a";; esac; done
  load_env
  services_down
  rm -f "$STATE/replicas"
  if [[ -n "$purge" ]]; then postgres_purge; fi
  infra_down
  if [[ -n "$purge" ]]; then
    log "wiping $STATE"
    rm -rf "$STATE"
    [[ "$ES_DIR" == /var/lib/ticketing-es/* ]] && rm -rf "$ES_DIR"
  fi
  log "down"
}

load_demo() {
  [[ -x "$ROOT/infra/demo/load-demo.sh" ]] || return 0
  "$ROOT/infra/demo/load-demo.sh" || warn "loading the demo catalog failed (see above); the stack is up without it"
}

print_urls() {
  cat <<EOF

${C_GREEN}The platform is up.${C_OFF}
  API (gateway)     http://127.0.0.1:$(service_port gateway-service)/api/v1/...
  Swagger UI        http://127.0.0.1:$(service_port gateway-service)/swagger-ui.html
  a token           ./ticketing token u-1   (./ticketing token admin-1 --admin)
EOF
  local s id
  for s in "${SERVICES[@]}"; do
    printf '  %-21s http://127.0.0.1:%s  (management: http://127.0.0.1:%s/actuator/health, /actuator/prometheus)\n' \
      "${s%%:*}" "${s##*:}" "$((${s##*:} + 1000))"
  done
  if (($(replicas) > 1)); then
    echo "  ($(replicas) instances of each service behind the balancer (nginx) on the ports above:"
    for s in "${SERVICES[@]}"; do
      printf '   '
      while read -r id; do printf ' %s :%s' "$id" "$(instance_port "$id")"; done < <(instances "${s%%:*}")
      echo
    done
    echo "   ./ticketing kill NAME@K stops one instance)"
  fi
  cat <<EOF
  PostgreSQL        127.0.0.1:$PG_PORT (databases: ${DATABASES[*]}; user ticketing, password in ${ENV_FILE/#$ROOT\//})
  Redis             127.0.0.1:$REDIS_PORT
  Kafka             127.0.0.1:$KAFKA_PORT
  Elasticsearch     http://127.0.0.1:$ES_PORT
  logs              ${LOGS/#$ROOT\//}/NAME.log   (./ticketing logs NAME)
EOF
}
