#!/usr/bin/env bash
# The launcher's port table (SERVICES in ./ticketing) against the services' configuration: each service's
# application.yml must default server.port to the table's port and management.server.port (actuator, which the
# launcher polls for readiness) to 1000 above it, and every module with an application.yml must be in the table.
# Run by `./ticketing test` before the stack is touched; prints what disagrees and exits 1.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# name:port lines of the SERVICES=( ... ) block of ./ticketing
table="$(sed -n '/^SERVICES=(/,/^)/ s/^[[:space:]]*"\([a-z-]*:[0-9]*\)".*/\1/p' "$ROOT/ticketing")"
[[ -n "$table" ]] || { echo "error: no SERVICES=( \"name:port\" ... ) table found in ./ticketing" >&2; exit 1; }

# The value at a dotted key (e.g. management.server.port) of a YAML file's first document, indented by two spaces,
# with a placeholder's default taken: `port: ${TICKETING_BOOKING_PORT:8084}` -> 8084.
yml_value() { # file dotted-key
  awk -v want="$2" '
    /^---/ { exit }
    /^[[:space:]]*(#|$)/ { next }
    {
      match($0, /^ */); depth = RLENGTH / 2
      line = substr($0, RLENGTH + 1); key = line; sub(/:.*/, "", key)
      path[depth] = key; full = path[0]
      for (i = 1; i <= depth; i++) full = full "." path[i]
      if (full == want) { sub(/^[^:]*:[[:space:]]*/, "", line); print line; exit }
    }' "$1" | sed 's/^\${[^:]*:\(.*\)}$/\1/'
}

problems=0
problem() { printf 'error: %s\n' "$*" >&2; problems=$((problems + 1)); }

while IFS=: read -r name port; do
  yml="$ROOT/$name/src/main/resources/application.yml"
  if [[ ! -f "$yml" ]]; then problem "$name (port $port in ./ticketing) has no $name/src/main/resources/application.yml"; continue; fi
  api="$(yml_value "$yml" server.port)"
  management="$(yml_value "$yml" management.server.port)"
  [[ "$api" == "$port" ]] \
    || problem "$name: ./ticketing says port $port, ${yml#"$ROOT"/} says server.port ${api:-(none)}"
  [[ "$management" == "$((port + 1000))" ]] \
    || problem "$name: the launcher polls actuator on $((port + 1000)), ${yml#"$ROOT"/} says management.server.port ${management:-(none)}"
done <<<"$table"

for yml in "$ROOT"/*/src/main/resources/application.yml; do
  name="${yml#"$ROOT"/}"; name="${name%%/*}"
  grep -qx "$name:[0-9]*" <<<"$table" || problem "$name has an application.yml but no port in ./ticketing's SERVICES"
done

exit $((problems > 0))
