package io.surge.ticketing.system.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.surge.ticketing.contracts.redis.AvailabilityBitfield;
import io.surge.ticketing.contracts.redis.BookingRedisKeys;
import io.surge.ticketing.contracts.web.ServiceCredential;
import io.surge.ticketing.system.Platform;

/**
 * Holds written straight into the running platform's {@code booking} database for an event id of our own (far
 * above the catalog's sequence), with their bits set in the availability bitfield and their expiry in the delay
 * queue, exactly as booking-service leaves a committed reservation. Payments are sent to payment-service's own
 * port: the gateway's per-user rate limit would (rightly) answer 429 to part of 100 simultaneous requests of
 * one user, which is not what these tests are about.
 */
final class HoldFixtures implements AutoCloseable {

    static final long PRICE = 5_000;
    private static final URI PAYMENT = URI.create("http://127.0.0.1:8085");

    private final Platform platform = Platform.get();
    private final Connection booking;
    private final Connection payment;
    private final io.lettuce.core.api.StatefulRedisConnection<byte[], byte[]> redisConnection;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final long eventId = ThreadLocalRandom.current().nextLong(500_000_000_000L, 900_000_000_000L);
    private final int seatCount;

    HoldFixtures(int seatCount) throws SQLException {
        this.seatCount = seatCount;
        this.booking = platform.db("booking");
        this.payment = platform.db("payment");
        this.redisConnection = platform.redis();
        try (PreparedStatement event = booking.prepareStatement("INSERT INTO event_inventory (event_id, seat_count) VALUES (?, ?)");
                PreparedStatement section = booking.prepareStatement(
                        "INSERT INTO event_sections (event_id, section_id, name, price_cents) VALUES (?, 1, 'A', ?)");
                PreparedStatement tickets = booking.prepareStatement("""
                        INSERT INTO tickets (event_id, ticket_id, seat_index, section_id, price_cents)
                        SELECT ?, ? * 1000000 + i, i, 1, ? FROM generate_series(0, ? - 1) i""")) {
            event.setLong(1, eventId);
            event.setInt(2, seatCount);
            event.executeUpdate();
            section.setLong(1, eventId);
            section.setLong(2, PRICE);
            section.executeUpdate();
            tickets.setLong(1, eventId);
            tickets.setLong(2, eventId);
            tickets.setLong(3, PRICE);
            tickets.setInt(4, seatCount);
            tickets.executeUpdate();
        }
        redisConnection.sync().set(bitfieldKey().getBytes(), AvailabilityBitfield.of(seatCount, List.of()));
    }

    long eventId() {
        return eventId;
    }

    String bitfieldKey() {
        return BookingRedisKeys.availability(eventId);
    }

