#!/usr/bin/env bash
# `./ticketing bench`: the machine's own limits and the platform's paths measured in the same run, each path
# printed as a ratio to its limit, medians over repeats. Needs the stack up (`./ticketing up`).
#   BENCH_REPEATS (default 3), BENCH_DURATION seconds per wrk run (default 8), BENCH_CONNECTIONS (default 64)
#   BENCH_ONLY: a comma list of the groups to run (availability, search, waiting-room, reserve, burst, scaling), all by
#   default (scaling only on a stack with replicas, BENCH_SCALING_COMMANDS per row, default 12000);
#   each group runs the limit it is a ratio to. BENCH_BURST (default 200000) commands for the burst's 100,000 seats.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="${TICKETING_STATE_DIR:-$ROOT/.ticketing}"
set -a; # shellcheck disable=SC1091
source "$STATE/secrets/env"; set +a
HERE="$ROOT/infra/bench"
OUT="$STATE/bench"
REPEATS="${BENCH_REPEATS:-3}"
DURATION="${BENCH_DURATION:-8}"
CONNECTIONS="${BENCH_CONNECTIONS:-64}"
# Reservations are a closed loop (each connection waits for its decision): more connections keep the buffer fed.
RESERVE_CONNECTIONS="${BENCH_RESERVE_CONNECTIONS:-128}"
NGINX_PORT=8099
ES_PORT="${TICKETING_ES_URL##*:}"; ES_PORT="${ES_PORT%%/*}"
ES_INDEX="events-v1"
CDN_PORT=8098
ONLY="${BENCH_ONLY:-}"
mkdir -p "$OUT"; rm -f "$OUT"/reserve-wrk-*.txt
on() { [[ -z "$ONLY" || ",$ONLY," == *",$1,"* ]]; }

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print 0; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
psql_booking() { PGPASSWORD="$TICKETING_DB_PASSWORD" psql -X -q -tA -h 127.0.0.1 -U "$TICKETING_DB_USER" -d booking "$@"; }

for tool in wrk nginx redis-benchmark pgbench psql curl; do
  if ! command -v "$tool" >/dev/null; then
    case "$tool" in
      wrk) pkg=wrk ;; nginx) pkg=nginx-light ;; redis-benchmark) pkg=redis-tools ;; pgbench|psql) pkg=postgresql-contrib ;; *) pkg=$tool ;;
    esac
    say "installing $pkg"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null || die "could not install $pkg"
  fi
done
curl -fsS -m 3 http://127.0.0.1:9080/actuator/health/readiness >/dev/null || die "the stack is not up: run ./ticketing up"

wrk_rps() { # url [wrk args...] -> requests/s
  local url=$1; shift
  # the URL before the options: everything after `--` belongs to the Lua script
  local out; out="$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url" "$@" 2>&1)"
  grep -q 'Non-2xx' <<<"$out" && printf 'warning: %s: %s\n' "$url" "$(grep 'Non-2xx' <<<"$out")" >&2
  awk '/Requests\/sec/ {print $2}' <<<"$out"
}

rps_of_redis_benchmark() { tr '\r' '\n' | grep 'requests per second' | tail -n1 | sed -E 's/.*: ([0-9.]+) requests per second.*/\1/'; }

