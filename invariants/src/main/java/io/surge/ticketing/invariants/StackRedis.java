package io.surge.ticketing.invariants;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.surge.ticketing.contracts.redis.BookingRedisKeys;

/**
 * The stack's Redis as our ACL user ({@code TICKETING_REDIS_USERNAME}/{@code _PASSWORD}; no authentication when no
 * user is set), for one check: what the checks read of booking-service's mirror, under the keys {@code contracts}
 * names.
 */
final class StackRedis implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;

    private StackRedis(RedisClient client, StatefulRedisConnection<String, byte[]> connection) {
        this.client = client;
        this.connection = connection;
    }

    static StackRedis connect(LocalStack stack) {
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(stack.get("TICKETING_REDIS_HOST", "127.0.0.1"))
                .withPort(Integer.parseInt(stack.get("TICKETING_REDIS_PORT", "6379")))
                .withTimeout(Duration.ofSeconds(10));
        String user = stack.get("TICKETING_REDIS_USERNAME", "");
        if (!user.isEmpty()) {
            uri.withAuthentication(user, stack.get("TICKETING_REDIS_PASSWORD", ""));
        }
        RedisClient client = RedisClient.create(uri.build());
        try {
            return new StackRedis(client, client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)));
        } catch (RuntimeException e) {
            client.shutdown(0, 2, TimeUnit.SECONDS);
            throw e;
        }
    }

    /** Keys as text, values as bytes (a bitfield is binary). */
    RedisCommands<String, byte[]> commands() {
        return connection.sync();
    }

    /** The event's availability bitfield as Redis has it, or null when it has none. */
    byte[] bitfield(long eventId) {
        return commands().get(BookingRedisKeys.availability(eventId));
    }

    /** Every pending marker that still lives, scanned page by page (markers may come and go meanwhile). */
    List<PendingMarker> pendingMarkers() {
        RedisCommands<String, byte[]> redis = commands();
        ScanArgs match = ScanArgs.Builder.matches(BookingRedisKeys.PENDING_PREFIX + "*").limit(1_000);
        List<PendingMarker> markers = new ArrayList<>();
        KeyScanCursor<String> page = redis.scan(match);
        while (true) {
            for (String key : page.getKeys()) {
                byte[] value = redis.get(key);
                Long ttlMillis = redis.pttl(key);
                if (value == null || ttlMillis == null || ttlMillis < 0) {
                    continue; // gone meanwhile, or not a marker of ours (every marker has a TTL)
                }
                String marker = new String(value, StandardCharsets.UTF_8); // userId|eventId
                markers.add(new PendingMarker(UUID.fromString(key.substring(BookingRedisKeys.PENDING_PREFIX.length())),
                        Long.parseLong(marker.substring(marker.lastIndexOf('|') + 1)), ttlMillis));
            }
            if (page.isFinished()) {
                return markers;
            }
            page = redis.scan(page, match);
        }
    }

    /** A reservation buffered and not decided yet, as its marker says: its event and how long the marker lives. */
    record PendingMarker(UUID bookingId, long eventId, long ttlMillis) {
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
