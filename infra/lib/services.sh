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

# Starts one instance: NAME (one replica) or NAME@K (replicas.sh: its own ports, its own pid and log).
service_start() {
  local id=$1 name port pid jar ports=()
  name="$(instance_service "$id")"
  port="$(instance_port "$id")" || die "unknown service '$name' (one of: ${SERVICES[*]%%:*})"
  pid="$(read_pid "$id")"
  if pid_alive "$pid"; then return 0; fi
  if port_open "$port"; then
    die "port $port is taken by another process (pid $(port_pid "$port")); $id needs it"
  fi
  [[ "$id" == *@* ]] && ports=("--server.port=$port" "--management.server.port=$((port + 1000))")
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
    -Dticketing.service="$name" -Dticketing.instance="$id" -jar "$STATE/run/$name.jar" "${ports[@]}" \
    >>"$LOGS/$id.log" 2>&1 &
  echo $! >"$PIDS/$id.pid"
}

# actuator is served on the management port: the service's port + 1000
service_ready() { curl -fsS -m 2 "http://127.0.0.1:$(($1 + 1000))/actuator/health/readiness" >/dev/null 2>&1; }

service_wait() {
  local id=$1 port; port="$(instance_port "$id")"
  local deadline=$((SECONDS + SERVICE_TIMEOUT))
  until service_ready "$port"; do
    if ! pid_alive "$(read_pid "$id")"; then
      tail_log "$LOGS/$id.log"; die "$id exited during start-up"
    fi
    if ((SECONDS >= deadline)); then
      tail_log "$LOGS/$id.log"; die "$id did not become ready within ${SERVICE_TIMEOUT}s"
    fi
    sleep 1
  done
}

# Every instance of every service (replicas.sh), then the balancer in front of them when there are several.
services_up() {
  services_build
  local s id
  for s in "${SERVICES[@]}"; do while read -r id; do service_start "$id"; done < <(instances "${s%%:*}"); done
  log "waiting for the services to become ready ($(replicas) instance(s) each)"
  for s in "${SERVICES[@]}"; do while read -r id; do service_wait "$id"; done < <(instances "${s%%:*}"); done
  balancer_up
}

# Stops whatever instances run (pid files NAME.pid and NAME@K.pid), whatever the replica count now says.
services_down() {
  [[ -d "$PIDS" ]] || return 0
  local s f id stopping=()
  for s in "${SERVICES[@]}"; do
    for f in "$PIDS/${s%%:*}.pid" "$PIDS/${s%%:*}@"*.pid; do
      [[ -f "$f" ]] || continue
      id="$(basename "$f" .pid)"
      if pid_alive "$(read_pid "$id")"; then kill -TERM "$(read_pid "$id")" 2>/dev/null || true; stopping+=("$id")
      else rm -f "$f"; fi
    done
  done
  for id in "${stopping[@]}"; do log "stopping $id"; stop_pid "$id"; done
  balancer_down
}

# ---------------------------------------------------------------------------------------------------
# commands on one component (a service, or a part of the infrastructure: infra.sh)

cmd_build() { init_state; services_build; }

# NAME is a service (all its instances), one instance of it (NAME@K, with replicas) or a part of the infrastructure.
cmd_start() {
  init_state; [[ -n "${1:-}" ]] || die "usage: ./ticketing start NAME"
  if is_infra "$1"; then infra_start "$1"
  else
    local id ids; ids="$(resolve_instances "$1")" || exit 1
    for id in $ids; do service_start "$id"; done
    for id in $ids; do service_wait "$id"; done
  fi
  log "$1 ready"
}

cmd_stop() {
  [[ -n "${1:-}" ]] || die "usage: ./ticketing stop NAME"
  if is_infra "$1"; then init_state; infra_stop "$1"
  else
    local id ids; ids="$(resolve_instances "$1")" || exit 1
    for id in $ids; do stop_pid "$id"; done
  fi
}

cmd_kill() {
  [[ -n "${1:-}" ]] || die "usage: ./ticketing kill NAME"
  if is_infra "$1"; then init_state; infra_kill "$1"
  else
    local id ids; ids="$(resolve_instances "$1")" || exit 1
    for id in $ids; do kill_now "$id"; done
  fi
}

cmd_restart() {
  [[ -n "${1:-}" ]] || die "usage: ./ticketing restart NAME [--fast|--immediate|--lose-data]"
  init_state
  if is_infra "$1"; then infra_restart "$@"
  else
    local id ids; ids="$(resolve_instances "$1")" || exit 1
    for id in $ids; do stop_pid "$id"; service_start "$id"; service_wait "$id"; done
  fi
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