# ------------------------------------------------------------------------------------------- nginx (the CDN's stand-in)
# nginx workers run as an unprivileged user: give them a folder they can read and a cache they can write.
WEB="$(mktemp -d /tmp/ticketing-bench.XXXXXX)"; chmod 755 "$WEB"
mkdir -p "$WEB/cdn-cache"; chown nobody "$WEB/cdn-cache" 2>/dev/null || chmod 777 "$WEB/cdn-cache"
# 6 KB -> 8 KB of base64 (no `head` after base64: its SIGPIPE under pipefail ended the bench at random)
head -c 6144 /dev/urandom | base64 -w0 >"$WEB/static-8k.bin"; chmod 644 "$WEB/static-8k.bin"
cat >"$OUT/nginx.conf" <<EOF
worker_processes 2;
pid $OUT/nginx.pid;
error_log $OUT/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  # The CDN's stand-in: a caching proxy in front of the gateway that honours the origin's Cache-Control
  # (max-age=1) and collapses concurrent misses into one origin request.
  proxy_cache_path $WEB/cdn-cache levels=1 keys_zone=cdn:10m max_size=100m inactive=10m use_temp_path=off;
  upstream gateway { server 127.0.0.1:8080; keepalive 32; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WEB;
    location / { add_header Cache-Control "public, max-age=1"; }
  }
  server {
    listen 127.0.0.1:$CDN_PORT;
    location / {
      proxy_pass http://gateway;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_cache cdn;
      proxy_cache_lock on;
      proxy_cache_use_stale updating;
      proxy_cache_background_update on;
      add_header X-Cache \$upstream_cache_status;
    }
  }
}
EOF
nginx -c "$OUT/nginx.conf" -p "$OUT" 2>/dev/null || die "nginx did not start (port $NGINX_PORT taken?)"
trap 'nginx -c "$OUT/nginx.conf" -p "$OUT" -s stop 2>/dev/null || true; rm -rf "$WEB"' EXIT

