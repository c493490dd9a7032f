# shellcheck shell=bash
# Kafka (KRaft broker from Maven Central jars; its version is infra/kafka/pom.xml's kafka.version).
# Sourced by ./ticketing, which sets the paths, versions, ports and tables this file reads.

kafka_install() {
  local lib="$STATE/kafka/lib" wanted
  # The marker holds the checksum of infra/kafka/pom.xml: a new broker version there replaces the jars. Storage
  # formatted by another version may not be readable by this one (a downgrade never is), so it is formatted anew.
  wanted="$(cksum <"$ROOT/infra/kafka/pom.xml" | cut -d' ' -f1)"
  if [[ -f "$STATE/kafka/.installed" && "$(cat "$STATE/kafka/.installed")" != "$wanted" ]]; then
    log "the Kafka broker version changed (infra/kafka/pom.xml): replacing its jars and formatting its storage anew"
    rm -rf "$lib" "$STATE/kafka/data" "$STATE/kafka/.installed"
  fi
  if [[ ! -f "$STATE/kafka/.installed" ]]; then
    log "resolving the Kafka broker jars from Maven Central"
    mkdir -p "$lib"
    (cd "$ROOT" && ./mvnw -B -q -f infra/kafka/pom.xml dependency:copy-dependencies \
        -DoutputDirectory="$lib" -DincludeScope=runtime) >"$LOGS/kafka-install.log" 2>&1 \
      || { tail_log "$LOGS/kafka-install.log"; die "downloading the Kafka broker failed"; }
    echo "$wanted" >"$STATE/kafka/.installed"
  fi
}

kafka_up() {
  kafka_install
  local pid; pid="$(read_pid kafka)"
  if pid_alive "$pid"; then return 0; fi
  local p
  for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    port_open "$p" && die "port $p is taken by another process (pid $(port_pid "$p")); Kafka needs it"
  done
  local home="$STATE/kafka" jh; jh="$(java_home)"
  mkdir -p "$home/data" "$home/config"
  # The broker's own SCRAM login goes into its config in the state folder (mode 600), never into the repository.
  (umask 077
   sed "s#^log.dirs=.*##" "$ROOT/infra/kafka/server.properties" >"$home/config/server.properties"
   echo "log.dirs=$home/data" >>"$home/config/server.properties"
   printf '%s\n' "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"broker\" password=\"$TICKETING_KAFKA_BROKER_PASSWORD\";" \
     >>"$home/config/server.properties")
  cp "$ROOT/infra/kafka/log4j2.xml" "$home/config/log4j2.xml"
  if [[ -f "$home/data/meta.properties" && ! -f "$home/data/.scram-users" ]]; then
    log "Kafka's storage predates its SCRAM users: formatting it anew (the local stack's Kafka data is dropped)"
    rm -rf "$home/data"; mkdir -p "$home/data"
  fi
  if [[ ! -f "$home/data/meta.properties" ]]; then
    log "formatting Kafka storage (KRaft) with the SCRAM users broker and $TICKETING_KAFKA_USERNAME"
    local uuid
    uuid="$("$jh/bin/java" -Dlog4j2.configurationFile="$home/config/log4j2.xml" -cp "$home/lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n1)"
    "$jh/bin/java" -Dlog4j2.configurationFile="$home/config/log4j2.xml" -cp "$home/lib/*" kafka.tools.StorageTool format \
      -t "$uuid" -c "$home/config/server.properties" \
      --add-scram "SCRAM-SHA-512=[name=broker,password=$TICKETING_KAFKA_BROKER_PASSWORD]" \
      --add-scram "SCRAM-SHA-512=[name=$TICKETING_KAFKA_USERNAME,password=$TICKETING_KAFKA_PASSWORD]" \
      >"$LOGS/kafka-format.log" 2>&1 \
      || { tail_log "$LOGS/kafka-format.log"; die "formatting Kafka storage failed"; }
    touch "$home/data/.scram-users"
  fi
  log "starting Kafka on $KAFKA_PORT"
  nohup "$jh/bin/java" -Xms256m -Xmx512m -XX:+UseSerialGC -Dlog4j2.configurationFile="$home/config/log4j2.xml" \
    -cp "$home/lib/*" kafka.Kafka "$home/config/server.properties" >"$LOGS/kafka.log" 2>&1 &
  echo $! >"$PIDS/kafka.pid"
  touch "$OWNED/kafka"
}

kafka_ready() { pid_alive "$(read_pid kafka)" && port_open "$KAFKA_PORT" && grep -q 'Kafka Server started' "$LOGS/kafka.log"; }

kafka_wait() {
  if ! pid_alive "$(read_pid kafka)"; then
    port_open "$KAFKA_PORT" && return 0   # a broker we did not start
    tail_log "$LOGS/kafka.log"; die "Kafka is not running"
  fi
  local deadline=$((SECONDS + INFRA_TIMEOUT))
  until kafka_ready; do
    pid_alive "$(read_pid kafka)" || { tail_log "$LOGS/kafka.log"; die "Kafka exited during start-up"; }
    ((SECONDS < deadline)) || { tail_log "$LOGS/kafka.log"; die "Kafka did not become ready within ${INFRA_TIMEOUT}s"; }
    sleep 1
  done
}
