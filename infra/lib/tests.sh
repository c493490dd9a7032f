# shellcheck shell=bash
# ./ticketing test: the whole suite against a freshly reset stack.
# Sourced by ./ticketing, which sets the paths, versions, ports and tables this file reads.

# The browser tests drive Debian's Chromium through its chromedriver (headless; fonts for readable screenshots).
ensure_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt_install chromium chromium-driver fonts-liberation
  fi
}

# The launcher is part of the build: its scripts pass shellcheck, and its port table matches the services'
# configuration, before the stack is touched.
check_launcher() {
  command -v shellcheck >/dev/null || apt_install shellcheck
  log "checking the launcher's scripts (shellcheck) and its ports (infra/check-ports.sh)"
  (cd "$ROOT" && shopt -s globstar && shellcheck -x ticketing .ci/run infra/**/*.sh) \
    || die "shellcheck found problems in the launcher's scripts (above)"
  "$ROOT/infra/check-ports.sh" || die "the launcher's port table and the services' application.yml disagree (above)"
}

cmd_test() {
  local t0=$SECONDS
  init_state
  check_launcher
  reset_data
  ensure_browser
  infra_up
  services_up
  log "running the test suite (mvnw verify)"
  local rc=0
  # The stack was reset for this run and serves nothing else, so destructive fault tests may run.
  # The CI surge proves correctness (no failed request, every invariant) on two cores shared by the whole stack,
  # Maven and Gatling; its p99 bound only catches a hang. Latency is measured by `./ticketing bench`.
  (cd "$ROOT" && TICKETING_ALLOW_FLUSHALL=true ./mvnw -B verify -DskipSystemTests=false \
      -Dp99="${TICKETING_CI_SURGE_P99_MS:-20000}" "$@") || rc=$?
  if (( rc == 0 )); then
    log "the quick chaos run (faults during a sale, fuzzing, attacks)"
    cmd_chaos --quick || rc=$?
  fi
  log "test suite finished in $((SECONDS - t0)) s with exit code $rc"
  return "$rc"
}
