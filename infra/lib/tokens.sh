# shellcheck shell=bash
# Tokens: RS256 JWTs signed with the local key (the gateway verifies them against its JWKS).
# Sourced by ./ticketing, which sets the paths, versions, ports and tables this file reads.

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

cmd_token() {
  local user="${1:-}" roles='[]'
  [[ -n "$user" ]] || die "usage: ./ticketing token USER [--admin]"
  [[ "${2:-}" == "--admin" ]] && roles='["admin"]'
  [[ "$user" =~ ^[A-Za-z0-9._@:-]{1,64}$ ]] || die "user id must be 1-64 characters of [A-Za-z0-9._@:-]"
  init_state
  local now exp header payload signing sig
  now="$(date +%s)"; exp=$((now + 3600))
  header="$(printf '{"alg":"RS256","typ":"JWT","kid":"%s"}' "$TICKETING_JWT_KID" | b64url)"
  payload="$(printf '{"sub":"%s","iss":"%s","aud":"%s","iat":%d,"exp":%d,"roles":%s}' "$user" "$TICKETING_JWT_ISSUER" \
    "${TICKETING_JWT_AUDIENCE:-ticketing-api}" "$now" "$exp" "$roles" | b64url)"
  signing="$header.$payload"
  sig="$(printf '%s' "$signing" | openssl dgst -sha256 -sign "$TICKETING_JWT_PRIVATE_KEY" -binary | b64url)"
  printf '%s.%s\n' "$signing" "$sig"
}
