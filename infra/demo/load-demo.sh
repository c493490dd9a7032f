#!/usr/bin/env bash
# Loads the demo catalog: ~40 venues in ~30 cities (one 60,000-seat stadium with a full seated layout), 300
# events with on-sale times spread around now. Idempotent: skips when the demo stadium already exists.
# Runs after `./ticketing up` has every service ready, with the TICKETING_* environment exported.
#
# It talks to catalog-service directly on its loopback port (TICKETING_DEMO_CATALOG_URL) as an admin: the gateway's
# per-user rate limits are for fans, not for a bootstrap of a few hundred writes. Total seats stay moderate
# (~300,000: booking-service creates one row per seat).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# normally exported by the launcher; when run by hand, read the same file (the idempotency check needs the DB)
ENV_FILE="${TICKETING_STATE_DIR:-$ROOT/.ticketing}/secrets/env"
# shellcheck source=/dev/null # generated per machine by the launcher
if [[ -z "${TICKETING_DB_PASSWORD:-}" && -f "$ENV_FILE" ]]; then set -a; source "$ENV_FILE"; set +a; fi
API="${TICKETING_DEMO_CATALOG_URL:-http://127.0.0.1:8082}"
EVENTS="${TICKETING_DEMO_EVENTS:-300}"
STADIUM="Surge Stadium"

log() { printf '==> demo: %s\n' "$*"; }

TOKEN="$("$ROOT/ticketing" token demo-loader --admin 2>/dev/null || true)"

# post PATH JSON -> prints the response body; retries briefly on 429/503 (a service still warming up)
post() {
  local path=$1 body=$2 out code
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    out="$(curl -sS -m 30 -w '\n%{http_code}' -X POST "$API$path" \
      -H 'Content-Type: application/json' -H 'X-User-Id: demo-loader' -H 'X-User-Roles: admin' \
      ${TOKEN:+-H "Authorization: Bearer $TOKEN"} --data "$body")" || { sleep 1; continue; }
    code="${out##*$'\n'}"
    case "$code" in
      201|200) printf '%s' "${out%$'\n'*}"; return 0 ;;
      429|502|503) sleep 1 ;;
      *) printf 'demo: POST %s answered %s: %s\n' "$path" "$code" "${out%$'\n'*}" >&2; return 1 ;;
    esac
  done
  echo "demo: POST $path kept failing" >&2; return 1
}

json_id() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p"; }

already_loaded() {
  command -v psql >/dev/null || { echo "demo: psql is missing, cannot tell whether the demo is loaded" >&2; exit 1; }
  local n
  n="$(PGPASSWORD="${TICKETING_DB_PASSWORD:-}" psql -h "${TICKETING_DB_HOST:-127.0.0.1}" -p "${TICKETING_DB_PORT:-5432}" \
      -U "${TICKETING_DB_USER:-ticketing}" -d catalog -tAc "SELECT count(*) FROM venue WHERE name = '$STADIUM'" 2>/dev/null || echo 0)"
  [[ "${n:-0}" -gt 0 ]]
}

if already_loaded; then
  log "already loaded (venue '$STADIUM' exists); skipping"
  exit 0
fi

t0=$SECONDS
RANDOM=20261128   # same demo on every machine

