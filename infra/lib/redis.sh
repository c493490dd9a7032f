# shellcheck shell=bash
# Redis (Debian package; reused when one already answers on its port).
# Sourced by ./ticketing, which sets the paths, versions, ports and tables this file reads.

# redis-cli as our ACL user (the password travels in the environment, never on a command line)
redis_cli() { REDISCLI_AUTH="$TICKETING_REDIS_PASSWORD" redis-cli -p "$REDIS_PORT" --user "$TICKETING_REDIS_USERNAME" "$@"; }
# up, and answering our user (a Redis without our ACL would answer PING as its default user: not enough)
redis_ping() {
  [[ -n "${TICKETING_REDIS_USERNAME:-}" ]] || return 1 # no secrets yet (a fresh checkout): not our Redis
  [[ "$(redis_cli --no-auth-warning acl whoami 2>/dev/null)" == "$TICKETING_REDIS_USERNAME" ]]
}

# Only our user logs in, with the generated password: the default user is off, so a client that has not
# authenticated is refused. The default user keeps every permission all the same: Redis replays the append-only
# file as the default user and re-checks its permissions at each EXEC, so a default user without them silently
# drops every transaction and Lua script on a restart (redis/redis#14541) -- the waiting room's queue among them.
write_redis_acl() {
  (umask 077; printf 'user default off ~* &* +@all\nuser %s on >%s ~* &* +@all\n' \
    "$TICKETING_REDIS_USERNAME" "$TICKETING_REDIS_PASSWORD" >"$SECRETS/redis.acl")
}

redis_up() {
  if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    apt_install redis-server redis-tools
  fi
  if port_open "$REDIS_PORT"; then
    if redis_ping; then
      if [[ -f "$OWNED/redis" ]]; then
        { write_redis_acl && redis_cli --no-auth-warning acl load >/dev/null; } || die "Redis did not load its ACL file"
      else
        log "reusing the Redis already running on $REDIS_PORT"
      fi
      return 0
    fi
    if [[ -f "$OWNED/redis" && "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" == "PONG" ]]; then
      log "restarting our Redis with its ACL user (it was started without one)"
      redis-cli -p "$REDIS_PORT" shutdown >/dev/null 2>&1 || stop_pid redis
      wait_until 20 "redis down" bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$REDIS_PORT)" || die "Redis did not stop"
    else
      die "port $REDIS_PORT is taken by a process (pid $(port_pid "$REDIS_PORT")) that is not our Redis (no user $TICKETING_REDIS_USERNAME)"
    fi
  fi
  mkdir -p "$STATE/redis"
  write_redis_acl
  log "starting Redis on $REDIS_PORT"
  # AOF every second: the waiting-room queue lives in Redis; availability bitfields are rebuilt from Postgres.
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$STATE/redis" \
    --pidfile "$PIDS/redis.pid" --logfile "$LOGS/redis.log" --appendonly yes --appendfsync everysec \
    --save "" --maxclients 10000 --aclfile "$SECRETS/redis.acl" >/dev/null || die "redis-server failed to start"
  touch "$OWNED/redis"
  wait_until "$INFRA_TIMEOUT" redis redis_ping || { tail_log "$LOGS/redis.log"; die "Redis did not become ready"; }
}

redis_down() {
  if [[ -f "$OWNED/redis" ]]; then
    log "stopping Redis"
    if redis_ping; then redis_cli shutdown nosave >/dev/null 2>&1; else redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1; fi
    wait_until 20 "redis down" bash -c "! (exec 3<>/dev/tcp/127.0.0.1/$REDIS_PORT)" || stop_pid redis
    rm -f "$OWNED/redis" "$PIDS/redis.pid"
  fi
}
