package io.surge.ticketing.booking.availability;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.stereotype.Component;

import io.surge.ticketing.contracts.redis.AvailabilityBitfield;
import io.surge.ticketing.contracts.redis.BookingRedisKeys;

/**
 * The Redis mirror of held and sold seats: one bitfield per event ({@link BookingRedisKeys#availability}, laid out
 * as {@link AvailabilityBitfield} says) and its meta hash ({@link BookingRedisKeys#availabilityMeta}: seat_count,
 * as_of in epoch millis). A derived view: Postgres decides, this only reflects, and it is rebuilt from Postgres when
 * missing or drifted.
 */
@Component
public class AvailabilityStore {

    // Flips bits only when the bitfield exists: a missing key must be rebuilt whole, never grown bit by bit.
    private static final byte[] SET_BITS = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            for i = 3, #ARGV do redis.call('SETBIT', KEYS[1], ARGV[i], ARGV[1]) end
            redis.call('HSET', KEYS[2], 'as_of', ARGV[2])
            return 1""".getBytes(StandardCharsets.UTF_8);

    private static final byte[] REPLACE = """
            redis.call('SET', KEYS[1], ARGV[1])
            redis.call('HSET', KEYS[2], 'seat_count', ARGV[2], 'as_of', ARGV[3])
            return 1""".getBytes(StandardCharsets.UTF_8);

    private static final byte[] READ = """
            local bits = redis.call('GET', KEYS[1])
            if not bits then return nil end
            local meta = redis.call('HMGET', KEYS[2], 'seat_count', 'as_of')
            return {bits, meta[1] or '-1', meta[2] or '0'}""".getBytes(StandardCharsets.UTF_8);

    // Complete = the bitfield and its seat count (another writer may have set the bits alone).
    private static final byte[] COMPLETE = """
            return redis.call('EXISTS', KEYS[1]) + redis.call('HEXISTS', KEYS[2], 'seat_count')"""
            .getBytes(StandardCharsets.UTF_8);

    // Taken seats of many events in one round trip: BITCOUNT each bitfield, -1 for a missing one (BITCOUNT alone
    // would say 0, as if every seat were free).
    private static final byte[] COUNT_TAKEN = """
            local counts = {}
            for i = 1, #KEYS do
                if redis.call('EXISTS', KEYS[i]) == 1 then counts[i] = redis.call('BITCOUNT', KEYS[i])
                else counts[i] = -1 end
            end
            return counts""".getBytes(StandardCharsets.UTF_8);

    private final RedisConnectionFactory redis;
    private final Clock clock;

    AvailabilityStore(RedisConnectionFactory redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** Marks seats taken (1) or free (0); returns false when the bitfield is missing and needs a rebuild. */
    public boolean set(long eventId, Collection<Integer> seatIndexes, boolean taken) {
        if (seatIndexes.isEmpty()) {
            return true;
        }
        List<byte[]> args = new ArrayList<>(seatIndexes.size() + 4);
        args.add(bitfieldKey(eventId));
        args.add(metaKey(eventId));
        args.add(bytes(Integer.toString(AvailabilityBitfield.bit(taken))));
        args.add(bytes(Long.toString(clock.millis())));
        for (Integer index : seatIndexes) {
            args.add(bytes(Long.toString(AvailabilityBitfield.offset(index))));
        }
        Long done = execute(c -> c.scriptingCommands().eval(SET_BITS, ReturnType.INTEGER, 2, args.toArray(byte[][]::new)));
        return done != null && done == 1L;
    }

    /** Replaces the whole bitfield of an event. */
    public void replace(long eventId, byte[] bitfield, int seatCount) {
        execute(c -> c.scriptingCommands().eval(REPLACE, ReturnType.INTEGER, 2,
                bitfieldKey(eventId), metaKey(eventId), bitfield,
                bytes(Integer.toString(seatCount)), bytes(Long.toString(clock.millis()))));
    }

    /** The current bitfield, or null when Redis has none for the event. */
    public Snapshot read(long eventId) {
        List<Object> result = execute(c -> c.scriptingCommands().eval(READ, ReturnType.MULTI, 2,
                bitfieldKey(eventId), metaKey(eventId)));
        if (result == null || result.size() < 3) {
            // none, or an incomplete answer (seen once while a 100,000-seat event's inventory was being loaded):
            // not a usable snapshot, so the caller rebuilds it from Postgres instead of failing the read
            return null;
        }
        byte[] bits = (byte[]) result.get(0);
        String seatCount = new String((byte[]) result.get(1), StandardCharsets.US_ASCII);
        String asOf = new String((byte[]) result.get(2), StandardCharsets.US_ASCII);
        int seats = Integer.parseInt(seatCount);
        if (seats < 0) {
            return null; // bits without their meta: not a usable snapshot, rebuild it
        }
        byte[] full = AvailabilityBitfield.padded(bits, seats);
        long asOfMillis = Long.parseLong(asOf);
        return new Snapshot(eventId, seats, full, asOfMillis > 0 ? asOfMillis : clock.millis());
    }

    /**
     * Whether seats {@code first .. first + count - 1} are all held or sold, by one BITCOUNT over their bits (no
     * bitfield = not known to be taken).
     */
    public boolean allTaken(long eventId, int first, int count) {
        if (count <= 0) {
            return false;
        }
        Object taken = execute(c -> c.execute("BITCOUNT", bitfieldKey(eventId),
                bytes(Long.toString(AvailabilityBitfield.offset(first))),
                bytes(Long.toString(AvailabilityBitfield.offset(first + count - 1))), bytes("BIT")));
        return taken instanceof Number n && n.longValue() == count;
    }

    /**
     * How many seats of each event are held or sold, by one BITCOUNT per event in one round trip; an event whose
     * bitfield is missing is absent from the answer.
     */
    public java.util.Map<Long, Integer> countTaken(List<Long> eventIds) {
        java.util.Map<Long, Integer> taken = new java.util.HashMap<>();
        if (eventIds.isEmpty()) {
            return taken;
        }
        byte[][] keys = eventIds.stream().map(AvailabilityStore::bitfieldKey).toArray(byte[][]::new);
        List<Object> counts = execute(c -> c.scriptingCommands().eval(COUNT_TAKEN, ReturnType.MULTI, keys.length, keys));
        for (int i = 0; counts != null && i < counts.size(); i++) {
            long count = ((Number) counts.get(i)).longValue();
            if (count >= 0) {
                taken.put(eventIds.get(i), (int) count);
            }
        }
        return taken;
    }

    /** Whether the event's bitfield and its meta are both in Redis. */
    public boolean exists(long eventId) {
        Long present = execute(c -> c.scriptingCommands().eval(COMPLETE, ReturnType.INTEGER, 2,
                bitfieldKey(eventId), metaKey(eventId)));
        return present != null && present == 2L;
    }

    private <T> T execute(java.util.function.Function<RedisConnection, T> action) {
        try (RedisConnection connection = redis.getConnection()) {
            return action.apply(connection);
        }
    }

    private static byte[] bitfieldKey(long eventId) {
        return bytes(BookingRedisKeys.availability(eventId));
    }

    private static byte[] metaKey(long eventId) {
        return bytes(BookingRedisKeys.availabilityMeta(eventId));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    /** One event's bitfield as read from Redis. */
    public record Snapshot(long eventId, int seatCount, byte[] bitfield, long asOfMillis) {
    }
}