# ------------------------------------------------------------------------------------------- fixtures
say "creating two 100,000-seat benchmark events through the admin API"
ADMIN="$("$ROOT/ticketing" token bench-admin --admin)"
api() { curl -fsS -m 60 -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' "$@"; }
sections=""; prices=""
for s in A B C D E F G H I J; do
  sections+="${sections:+,}{\"name\":\"$s\",\"rows\":100,\"seats_per_row\":100}"
  prices+="${prices:+,}{\"section\":\"$s\",\"price_cents\":9900}"
done
venue_json="$(api -X POST http://127.0.0.1:8080/api/v1/admin/venues \
  -d "{\"name\":\"Bench Stadium $RANDOM\",\"city\":\"Benchville\",\"country\":\"US\",\"sections\":[$sections]}")" \
  || die "creating the benchmark venue failed"
venue="$(sed -n 's/.*"venue_id":\([0-9]*\).*/\1/p' <<<"$venue_json")"
[[ "$venue" =~ ^[0-9]+$ ]] || die "unexpected venue answer: $venue_json"
on_sale="$(date -u -d '-1 min' +%Y-%m-%dT%H:%M:%SZ)"; starts="$(date -u -d '+60 days' +%Y-%m-%dT%H:%M:%SZ)"
new_event() {
  local json id
  json="$(api -X POST http://127.0.0.1:8080/api/v1/admin/events -d "{\"name\":\"Bench $1\",\"performer\":\"The Benchmarks\",\"category\":\"concert\",\"venue_id\":$venue,\"starts_at\":\"$starts\",\"on_sale_at\":\"$on_sale\",\"price_tiers\":[$prices]}")" || die "creating a benchmark event failed"
  id="$(sed -n 's/.*"event_id":\([0-9]*\).*/\1/p' <<<"$json")"
  [[ "$id" =~ ^[0-9]+$ ]] || die "unexpected event answer: $json"
  echo "$id"
}
EVENT_PG="$(new_event pgbench)"; EVENT_E2E="$(new_event e2e)"; EVENTS=("$EVENT_PG" "$EVENT_E2E")
if on burst; then EVENT_BURST="$(new_event burst)"; EVENTS+=("$EVENT_BURST"); fi
# the write path warms up on an event of its own, so the measured rounds start on the same fresh event every time
if on reserve; then EVENT_WARM="$(new_event warm-up)"; EVENTS+=("$EVENT_WARM"); fi
inventory_loaded() { [[ "$(psql_booking -c "SELECT count(*) FROM event_inventory WHERE event_id = $1")" == 1 ]]; }
for e in "${EVENTS[@]}"; do
  for _ in $(seq 1 120); do inventory_loaded "$e" && break; sleep 1; done
  inventory_loaded "$e" || die "event $e has no inventory after 120 s"
  curl -fsS -m 5 -o /dev/null "http://127.0.0.1:8080/api/v1/events/$e/availability" || die "event $e has no availability"
done
section_list() { psql_booking -c "SELECT string_agg(section_id::text, ',' ORDER BY section_id) FROM event_sections WHERE event_id = $1"; }
PG_SECTIONS="$(section_list "$EVENT_PG")"; E2E_SECTIONS="$(section_list "$EVENT_E2E")"
[[ -n "$PG_SECTIONS" && -n "$E2E_SECTIONS" ]] || die "benchmark events have no inventory"
FIRST_SECTION="${PG_SECTIONS%%,*}"; LAST_SECTION="${PG_SECTIONS##*,}"
if on reserve; then WARM_SECTIONS="$(section_list "$EVENT_WARM")"; fi

say "signing 50,000 admission tokens for the reservation run"
CP="$OUT/contracts.classpath"
(cd "$ROOT" && ./mvnw -q -B -pl contracts dependency:build-classpath -Dmdep.outputFile="$CP" >/dev/null)
java -cp "$ROOT/contracts/target/classes:$(cat "$CP")" "$HERE/AdmissionTokens.java" "$EVENT_E2E" 50000 "$OUT/fans-tokens.tsv"
if on reserve; then
  java -cp "$ROOT/contracts/target/classes:$(cat "$CP")" "$HERE/AdmissionTokens.java" "$EVENT_WARM" 50000 "$OUT/warm-tokens.tsv"
fi
# The services answer only the platform's own callers: the direct rows sign their requests as the gateway would,
# with credentials good for ten minutes, signed again before each use.
creds() { java -cp "$ROOT/contracts/target/classes:$(cat "$CP")" "$HERE/ServiceCredentials.java" "$@"; }
fresh_fans() { creds add "$OUT/fans-tokens.tsv" "$OUT/fans.tsv"; }
fresh_warm_fans() { creds add "$OUT/warm-tokens.tsv" "$OUT/warm.tsv"; }
fresh_wr_fans() { creds users "wr-$1" 60000 "$OUT/wr-$1.tsv"; }
ANON=""
fresh_anon() { ANON="$(creds anonymous)"; }

# ------------------------------------------------------------------------------------------- runs
# booking.decision.latency (accepted -> decided) histogram: "le count" lines; the p99 of a round comes from the
# difference of two scrapes (the upper bound of the bucket the 99th percentile falls in).
decision_buckets() {
  curl -fsS -m 5 http://127.0.0.1:9084/actuator/prometheus \
    | sed -n 's/^booking_decision_latency_seconds_bucket{.*le="\([^"]*\)".*} \([0-9.eE+]*\)$/\1 \2/p'
}
p99_ms() {
  join <(sort "$1") <(sort "$2") | awk '$1 != "+Inf" {print $1, $3 - $2}' | sort -g \
    | awk '{le[NR]=$1; c[NR]=$2} END {if (NR == 0 || c[NR] == 0) {print 0; exit}
           for (i = 1; i <= NR; i++) if (c[i] >= 0.99 * c[NR]) {printf "%.0f", le[i] * 1000; exit}}'
}
declare -A RUNS
record() { RUNS[$1]+="$2 "; }
# JIT warm-up: the first seconds of a JVM path measure the compiler, not the path. Discarded.
say "warming up the HTTP paths"
SEARCH_Q="bench"
fresh_anon
if on availability; then
  DURATION=10 wrk_rps "http://127.0.0.1:8084/api/v1/events/$EVENT_E2E/availability" -H "X-Service-Credential: $ANON" >/dev/null
  # The gateway's reactive stack has the most code to compile: C2 keeps a core busy for half a minute.
  DURATION=30 wrk_rps "http://127.0.0.1:8080/api/v1/events/$EVENT_E2E/availability" -s "$HERE/spread-ips.lua" >/dev/null
