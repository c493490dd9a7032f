# shellcheck shell=bash
# Elasticsearch (integ-test zip from Maven Central, version ES_VERSION; refuses root, so it runs as its own user).
# Sourced by ./ticketing, which sets the paths, versions, ports and tables this file reads.

# Elasticsearch refuses root and runs as its own user, who must be able to traverse every parent folder of its
# data. A clone under a private folder (mode 700, e.g. from mktemp -d) cannot host it: use a folder of our own.
es_dir() {
  local d; d="$(dirname "$STATE")"
  while [[ "$d" != "/" && -n "$d" ]]; do
    if [[ -d "$d" ]] && (( ((8#$(stat -c %a "$d")) & 1) == 0 )); then
      echo "/var/lib/ticketing-es/$(printf '%s' "$STATE" | cksum | cut -d' ' -f1)"; return
    fi
    d="$(dirname "$d")"
  done
  echo "$STATE/elasticsearch"
}
ES_DIR="$(es_dir)"

es_install() {
  local home="$ES_DIR/home"
  if [[ ! -x "$home/bin/elasticsearch" ]]; then
    local zip="$STATE/downloads/elasticsearch-$ES_VERSION.zip"
    if [[ ! -f "$zip" ]]; then
      log "downloading Elasticsearch $ES_VERSION (integ-test zip, ~100 MB) from Maven Central"
      (cd "$ROOT" && ./mvnw -B -q dependency:copy \
          -Dartifact="org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
          -DoutputDirectory="$STATE/downloads" -Dmdep.useBaseVersion=true) >"$LOGS/es-install.log" 2>&1 \
        || { tail_log "$LOGS/es-install.log"; die "downloading Elasticsearch failed"; }
    fi
    command -v unzip >/dev/null || apt_install unzip
    rm -rf "$ES_DIR/unpack" "$home"
    mkdir -p "$ES_DIR/unpack"
    unzip -q "$zip" -d "$ES_DIR/unpack"
    mv "$ES_DIR/unpack/elasticsearch-$ES_VERSION" "$home"
    rmdir "$ES_DIR/unpack"
    # Security off before the first start, or it auto-configures TLS and passwords.
    cat >"$home/config/elasticsearch.yml" <<EOF
cluster.name: ticketing
node.name: ticketing-1
discovery.type: single-node
network.host: 127.0.0.1
http.port: $ES_PORT
path.data: $ES_DIR/data
path.logs: $ES_DIR/logs
xpack.security.enabled: false
action.destructive_requires_name: false
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  fi
  if ! id -u "$ES_USER" >/dev/null 2>&1; then
    [[ $EUID -eq 0 ]] || die "Elasticsearch refuses to run as root and a user '$ES_USER' is needed: run as root once"
    useradd --system --no-create-home --shell /usr/sbin/nologin "$ES_USER" || die "could not create user $ES_USER"
  fi
  mkdir -p "$ES_DIR/data" "$ES_DIR/logs" "$ES_DIR/tmp"
  chown -R "$ES_USER" "$ES_DIR"
}

es_up() {
  es_install
  local pid; pid="$(read_pid elasticsearch)"
  if pid_alive "$pid"; then return 0; fi
  if port_open "$ES_PORT"; then
    if curl -fsS "http://127.0.0.1:$ES_PORT/_cluster/health" >/dev/null 2>&1; then
      log "reusing the Elasticsearch already running on $ES_PORT"; return 0
    fi
    die "port $ES_PORT is taken by another process (pid $(port_pid "$ES_PORT"))"
  fi
  local jh; jh="$(java_home)"
  log "starting Elasticsearch on $ES_PORT"
  local pidfile="$ES_DIR/es.pid"
  rm -f "$pidfile"
  # Parent folders must be traversable by the ES user.
  chmod o+x "$STATE" "$ES_DIR" 2>/dev/null || true
  runuser -u "$ES_USER" -- env ES_JAVA_HOME="$jh" ES_TMPDIR="$ES_DIR/tmp" \
      ES_JAVA_OPTS="-Xms512m -Xmx512m" "$ES_DIR/home/bin/elasticsearch" -d -p "$pidfile" \
      >"$LOGS/elasticsearch.log" 2>&1 || { tail_log "$LOGS/elasticsearch.log"; tail_log "$ES_DIR/logs/ticketing.log"; die "Elasticsearch failed to start"; }
  wait_until 30 es test -s "$pidfile" || true
  cp "$pidfile" "$PIDS/elasticsearch.pid" 2>/dev/null || true
  touch "$OWNED/elasticsearch"
}

es_wait() {
  wait_until "$INFRA_TIMEOUT" elasticsearch curl -fsS "http://127.0.0.1:$ES_PORT/_cluster/health?wait_for_status=yellow&timeout=1s" \
    || { tail_log "$ES_DIR/logs/ticketing.log"; die "Elasticsearch did not become ready within ${INFRA_TIMEOUT}s"; }
}