    /** One-seat holds on seats 0..count-1 for {@code userOf(i)}, all expiring at {@code expiresAt}, in one transaction. */
    List<UUID> reserve(int count, java.util.function.IntFunction<String> userOf, Instant expiresAt) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        booking.setAutoCommit(false);
        try (PreparedStatement hold = booking.prepareStatement(
                "UPDATE tickets SET status = 'HELD', booking_id = ? WHERE event_id = ? AND seat_index = ? AND status = 'AVAILABLE'");
                PreparedStatement insert = booking.prepareStatement("""
                        INSERT INTO bookings (booking_id, event_id, user_id, status, ticket_ids, total_cents, expires_at)
                        VALUES (?, ?, ?, 'RESERVED', ARRAY[?]::bigint[], ?, ?)""")) {
            for (int seat = 0; seat < count; seat++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                hold.setObject(1, id);
                hold.setLong(2, eventId);
                hold.setInt(3, seat);
                hold.addBatch();
                insert.setObject(1, id);
                insert.setLong(2, eventId);
                insert.setString(3, userOf.apply(seat));
                insert.setLong(4, eventId * 1_000_000 + seat);
                insert.setLong(5, PRICE);
                insert.setTimestamp(6, Timestamp.from(expiresAt));
                insert.addBatch();
            }
            hold.executeBatch();
            insert.executeBatch();
            booking.commit();
        } finally {
            booking.setAutoCommit(true);
        }
        // As booking-service does after the commit: the seats' bits, then the holds into the delay queue (one ZADD).
        var redis = redisConnection.sync();
        byte[] bits = redis.get(bitfieldKey().getBytes());
        for (int seat = 0; seat < count; seat++) {
            AvailabilityBitfield.markTaken(bits, seat);
        }
        redis.set(bitfieldKey().getBytes(), bits);
        Object[] scored = new Object[ids.size() * 2];
        for (int i = 0; i < ids.size(); i++) {
            scored[2 * i] = (double) expiresAt.toEpochMilli();
            scored[2 * i + 1] = ids.get(i).toString().getBytes();
        }
        redis.zadd(BookingRedisKeys.HOLDS.getBytes(), scored);
        return ids;
    }

    HttpResponse<String> pay(UUID bookingId, String userId, String key, String paymentToken) throws Exception {
        Instant now = Instant.now();
        HttpRequest request = HttpRequest.newBuilder(PAYMENT.resolve("/api/v1/bookings/" + bookingId + "/payment"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-User-Id", userId)
                .header(ServiceCredential.HEADER, platform.serviceCredential(userId, null))
                .header("Idempotency-Key", key)
                .header("X-Admission-Token", platform.admissionToken(userId, eventId, Duration.ofMinutes(10)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"payment_token\":\"" + paymentToken + "\"}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    String status(UUID bookingId) throws SQLException {
        return string(booking, "SELECT status FROM bookings WHERE booking_id = ?", bookingId);
    }

    String paymentId(UUID bookingId) throws SQLException {
        return string(booking, "SELECT payment_id FROM bookings WHERE booking_id = ?", bookingId);
    }

    /** Charges at the simulated provider made for the booking's payment attempts, by status. */
    List<String> charges(UUID bookingId) throws SQLException {
        List<String> statuses = new ArrayList<>();
        try (PreparedStatement query = payment.prepareStatement("""
                SELECT c.status FROM simulated_provider.charges c JOIN payment_attempts a
                  ON c.idempotency_key = a.attempt_id::text
                WHERE a.booking_id = ?""")) {
            query.setObject(1, bookingId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    statuses.add(rs.getString(1));
                }
            }
        }
        return statuses;
    }

    /** Lateness of each released hold (updated_at of the EXPIRED row minus expires_at), in milliseconds. */
    List<Long> releaseLatenessMillis() throws SQLException {
        List<Long> lateness = new ArrayList<>();
        try (PreparedStatement query = booking.prepareStatement("""
                SELECT (extract(epoch FROM updated_at - expires_at) * 1000)::bigint FROM bookings
                WHERE event_id = ? AND status = 'EXPIRED' ORDER BY 1""")) {
            query.setLong(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    lateness.add(rs.getLong(1));
                }
            }
        }
        return lateness;
    }

    int count(String sql) throws SQLException {
        try (PreparedStatement query = booking.prepareStatement(sql)) {
            query.setLong(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Seats whose bit is 1 in the event's bitfield. */
    int seatsTakenInBitfield() {
        byte[] bits = redisConnection.sync().get(bitfieldKey().getBytes());
        return bits == null ? 0 : AvailabilityBitfield.countTaken(bits);
    }

    int seatCount() {
        return seatCount;
    }

    @Override
    public void close() throws SQLException {
        try {
            for (String table : List.of("tickets", "bookings", "event_sections", "sale_settings", "event_inventory")) {
                try (PreparedStatement delete = booking.prepareStatement("DELETE FROM " + table + " WHERE event_id = ?")) {
                    delete.setLong(1, eventId);
                    delete.executeUpdate();
                }
            }
            redisConnection.sync().del(bitfieldKey().getBytes(), BookingRedisKeys.availabilityMeta(eventId).getBytes());
        } finally {
            booking.close();
            payment.close();
            redisConnection.close();
        }
    }

    private static String string(Connection db, String sql, UUID id) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, id);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