fi
if on reserve; then
  # The write path has the most to compile (HTTP, Kafka, JDBC, Redis, JSON), and on these two shared cores C2 is still
  # compiling its frames minutes after start: from a fresh JVM, 8-s rounds climbed 99 -> 202 -> 309 -> 529/s over
  # three minutes (JFR shows C2 compilations of the JDBC, Kafka and Tomcat frames three minutes in), and a 40-s
  # warm-up that stopped at the first two windows within 10 % (152 322 389 413) left the rounds at 322-409. So warm
  # up for at least two minutes, then until two 10-s windows decide within 10 % of each other (at most three
  # minutes, and before the warm-up event's 100,000 seats run low), and print the windows.
  prev=0; warm_rates=""
  for w in $(seq 1 18); do
    fresh_warm_fans
    b="$(psql_booking -c "SELECT count(*) FROM bookings WHERE event_id = $EVENT_WARM AND status = 'RESERVED'")"
    ((b < 85000)) || break
    wrk -t2 -c"$RESERVE_CONNECTIONS" -d10s -s "$HERE/reserve.lua" http://127.0.0.1:8084 -- "$OUT/warm.tsv" "$EVENT_WARM" "$WARM_SECTIONS" >/dev/null 2>&1
    a="$(psql_booking -c "SELECT count(*) FROM bookings WHERE event_id = $EVENT_WARM AND status = 'RESERVED'")"
    rate=$(( (a - b) / 10 )); warm_rates+="$rate "
    if (( w >= 12 )) && awk -v r="$rate" -v p="$prev" 'BEGIN { exit !(p > 0 && r >= 0.9 * p && r <= 1.1 * p) }'; then break; fi
    prev=$rate
  done
  WARM_LINE="write path warm-up, decided per second in 10-s windows: $warm_rates"
  say "$WARM_LINE"
fi
if on search; then
  DURATION=10 wrk_rps "http://127.0.0.1:8083/api/v1/events/search?q=$SEARCH_Q" -H "X-Service-Credential: $ANON" >/dev/null
fi
if on waiting-room; then
  fresh_wr_fans warm
  wrk -t2 -c"$CONNECTIONS" -d10s -s "$HERE/waiting-room.lua" http://127.0.0.1:8081 -- join "$EVENT_E2E" "$OUT/wr-warm.tsv" >/dev/null 2>&1
  DURATION=20 wrk_rps "http://127.0.0.1:8080/api/v1/waiting-room/$EVENT_E2E/progress" -s "$HERE/spread-ips.lua" >/dev/null
