package io.surge.ticketing.cleanup.expiry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;

import io.surge.ticketing.cleanup.RedisKeys;

/** A second, independent queue client for tests that race several workers. */
public final class HoldQueueAccess {

    private final HoldQueue queue;

    public HoldQueueAccess(StringRedisTemplate redis, RedisKeys keys) {
        this.queue = new HoldQueue(redis, keys);
    }

    public List<UUID> claimDue(Instant now, int limit) {
        return queue.claimDue(now, limit, 3_000);
    }
}