# city|country|venue|kind   kind: club (GA), theater (seated), arena (seated + floor)
VENUES=(
  "New York|US|Harbor Hall|arena" "New York|US|Bleecker Room|club" "Los Angeles|US|Sunset Palladium|theater"
  "Los Angeles|US|Echo Cellar|club" "Chicago|US|Lakeshore Arena|arena" "Chicago|US|Green Mill Lounge|club"
  "Austin|US|Congress Avenue Theater|theater" "Nashville|US|Ryman Row Hall|theater" "Seattle|US|Pike Street Club|club"
  "Denver|US|Red Mesa Amphitheater|arena" "Boston|US|Fenway Music Hall|theater" "Miami|US|Biscayne Bay Arena|arena"
  "Atlanta|US|Peachtree Ballroom|theater" "San Francisco|US|Fillmore West Room|club" "Toronto|CA|Queen West Hall|theater"
  "Montreal|CA|Salle Saint-Denis|theater" "Mexico City|MX|Foro del Sol|arena" "London|GB|Camden Roundhouse|club"
  "London|GB|Thames Arena|arena" "Manchester|GB|Northern Quarter Hall|theater" "Dublin|IE|Liffey Ballroom|theater"
  "Paris|FR|Salle Pleyel Nord|theater" "Berlin|DE|Spree Halle|arena" "Hamburg|DE|Elbe Club|club"
  "Amsterdam|NL|Paradiso Kerk|club" "Madrid|ES|Palacio Gran Via|theater" "Barcelona|ES|Sala Razzle|club"
  "Milan|IT|Teatro Navigli|theater" "Stockholm|SE|Sodra Arena|arena" "Copenhagen|DK|Vega Hall|club"
  "Tokyo|JP|Shibuya Dome Hall|arena" "Osaka|JP|Namba Hatch|club" "Seoul|KR|Olympic Hall|arena"
  "Sydney|AU|Harbourside Theatre|theater" "Melbourne|AU|Forum Yarra|theater" "Sao Paulo|BR|Espaco Paulista|arena"
  "Buenos Aires|AR|Teatro Colon Sur|theater" "Cape Town|ZA|Table Bay Hall|theater"
)
PERFORMERS=(
  "Taylor Swift" "Beyonce" "Ed Sheeran" "Adele" "Bruno Mars" "Billie Eilish" "Coldplay" "Dua Lipa" "Harry Styles"
  "Olivia Rodrigo" "The Weeknd" "Kendrick Lamar" "Bad Bunny" "Karol G" "Arctic Monkeys" "Foo Fighters"
  "Metallica" "Imagine Dragons" "Lizzo" "SZA" "Post Malone" "Morgan Wallen" "Luke Combs" "Zach Bryan"
  "Hozier" "Florence and the Machine" "Lana Del Rey" "Phoebe Bridgers" "Tame Impala" "Vampire Weekend"
  "John Mulaney" "Ali Wong" "Dave Chappelle" "Hamilton Company" "Cirque du Soleil" "Wicked Touring Company"
  "Berlin Philharmonic" "Yo-Yo Ma" "Lang Lang" "Daft Punk Tribute"
)
category_of() {
  case "$1" in
    "John Mulaney"|"Ali Wong"|"Dave Chappelle") echo comedy ;;
    "Hamilton Company"|"Cirque du Soleil"|"Wicked Touring Company") echo theatre ;;
    "Berlin Philharmonic"|"Yo-Yo Ma"|"Lang Lang") echo classical ;;
    *) echo concert ;;
  esac
}
TOUR_NAMES=("World Tour" "Live" "In Concert" "Arena Tour" "An Evening With" "Summer Nights" "Greatest Hits" "Unplugged")

# ---- venues: "id|kind|section,section,..." (section names priced by events)
declare -a VENUE_IDS=() VENUE_KINDS=() VENUE_SECTIONS=()

# the stadium: 20 seated sections of 30 rows x 100 seats = 60,000 seats, each seat a real row/number
sections=""; names=""
for i in $(seq 101 120); do
  sections+="${sections:+,}{\"name\":\"$i\",\"rows\":30,\"seats_per_row\":100}"; names+="${names:+,}$i"
done
body="{\"name\":\"$STADIUM\",\"city\":\"Las Vegas\",\"country\":\"US\",\"sections\":[$sections]}"
STADIUM_ID="$(post /api/v1/admin/venues "$body" | json_id venue_id)"
STADIUM_SECTIONS="$names"

