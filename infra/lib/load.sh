# shellcheck shell=bash
# Against the running stack: Gatling simulations (load), the invariant check, the chaos run and the bench.
# Sourced by ./ticketing, which sets the paths, versions, ports and tables this file reads.

cmd_load() {
  local simulation="${1:-}"; shift || true
  [[ -n "$simulation" ]] || die "usage: ./ticketing load SurgeSimulation|ReadPathSimulation|WritePathSimulation [-Dname=value ...] | --check [EVENT_ID ...]"
  init_state
  services_build
  (cd "$ROOT" && ./mvnw -q -B -o install -DskipTests -pl invariants,load-tests >"$LOGS/build-load-tests.log" 2>&1) \
    || (cd "$ROOT" && ./mvnw -q -B install -DskipTests -pl invariants,load-tests >"$LOGS/build-load-tests.log" 2>&1) \
    || { tail_log "$LOGS/build-load-tests.log"; die "building load-tests failed"; }
  if [[ "$simulation" == --check ]]; then
    invariant_check "$@"
    return
  fi
  [[ "$simulation" == *.* ]] || simulation="io.surge.ticketing.load.$simulation"
  log "running $simulation against ${TICKETING_GATEWAY_URL:-the gateway}"
  local rc=0 record="$ROOT/load-tests/target/load/last-sale.properties" started="$STATE/load-started"
  touch "$started"
  (cd "$ROOT/load-tests" && ../mvnw -B verify -DskipSystemTests=false -Dgatling.simulationClass="$simulation" "$@") || rc=$?
  local report
  # shellcheck disable=SC2012 # the newest report folder by time; Gatling names them without spaces
  report="$(ls -td "$ROOT"/load-tests/target/gatling/*/ 2>/dev/null | head -n1)"
  [[ -n "$report" ]] && log "report: ${report}index.html"
  # Maven stops at failed Gatling assertions before the invariant check: a sale that went badly is the one whose
  # invariants matter most, so check the sale this run created all the same.
  if (( rc != 0 )) && [[ "$record" -nt "$started" ]]; then
    local event; event="$(sed -n 's/^event_id=//p' "$record")"
    log "the simulation failed; checking the invariants of its sale (event $event) all the same"
    invariant_check "$event" || true
  fi
  return "$rc"
}

# ./ticketing failover [-Dk=v ...]: a surge (SurgeSimulation, same options as load) while one instance of every
# service in turn is killed with kill -9 and started again, as pods die and come back; then the invariant check of
# the sale (part of load). Needs several instances (up --replicas 2). The first kill comes at the sale's start
# (preQueue seconds in), then one every TICKETING_FAILOVER_EVERY seconds (default 8), each instance back at once.
cmd_failover() {
  init_state
  local n; n="$(replicas)"
  ((n > 1)) || die "failover needs several instances of each service: ./ticketing up --replicas 2 first"
  local every="${TICKETING_FAILOVER_EVERY:-8}" first=25 a
  for a in "$@"; do [[ "$a" == -DpreQueue=* ]] && first="${a#-DpreQueue=}"; done
  local journal="$LOGS/failover.log" t0=$SECONDS
  : >"$journal"
  local output="$LOGS/failover-load.log"
  log "the surge runs in the background (its output: ${output/#$ROOT\//})"
  # Eight JVMs restarting on the machine that also runs the surge take its cores for a minute: the p99 bound is 20 s
  # (as in CI) unless given; what this run proves is no failed sale and every invariant. -Dp99= overrides it.
  local p99="-Dp99=20000"
  for a in "$@"; do [[ "$a" == -Dp99=* ]] && p99=""; done
  cmd_load SurgeSimulation ${p99:+"$p99"} "$@" >"$output" 2>&1 &
  local load=$! restarts=() s id k=1
  # the simulation builds and creates its event first: count from when Gatling starts
  until grep -q 'Simulation .* started' "$output" 2>/dev/null || ! pid_alive "$load"; do
    sleep 1
  done
  sleep "$first"
  for s in "${SERVICES[@]}"; do
    pid_alive "$load" || break
    id="${s%%:*}@$k"; k=$((k % n + 1))
    printf '%4d s  kill -9 %s\n' "$((SECONDS - t0))" "$id" | tee -a "$journal"
    kill_now "$id"
    ( service_start "$id" && service_wait "$id" \
        && printf '%4d s  %s ready again\n' "$((SECONDS - t0))" "$id" | tee -a "$journal" ) &
    restarts+=($!)
    sleep "$every"
  done
  local rc=0
  wait "$load" || rc=$?
  for a in "${restarts[@]}"; do wait "$a" || rc=1; done
  tail -n 60 "$output"
  log "failover: the kills and restarts"; cat "$journal"
  return "$rc"
}

# The chaos run: fans buy while components fail one after another (chaos/README.md).
cmd_chaos() {
  init_state
  services_build
  (cd "$ROOT" && ./mvnw -q -B -o install -DskipTests -pl invariants,chaos >"$LOGS/build-chaos.log" 2>&1) \
    || (cd "$ROOT" && ./mvnw -q -B install -DskipTests -pl invariants,chaos >"$LOGS/build-chaos.log" 2>&1) \
    || { tail_log "$LOGS/build-chaos.log"; die "building the chaos run failed"; }
  local cp="$STATE/chaos.classpath"
  (cd "$ROOT" && ./mvnw -q -B -o -pl chaos dependency:build-classpath -Dmdep.outputFile="$cp" >/dev/null) \
    || die "cannot resolve the chaos run's classpath"
  local s
  for s in "${SERVICES[@]}"; do service_ready "${s##*:}" || die "${s%%:*} is not up: run ./ticketing up first"; done
  "$(java_home)/bin/java" -Xmx256m -cp "$ROOT/chaos/target/classes:$(cat "$cp")" \
    io.surge.ticketing.chaos.ChaosRun --root "$ROOT" --log "$LOGS/chaos-launcher.log" "$@" 2>&1 | tee "$LOGS/chaos.log"
  return "${PIPESTATUS[0]}"
}

invariant_check() {
  local cp="$STATE/invariants.classpath"
  (cd "$ROOT" && ./mvnw -q -B -o -pl invariants dependency:build-classpath -Dmdep.outputFile="$cp" >/dev/null) \
    || die "cannot resolve the invariant checker's classpath"
  "$(java_home)/bin/java" -cp "$ROOT/invariants/target/classes:$(cat "$cp")" \
    io.surge.ticketing.invariants.InvariantChecker "$@"
}

# The bench is a script of its own (infra/bench/bench.sh).
cmd_bench() { exec "$ROOT/infra/bench/bench.sh" "$@"; }