fi
for r in $(seq 1 "$REPEATS"); do
  say "round $r of $REPEATS"
  fresh_anon
  if on availability; then
    record nginx "$(wrk_rps "http://127.0.0.1:$NGINX_PORT/static-8k.bin")"
  fi
  if on search; then
    record es_search "$(wrk_rps "http://127.0.0.1:$ES_PORT/$ES_INDEX/_search?q=$SEARCH_Q&size=20")"
    record search_direct "$(wrk_rps "http://127.0.0.1:8083/api/v1/events/search?q=$SEARCH_Q" -H "X-Service-Credential: $ANON")"
    record search_gateway "$(wrk_rps "http://127.0.0.1:8080/api/v1/events/search?q=$SEARCH_Q" -s "$HERE/spread-ips.lua")"
  fi
  if on waiting-room; then
    fresh_wr_fans "r$r"
    record wr_join "$(wrk_rps http://127.0.0.1:8081 -s "$HERE/waiting-room.lua" -- join "$EVENT_E2E" "$OUT/wr-r$r.tsv")"
    record wr_poll "$(wrk_rps http://127.0.0.1:8081 -s "$HERE/waiting-room.lua" -- poll "$EVENT_E2E" "$OUT/wr-r$r.tsv")"
    record wr_progress "$(wrk_rps "http://127.0.0.1:8080/api/v1/waiting-room/$EVENT_E2E/progress" -s "$HERE/spread-ips.lua")"
  fi
  if on availability; then
    record avail_direct "$(wrk_rps "http://127.0.0.1:8084/api/v1/events/$EVENT_E2E/availability" -H "X-Service-Credential: $ANON")"
    record avail_cdn "$(wrk_rps "http://127.0.0.1:$CDN_PORT/api/v1/events/$EVENT_E2E/availability")"
    record avail_gateway "$(wrk_rps "http://127.0.0.1:8080/api/v1/events/$EVENT_E2E/availability" -s "$HERE/spread-ips.lua")"
  fi
  if on waiting-room; then
    record redis_get "$(redis-benchmark --user "$TICKETING_REDIS_USERNAME" -a "$TICKETING_REDIS_PASSWORD" -q -n 200000 -P 1 -t get 2>/dev/null | rps_of_redis_benchmark)"
    record redis_getbit "$(redis-benchmark --user "$TICKETING_REDIS_USERNAME" -a "$TICKETING_REDIS_PASSWORD" -q -n 200000 -P 1 getbit bench:bits 4242 2>/dev/null | rps_of_redis_benchmark)"
  fi
  if on reserve; then
    record pgbench "$(PGPASSWORD="$TICKETING_DB_PASSWORD" pgbench -n -h 127.0.0.1 -U "$TICKETING_DB_USER" -c 16 -j 2 -t 600 \
        -D event_id="$EVENT_PG" -D first_section="$FIRST_SECTION" -D last_section="$LAST_SECTION" \
        -f "$HERE/claim.sql" booking 2>/dev/null | awk '/^tps/ {print $3}')"
    before="$(psql_booking -c "SELECT count(*) FROM bookings WHERE event_id = $EVENT_E2E AND status = 'RESERVED'")"
    decision_buckets >"$OUT/latency-before.txt"
    fresh_fans
    t0="$(date +%s.%N)"
    wrk -t2 -c"$RESERVE_CONNECTIONS" -d"${DURATION}s" -s "$HERE/reserve.lua" http://127.0.0.1:8084 \
        -- "$OUT/fans.tsv" "$EVENT_E2E" "$E2E_SECTIONS" >"$OUT/reserve-wrk-$r.txt" 2>&1
    # Count what was decided (in Postgres) during the run, including what the buffer decided just after it.
    for _ in $(seq 1 30); do
      lag="$(curl -fsS -m 5 http://127.0.0.1:9084/actuator/prometheus | awk '/^booking_commands_lag/ {print int($2)}' || true)"
      [[ "${lag:-0}" -eq 0 ]] && break; sleep 1
    done
    t1="$(date +%s.%N)"
    after="$(psql_booking -c "SELECT count(*) FROM bookings WHERE event_id = $EVENT_E2E AND status = 'RESERVED'")"
    record reserve "$(awk -v a="$after" -v b="$before" -v t0="$t0" -v t1="$t1" 'BEGIN {printf "%.0f", (a - b) / (t1 - t0)}')"
    decision_buckets >"$OUT/latency-after.txt"
    record decision_p99 "$(p99_ms "$OUT/latency-before.txt" "$OUT/latency-after.txt")"
  fi
done