for v in "${VENUES[@]}"; do
  IFS='|' read -r city country name kind <<<"$v"
  case "$kind" in
    club)    cap=$((200 + RANDOM % 500)); sections="{\"name\":\"GA\",\"capacity\":$cap}"; names="GA" ;;
    theater) sections="{\"name\":\"Orchestra\",\"rows\":$((8 + RANDOM % 8)),\"seats_per_row\":$((16 + RANDOM % 10))},{\"name\":\"Mezzanine\",\"rows\":$((4 + RANDOM % 4)),\"seats_per_row\":20},{\"name\":\"Balcony\",\"rows\":5,\"seats_per_row\":$((18 + RANDOM % 8))}"
             names="Orchestra,Mezzanine,Balcony" ;;
    arena)   sections="{\"name\":\"Floor\",\"capacity\":$((300 + RANDOM % 300))},{\"name\":\"Lower\",\"rows\":12,\"seats_per_row\":$((30 + RANDOM % 20))},{\"name\":\"Upper\",\"rows\":10,\"seats_per_row\":$((30 + RANDOM % 20))}"
             names="Floor,Lower,Upper" ;;
  esac
  id="$(post /api/v1/admin/venues "{\"name\":\"$name\",\"city\":\"$city\",\"country\":\"$country\",\"sections\":[$sections]}" | json_id venue_id)"
  VENUE_IDS+=("$id"); VENUE_KINDS+=("$kind"); VENUE_SECTIONS+=("$names")
done
log "$(( ${#VENUE_IDS[@]} + 1 )) venues in $((SECONDS - t0)) s"

iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }
now=$(date +%s)

tiers_for() { # section names (comma-separated), base price -> price tier JSON
  local IFS=, out="" s price=$2 step=0
  for s in $1; do out+="${out:+,}{\"section\":\"$s\",\"price_cents\":$(( price - step * 1500 ))}"; step=$((step + 1)); done
  printf '%s' "$out"
}

create_event() { # name performer category venue_id starts_epoch on_sale_epoch tiers
  post /api/v1/admin/events "{\"name\":\"$1\",\"performer\":\"$2\",\"category\":\"$3\",\"venue_id\":$4,\"starts_at\":\"$(iso "$5")\",\"on_sale_at\":\"$(iso "$6")\",\"price_tiers\":[$7]}" >/dev/null
}

# the headline: the stadium show, on sale in 10 minutes so the waiting room and the sale can be watched
stadium_tiers=""; i=0
IFS=, read -ra snames <<<"$STADIUM_SECTIONS"
for s in "${snames[@]}"; do stadium_tiers+="${stadium_tiers:+,}{\"section\":\"$s\",\"price_cents\":$(( 45000 - (i % 10) * 2500 ))}"; i=$((i + 1)); done
create_event "Taylor Swift | The Eras Tour" "Taylor Swift" concert "$STADIUM_ID" $((now + 45 * 86400)) $((now + 600)) "$stadium_tiers"

for n in $(seq 2 "$EVENTS"); do
  performer="${PERFORMERS[RANDOM % ${#PERFORMERS[@]}]}"
  v=$((RANDOM % ${#VENUE_IDS[@]}))
  starts=$(( now + 86400 * (3 + RANDOM % 180) + 3600 * (RANDOM % 12) ))
  # on-sale spread from 7 days ago to 7 days ahead (always before the show)
  onsale=$(( now - 7 * 86400 + (RANDOM * 32768 + RANDOM) % (14 * 86400) ))
  (( onsale < starts - 86400 )) || onsale=$(( starts - 86400 ))
  cat="$(category_of "$performer")"
  case "$cat" in
    comedy) title="$performer Live" ;; theatre) title="${performer% Company}" ;; classical) title="$performer in Recital" ;;
    *) title="$performer ${TOUR_NAMES[RANDOM % ${#TOUR_NAMES[@]}]}" ;;
  esac
  create_event "$title" "$performer" "$cat" "${VENUE_IDS[v]}" "$starts" "$onsale" \
    "$(tiers_for "${VENUE_SECTIONS[v]}" $(( 6000 + (RANDOM % 20) * 500 )))"
done
log "$EVENTS events loaded in $((SECONDS - t0)) s"
