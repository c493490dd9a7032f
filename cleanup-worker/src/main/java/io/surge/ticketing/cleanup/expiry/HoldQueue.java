package io.surge.ticketing.cleanup.expiry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import io.surge.ticketing.cleanup.RedisKeys;

/**
 * The delay queue of holds in Redis. Claiming is one Lua script (ZRANGEBYSCORE + ZREM), so several workers
 * never claim the same hold; holds whose payment is in flight are put back a little later in the same step.
 * (The in-flight keys are read inside the script: on Redis Cluster they would need the booking id as a hash
 * tag shared with the queue, or a second round trip.)
 */
@Component
class HoldQueue {

    private static final RedisScript<List> CLAIM_DUE = RedisScript.of("""
            local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
            local claimed = {}
            for _, id in ipairs(due) do
              redis.call('ZREM', KEYS[1], id)
              if redis.call('EXISTS', ARGV[3] .. id) == 1 then
                redis.call('ZADD', KEYS[1], tonumber(ARGV[1]) + tonumber(ARGV[4]), id)
              else
                claimed[#claimed + 1] = id
              end
            end
            return claimed""", List.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;

    HoldQueue(StringRedisTemplate redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Removes and returns up to {@code limit} holds due at {@code now} whose payment is not in flight. */
    List<UUID> claimDue(Instant now, int limit, long inflightRetryMillis) {
        @SuppressWarnings("unchecked")
        List<Object> claimed = redis.execute(CLAIM_DUE, List.of(keys.holds()), Long.toString(now.toEpochMilli()),
                Integer.toString(limit), keys.inflightPrefix(), Long.toString(inflightRetryMillis));
        List<UUID> ids = new ArrayList<>();
        if (claimed != null) {
            for (Object id : claimed) {
                ids.add(UUID.fromString(id.toString()));
            }
        }
        return ids;
    }

    /** Puts holds back at the given times (not yet expired by the database clock, or a failed release). */
    void schedule(Map<UUID, Instant> dueAt) {
        if (dueAt.isEmpty()) {
            return;
        }
        redis.executePipelined((org.springframework.data.redis.core.RedisCallback<Object>) connection -> {
            dueAt.forEach((id, at) -> connection.zSetCommands().zAdd(keys.holds().getBytes(),
                    at.toEpochMilli(), id.toString().getBytes()));
            return null;
        });
    }

    /** Adds holds only where the queue does not have them yet (refilling after a Redis loss). */
    void addIfAbsent(Map<UUID, Instant> dueAt) {
        if (dueAt.isEmpty()) {
            return;
        }
        redis.executePipelined((org.springframework.data.redis.core.RedisCallback<Object>) connection -> {
            dueAt.forEach((id, at) -> connection.zSetCommands().zAdd(keys.holds().getBytes(), at.toEpochMilli(),
                    id.toString().getBytes(), org.springframework.data.redis.connection.RedisZSetCommands.ZAddArgs.ifNotExists()));
            return null;
        });
    }

    /** The bookings among {@code ids} whose payment is in flight right now. */
    List<UUID> paymentsInFlight(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<UUID> ordered = List.copyOf(ids);
        List<String> values = redis.opsForValue().multiGet(ordered.stream().map(keys::inflight).toList());
        List<UUID> inflight = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (values != null && values.get(i) != null) {
                inflight.add(ordered.get(i));
            }
        }
        return inflight;
    }

    boolean seeded() {
        return Boolean.TRUE.equals(redis.hasKey(keys.holdsSeeded()));
    }

    void markSeeded() {
        redis.opsForValue().set(keys.holdsSeeded(), Instant.now().toString());
    }
}