# ------------------------------------------------------------------------------------------- the burst
BURST_LINE=""
if on burst; then
  BURST="${BENCH_BURST:-200000}"
  say "the burst: $BURST best-available commands for the 100,000 seats of event $EVENT_BURST, straight into the buffer"
  BCP="$OUT/booking.classpath"
  (cd "$ROOT" && ./mvnw -q -B -pl booking-service dependency:build-classpath -Dmdep.outputFile="$BCP" >/dev/null)
  # routed as booking-service routes (ticketing.booking.commands.spread, 6 unless configured otherwise)
  SPREAD="${BENCH_SPREAD:-6}"
  read -r _ first_ms sent_ms < <(java -cp "$ROOT/contracts/target/classes:$(cat "$BCP")" "$HERE/CommandBurst.java" \
    "$EVENT_BURST" "$(section_list "$EVENT_BURST")" "$BURST" "$((BURST / 2))" "$SPREAD" 2>"$OUT/burst.err" \
    | grep '^burst ')
  [[ -n "${first_ms:-}" ]] || die "the burst producer failed: $(tail -n 5 "$OUT/burst.err")"
  for _ in $(seq 1 900); do
    decided="$(psql_booking -c "SELECT count(*) FROM bookings WHERE event_id = $EVENT_BURST")"
    [[ "$decided" -ge "$BURST" ]] && break; sleep 1
  done
  last_ms="$(psql_booking -c "SELECT (extract(epoch FROM max(created_at)) * 1000)::bigint FROM bookings WHERE event_id = $EVENT_BURST")"
  read -r reserved seats_held < <(psql_booking -F ' ' -c "SELECT count(*) FILTER (WHERE status = 'RESERVED'), coalesce(sum(cardinality(ticket_ids)) FILTER (WHERE status = 'RESERVED'), 0) FROM bookings WHERE event_id = $EVENT_BURST")
  secs="$(awk -v a="$first_ms" -v b="$last_ms" 'BEGIN {printf "%.1f", (b - a) / 1000}')"
  if "$ROOT/ticketing" load --check "$EVENT_BURST" >"$OUT/burst-invariants.txt" 2>&1; then verdict="all invariants hold"
  else verdict="INVARIANTS VIOLATED (see $OUT/burst-invariants.txt)"; fi
  BURST_LINE="burst: $decided of $BURST commands decided in $secs s from the first command ($(awk -v n="$decided" -v s="$secs" 'BEGIN {printf "%.0f", n / s}')/s; appended in $(awk -v a="$first_ms" -v b="$sent_ms" 'BEGIN {printf "%.1f", (b - a) / 1000}') s); $reserved bookings hold $seats_held of 100000 seats; $verdict"
fi

