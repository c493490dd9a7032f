# shellcheck shell=bash
# The Java services: build, start, wait, stop, and one service at a time (./ticketing start|stop|kill|restart NAME).
# Sourced by ./ticketing, which sets the paths, versions, ports and tables this file reads.

service_port() { local s; for s in "${SERVICES[@]}"; do [[ "${s%%:*}" == "$1" ]] && { echo "${s##*:}"; return; }; done; return 1; }

require_service() { service_port "$1" >/dev/null || die "unknown service '$1'"; }

# The edge holds every fan's connection during a surge: a larger heap than the services behind it (its in-flight
# limit, ticketing.gateway.edge.max-in-flight, keeps it within it).
service_heap() { if [[ "$1" == gateway-service ]]; then echo "${TICKETING_GATEWAY_HEAP:--Xmx384m}"; fi; }

# The version the jars are named with: the root pom's own <version> (the first one after its <parent> block).
project_version() {
  awk '/<\/parent>/ { after_parent = 1 }
       after_parent && /<version>/ { sub(/.*<version>/, ""); sub(/<\/version>.*/, ""); print; exit }' "$ROOT/pom.xml"
}

service_jar() { echo "$ROOT/$1/target/$1-$(project_version).jar"; }

build_needed() {
  local s name jar
  for s in "${SERVICES[@]}"; do
    name="${s%%:*}"; jar="$(service_jar "$name")"
    [[ -f "$jar" ]] || return 0
    [[ -n "$(find "$ROOT/$name" "$ROOT/contracts" "$ROOT/platform-support" "$ROOT/booking-store" "$ROOT/pom.xml" -path '*/target' -prune \
        -o -type f -newer "$jar" -print -quit 2>/dev/null)" ]] && return 0
  done
  return 1
}

services_build() {
  if build_needed; then
    log "building the services (mvnw install -DskipTests)"
    mvnw install -DskipTests >"$LOGS/build.log" 2>&1 || { tail_log "$LOGS/build.log"; die "the build failed"; }
  fi
}

service_start() {
  local name=$1 port pid jar
  port="$(service_port "$name")" || die "unknown service '$name' (one of: ${SERVICES[*]%%:*})"
  pid="$(read_pid "$name")"
  if pid_alive "$pid"; then return 0; fi
  if port_open "$port"; then
    die "port $port is taken by another process (pid $(port_pid "$port")); $name needs it"
  fi
  jar="$(service_jar "$name")"
  [[ -f "$jar" ]] || die "$jar is missing: run ./ticketing build"
  # Run from a copy: a later `mvnw package` rewrites target/*.jar, which would corrupt a running JVM's jar.
  mkdir -p "$STATE/run"
  cp "$jar" "$STATE/run/$name.jar.tmp" && mv -f "$STATE/run/$name.jar.tmp" "$STATE/run/$name.jar"
  local jh; jh="$(java_home)"
  # The JVM options are lists of words on purpose (and service_heap prints nothing for most services).
  # shellcheck disable=SC2086,SC2046
  SPRING_PROFILES_ACTIVE="${SPRING_PROFILES_ACTIVE:-local}" nohup "$jh/bin/java" $SERVICE_JAVA_OPTS $(service_heap "$name") \
    ${TICKETING_EXTRA_JAVA_OPTS:-} \
    -Dticketing.service="$name" -jar "$STATE/run/$name.jar" >>"$LOGS/$name.log" 2>&1 &
  echo $! >"$PIDS/$name.pid"
}

# actuator is served on the management port: the service's port + 1000
service_ready() { curl -fsS -m 2 "http://127.0.0.1:$(($1 + 1000))/actuator/health/readiness" >/dev/null 2>&1; }

service_wait() {
  local name=$1 port; port="$(service_port "$name")"
  local deadline=$((SECONDS + SERVICE_TIMEOUT))
  until service_ready "$port"; do
    if ! pid_alive "$(read_pid "$name")"; then
      tail_log "$LOGS/$name.log"; die "$name exited during start-up"
    fi
    if ((SECONDS >= deadline)); then
      tail_log "$LOGS/$name.log"; die "$name did not become ready within ${SERVICE_TIMEOUT}s"
    fi
    sleep 1
  done
}

services_up() {
  services_build
  local s
  for s in "${SERVICES[@]}"; do service_start "${s%%:*}"; done
  log "waiting for the services to become ready"
  for s in "${SERVICES[@]}"; do service_wait "${s%%:*}"; done
}

services_down() {
  [[ -d "$PIDS" ]] || return 0
  local s name stopping=()
  for s in "${SERVICES[@]}"; do
    name="${s%%:*}"
    if pid_alive "$(read_pid "$name")"; then kill -TERM "$(read_pid "$name")" 2>/dev/null || true; stopping+=("$name"); fi
  done
  for name in "${stopping[@]}"; do log "stopping $name"; stop_pid "$name"; done
}

# ---------------------------------------------------------------------------------------------------
# commands on one component (a service, or a part of the infrastructure: infra.sh)

cmd_build() { init_state; services_build; }

cmd_start() {
  init_state; [[ -n "${1:-}" ]] || die "usage: ./ticketing start NAME"
  if is_infra "$1"; then infra_start "$1"; else service_start "$1"; service_wait "$1"; fi
  log "$1 ready"
}

cmd_stop() {
  [[ -n "${1:-}" ]] || die "usage: ./ticketing stop NAME"
  if is_infra "$1"; then init_state; infra_stop "$1"
  else require_service "$1"; stop_pid "$1"; fi
}

cmd_kill() {
  [[ -n "${1:-}" ]] || die "usage: ./ticketing kill NAME"
  if is_infra "$1"; then init_state; infra_kill "$1"
  else require_service "$1"; kill_now "$1"; fi
}

cmd_restart() {
  [[ -n "${1:-}" ]] || die "usage: ./ticketing restart NAME [--fast|--immediate|--lose-data]"
  init_state
  if is_infra "$1"; then infra_restart "$@"
  else require_service "$1"; stop_pid "$1"; service_start "$1"; service_wait "$1"; fi
  log "$1 ready"
}

# The published API: what the running gateway serves, one pretty-printed file per document (keys as springdoc
# orders them). api-client generates the typed Java client from these files.
cmd_api_docs() {
  local base out="$ROOT/docs/api" name url
  base="http://127.0.0.1:$(service_port gateway-service)"
  mkdir -p "$out"
  for name in gateway-service waiting-room-service catalog-service search-service booking-service payment-service; do
    url="$base/v3/api-docs/$name"; [[ "$name" == gateway-service ]] && url="$base/v3/api-docs"
    curl -sf "$url" | python3 -c 'import json,sys; json.dump(json.load(sys.stdin), sys.stdout, indent=2, ensure_ascii=False); print()' \
      >"$out/$name.json.tmp" || { rm -f "$out/$name.json.tmp"; die "$url did not answer (is the stack up?)"; }
    mv "$out/$name.json.tmp" "$out/$name.json"
    log "docs/api/$name.json"
  done
}
