package io.surge.ticketing.cleanup.bitfield;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.stereotype.Component;

import io.surge.ticketing.cleanup.RedisKeys;
import io.surge.ticketing.contracts.redis.AvailabilityBitfield;

/**
 * Writes to booking-service's availability bitfields and their meta hashes (seat_count and as_of), laid out as
 * {@link AvailabilityBitfield} says, in the same shape booking-service writes them.
 */
@Component
public class Bitfields {

    // Only flips bits of an existing bitfield: a missing one is rebuilt whole from Postgres, never grown bit by bit.
    private static final byte[] FREE_SEATS = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            for i = 2, #ARGV do redis.call('SETBIT', KEYS[1], ARGV[i], 0) end
            redis.call('HSET', KEYS[2], 'as_of', ARGV[1])
            return 1""".getBytes(StandardCharsets.UTF_8);

    // Replaces the bitfield only if it is still what was observed before Postgres was read (ARGV[4] = '1' means
    // "was missing"): a reservation or release that touched it meanwhile makes this round skip, never overwrite.
    private static final byte[] COMPARE_AND_REPLACE = """
            local current = redis.call('GET', KEYS[1])
            if ARGV[4] == '1' then
              if current then return 0 end
            elseif current ~= ARGV[5] then
              return 0
            end
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('HSET', KEYS[2], 'seat_count', ARGV[2], 'as_of', ARGV[3])
            return 1""".getBytes(StandardCharsets.UTF_8);

    private final RedisConnectionFactory redis;
    private final RedisKeys keys;
    private final Clock clock;

    Bitfields(RedisConnectionFactory redis, RedisKeys keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    /** Sets the seats' bits to 0 if the event's bitfield exists; returns false when it does not. */
    public boolean freeSeats(long eventId, Collection<Integer> seatIndexes) {
        if (seatIndexes.isEmpty()) {
            return true;
        }
        List<byte[]> keysAndArgs = new ArrayList<>();
        keysAndArgs.add(bytes(keys.bitfield(eventId)));
        keysAndArgs.add(bytes(keys.bitfieldMeta(eventId)));
        keysAndArgs.add(bytes(Long.toString(clock.millis())));
        seatIndexes.forEach(seat -> keysAndArgs.add(bytes(Long.toString(AvailabilityBitfield.offset(seat)))));
        Long result = eval(FREE_SEATS, keysAndArgs);
        return result != null && result == 1L;
    }

    /** The bitfield as Redis has it, or null when the key is missing. */
    byte[] read(long eventId) {
        try (RedisConnection connection = redis.getConnection()) {
            return connection.stringCommands().get(bytes(keys.bitfield(eventId)));
        }
    }

    /** Replaces the bitfield with {@code expected} if it still equals {@code observed} (null = missing). */
    boolean compareAndReplace(long eventId, byte[] observed, byte[] expected, int seatCount) {
        List<byte[]> keysAndArgs = List.of(
                bytes(keys.bitfield(eventId)), bytes(keys.bitfieldMeta(eventId)),
                expected, bytes(Integer.toString(seatCount)), bytes(Long.toString(clock.millis())),
                bytes(observed == null ? "1" : "0"), observed == null ? new byte[0] : observed);
        Long result = eval(COMPARE_AND_REPLACE, keysAndArgs);
        return result != null && result == 1L;
    }

    private Long eval(byte[] script, List<byte[]> keysAndArgs) {
        try (RedisConnection connection = redis.getConnection()) {
            return connection.scriptingCommands().eval(script, ReturnType.INTEGER, 2, keysAndArgs.toArray(byte[][]::new));
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