# ------------------------------------------------------------------------------------------- scaling
# Decisions per second with 1, 2 and 4 events on sale at once, with one booking-service instance and with two
# (docs/scaling.md). Needs the stack on replicas (./ticketing up --replicas 2): the second instance is stopped for
# the one-instance rows (Kafka hands its partitions to the first) and started again for the two-instance rows.
SCALING_LINES=()
if on scaling; then
  if [[ "$(cat "$STATE/replicas" 2>/dev/null || echo 1)" -lt 2 ]]; then
    SCALING_LINES+=("scaling: skipped (it compares one and two booking-service instances: ./ticketing up --replicas 2)")
  else
    SCALE_COMMANDS="${BENCH_SCALING_COMMANDS:-12000}"
    say "scaling: $SCALE_COMMANDS best-available commands over 1, 2 and 4 events at once, 1 and 2 booking instances"
    BCP="$OUT/booking.classpath"
    (cd "$ROOT" && ./mvnw -q -B -pl booking-service dependency:build-classpath -Dmdep.outputFile="$BCP" >/dev/null)
    arena_sections=""; arena_prices=""
    for s in A B; do
      arena_sections+="${arena_sections:+,}{\"name\":\"$s\",\"rows\":100,\"seats_per_row\":100}"
      arena_prices+="${arena_prices:+,}{\"section\":\"$s\",\"price_cents\":4900}"
    done
    arena_json="$(api -X POST http://127.0.0.1:8080/api/v1/admin/venues \
      -d "{\"name\":\"Bench Arena $RANDOM\",\"city\":\"Benchville\",\"country\":\"US\",\"sections\":[$arena_sections]}")" \
      || die "creating the scaling venue failed"
    arena="$(sed -n 's/.*"venue_id":\([0-9]*\).*/\1/p' <<<"$arena_json")"
    SCALING_EVENTS=()
    for instances in 1 2; do
      if ((instances == 1)); then "$ROOT/ticketing" stop booking-service@2 >/dev/null
      else "$ROOT/ticketing" start booking-service@2 >/dev/null; fi
      sleep 15 # the consumer group settles on its new member count
      # a fresh instance decides its first thousands of commands through the interpreter and C1: warm both up on a
      # throwaway event first, so the rows compare deciders, not JIT states
      for n in warm 1 2 4; do
        [[ "$n" == warm ]] && n=0
        ids=""; sections=""
        for ((i = 0; i < (n == 0 ? 1 : n); i++)); do
          json="$(api -X POST http://127.0.0.1:8080/api/v1/admin/events -d "{\"name\":\"Bench scaling $instances-$n-$i\",\"performer\":\"The Benchmarks\",\"category\":\"concert\",\"venue_id\":$arena,\"starts_at\":\"$starts\",\"on_sale_at\":\"$on_sale\",\"price_tiers\":[$arena_prices]}")" \
            || die "creating a scaling event failed"
          id="$(sed -n 's/.*"event_id":\([0-9]*\).*/\1/p' <<<"$json")"
          for _ in $(seq 1 120); do inventory_loaded "$id" && break; sleep 1; done
          inventory_loaded "$id" || die "scaling event $id has no inventory after 120 s"
          ids+="${ids:+,}$id"; sections+="${sections:+/}$(section_list "$id")"; SCALING_EVENTS+=("$id")
        done
        read -r _ first_ms _ < <(java -cp "$ROOT/contracts/target/classes:$(cat "$BCP")" "$HERE/CommandBurst.java" \
          "$ids" "$sections" "$SCALE_COMMANDS" "$((SCALE_COMMANDS / 2))" "${BENCH_SPREAD:-6}" 2>"$OUT/scaling.err" \
          | grep '^burst ')
        [[ -n "${first_ms:-}" ]] || die "the scaling producer failed: $(tail -n 5 "$OUT/scaling.err")"
        for _ in $(seq 1 600); do
          decided="$(psql_booking -c "SELECT count(*) FROM bookings WHERE event_id IN ($ids)")"
          [[ "$decided" -ge "$SCALE_COMMANDS" ]] && break; sleep 1
        done
        last_ms="$(psql_booking -c "SELECT (extract(epoch FROM max(created_at)) * 1000)::bigint FROM bookings WHERE event_id IN ($ids)")"
        rate="$(awk -v n="$decided" -v a="$first_ms" -v b="$last_ms" 'BEGIN {printf "%.0f", n / ((b - a) / 1000)}')"
        if ((n == 0)); then say "scaling: $instances instance(s), warm-up: $decided decided, $rate/s"; continue; fi
        say "scaling: $instances instance(s), $n event(s): $decided decided, $rate/s"
        record "scale_${instances}_$n" "$rate"
      done
    done
    if "$ROOT/ticketing" load --check "${SCALING_EVENTS[@]}" >"$OUT/scaling-invariants.txt" 2>&1; then verdict="all invariants hold"
    else verdict="INVARIANTS VIOLATED (see $OUT/scaling-invariants.txt)"; fi
    for n in 1 2 4; do
      one="${RUNS[scale_1_$n]:-0}"; two="${RUNS[scale_2_$n]:-0}"
      SCALING_LINES+=("$(printf '%-44s %12s %12s %8s' "decisions/s, $n event(s), 1 -> 2 booking instances" "${one% }" "${two% }" "$(ratio "$two" "$one")")")
    done
    SCALING_LINES+=("(scaling: $SCALE_COMMANDS best-available commands per row straight into the buffer, spread over the events; first command to last decision; $verdict)")
  fi
fi

m() { echo "${RUNS[$1]:-}" | tr ' ' '\n' | { grep -v '^$' || true; } | median; }
NGINX="$(m nginx)"; REDIS_GET="$(m redis_get)"; REDIS_GETBIT="$(m redis_getbit)"; PGB="$(m pgbench)"
AD="$(m avail_direct)"; AG="$(m avail_gateway)"; AC="$(m avail_cdn)"; RES="$(m reserve)"
ES="$(m es_search)"; SD="$(m search_direct)"; SG="$(m search_gateway)"; WJ="$(m wr_join)"; WP="$(m wr_poll)"
WG="$(m wr_progress)"

