package io.surge.ticketing.payment.checkout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.surge.ticketing.testsupport.TestInfrastructure;

/**
 * Writes reserved bookings straight into the {@code booking} database, for an event id of our own (far above the
 * catalog's sequence), so the real booking-service's internal API reads and confirms them.
 */
public final class BookingFixtures implements AutoCloseable {

    private static final long PRICE = 5_000;
    private final Connection db;
    private final long eventId = ThreadLocalRandom.current().nextLong(500_000_000_000L, 900_000_000_000L);
    private int nextSeat;

    public BookingFixtures() throws SQLException {
        this.db = TestInfrastructure.postgres().connect("booking");
        try (PreparedStatement event = db.prepareStatement("INSERT INTO event_inventory (event_id, seat_count) VALUES (?, 1000)");
                PreparedStatement section = db.prepareStatement(
                        "INSERT INTO event_sections (event_id, section_id, name, price_cents) VALUES (?, 1, 'A', ?)")) {
            event.setLong(1, eventId);
            event.executeUpdate();
            section.setLong(1, eventId);
            section.setLong(2, PRICE);
            section.executeUpdate();
        }
    }

    public long eventId() {
        return eventId;
    }

    /** A RESERVED booking of two HELD seats for {@code userId}, expiring at {@code expiresAt}. */
    public synchronized UUID reserved(String userId, Instant expiresAt) throws SQLException {
        UUID bookingId = UUID.randomUUID();
        List<Long> ticketIds = new ArrayList<>();
        try (PreparedStatement ticket = db.prepareStatement("""
                INSERT INTO tickets (event_id, ticket_id, seat_index, section_id, price_cents, status, booking_id)
                VALUES (?, ?, ?, 1, ?, 'HELD', ?)""")) {
            for (int i = 0; i < 2; i++) {
                int seat = nextSeat++;
                long ticketId = eventId * 1_000_000 + seat;
                ticketIds.add(ticketId);
                ticket.setLong(1, eventId);
                ticket.setLong(2, ticketId);
                ticket.setInt(3, seat);
                ticket.setLong(4, PRICE);
                ticket.setObject(5, bookingId);
                ticket.addBatch();
            }
            ticket.executeBatch();
        }
        try (PreparedStatement booking = db.prepareStatement("""
                INSERT INTO bookings (booking_id, event_id, user_id, status, ticket_ids, total_cents, expires_at)
                VALUES (?, ?, ?, 'RESERVED', ?, ?, ?)""")) {
            booking.setObject(1, bookingId);
            booking.setLong(2, eventId);
            booking.setString(3, userId);
            booking.setArray(4, db.createArrayOf("bigint", ticketIds.toArray()));
            booking.setLong(5, PRICE * ticketIds.size());
            booking.setTimestamp(6, Timestamp.from(expiresAt));
            booking.executeUpdate();
        }
        return bookingId;
    }

    public String status(UUID bookingId) throws SQLException {
        return single("SELECT status FROM bookings WHERE booking_id = ?", bookingId);
    }

    public String paymentId(UUID bookingId) throws SQLException {
        return single("SELECT payment_id FROM bookings WHERE booking_id = ?", bookingId);
    }

    public List<String> ticketStatuses(UUID bookingId) throws SQLException {
        List<String> statuses = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(
                "SELECT t.status FROM tickets t JOIN bookings b ON t.ticket_id = ANY (b.ticket_ids) AND t.event_id = b.event_id "
                        + "WHERE b.booking_id = ? ORDER BY t.seat_index")) {
            query.setObject(1, bookingId);
            try (var rs = query.executeQuery()) {
                while (rs.next()) {
                    statuses.add(rs.getString(1));
                }
            }
        }
        return statuses;
    }

    private String single(String sql, UUID bookingId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, bookingId);
            try (var rs = query.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Removes everything of our event (outbox rows are the relay's; they are published and deleted by it). */
    @Override
    public void close() throws SQLException {
        try (PreparedStatement tickets = db.prepareStatement("DELETE FROM tickets WHERE event_id = ?");
                PreparedStatement bookings = db.prepareStatement("DELETE FROM bookings WHERE event_id = ?");
                PreparedStatement sections = db.prepareStatement("DELETE FROM event_sections WHERE event_id = ?");
                PreparedStatement event = db.prepareStatement("DELETE FROM event_inventory WHERE event_id = ?")) {
            for (PreparedStatement delete : List.of(tickets, bookings, sections, event)) {
                delete.setLong(1, eventId);
                delete.executeUpdate();
            }
        } finally {
            db.close();
        }
    }
}