{
  echo
  echo "Benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; medians of $REPEATS rounds, wrk -t2 -c$CONNECTIONS -d${DURATION}s"
  row() { [[ -n "$2" && "$2" != 0 ]] && printf '%-44s %12s %12s %8s\n' "$@"; return 0; }
  printf '%-44s %12s %12s %8s\n' "path" "per second" "limit" "ratio"
  row "limit: nginx static 8 KB file" "$NGINX" "" ""
  row "limit: redis-benchmark GET / GETBIT (P=1)" "$REDIS_GET" "$REDIS_GETBIT" ""
  row "limit: pgbench claim+hold SKIP LOCKED (c16)" "$PGB" "" ""
  row "availability, booking-service direct" "$AD" "$NGINX" "$(ratio "$AD" "$NGINX")"
  row "availability, through the gateway" "$AG" "$NGINX" "$(ratio "$AG" "$NGINX")"
  row "availability, CDN stand-in (nginx cache, 1 s)" "$AC" "$NGINX" "$(ratio "$AC" "$NGINX")"
  row "reservations decided, HTTP->Kafka->PG->Redis" "$RES" "$PGB" "$(ratio "$RES" "$PGB")"
  [[ -n "$(m decision_p99)" && "$(m decision_p99)" != 0 ]] && echo "  decision latency p99, accepted -> decided: $(m decision_p99) ms (rounds: ${RUNS[decision_p99]:-})"
  [[ -n "${WARM_LINE:-}" ]] && echo "  $WARM_LINE"
  [[ -n "$BURST_LINE" ]] && echo "  $BURST_LINE"
  if ((${#SCALING_LINES[@]})); then
    printf '%-44s %12s %12s %8s\n' "scaling (docs/scaling.md)" "1 instance" "2 instances" "ratio"
    printf '%s\n' "${SCALING_LINES[@]}"
  fi
  row "limit: Elasticsearch _search, same index" "$ES" "" ""
  row "search, search-service direct" "$SD" "$ES" "$(ratio "$SD" "$ES")"
  row "search, through the gateway" "$SG" "$ES" "$(ratio "$SG" "$ES")"
  row "waiting-room joins (new fans), direct" "$WJ" "$REDIS_GET" "$(ratio "$WJ" "$REDIS_GET")"
  row "waiting-room status polls, direct" "$WP" "$REDIS_GET" "$(ratio "$WP" "$REDIS_GET")"
  row "waiting-room progress polls, through gateway" "$WG" "$REDIS_GET" "$(ratio "$WG" "$REDIS_GET")"
  echo "(reservations: wrk -c$RESERVE_CONNECTIONS closed loop, one best-available seat each, one event over the buffer's partitions;"
  echo " pgbench: 16 clients running the same claim + hold, one transaction each;"
  echo " search: q=$SEARCH_Q, 20 results; waiting room: ratio to one redis-benchmark GET, the store's round-trip limit;"
  echo " through the gateway, public answers come from its edge cache, asked of the service once per key and max-age)"
  echo "rounds: nginx [${RUNS[nginx]:-}] avail-cdn [${RUNS[avail_cdn]:-}] avail-direct [${RUNS[avail_direct]:-}] avail-gateway [${RUNS[avail_gateway]:-}] pgbench [${RUNS[pgbench]:-}] reserve [${RUNS[reserve]:-}]"
  echo "rounds: es [${RUNS[es_search]:-}] search-direct [${RUNS[search_direct]:-}] search-gateway [${RUNS[search_gateway]:-}] wr-join [${RUNS[wr_join]:-}] wr-poll [${RUNS[wr_poll]:-}] wr-progress [${RUNS[wr_progress]:-}]"
  grep -h latency_p "$OUT"/reserve-wrk-*.txt | sed 's/^/reserve round: /' || true
} | tee "$OUT/last.txt"
