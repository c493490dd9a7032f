package io.surge.ticketing.bookingstore.expiry;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.surge.ticketing.bookingstore.outbox.BookingEventOutbox;
import io.surge.ticketing.contracts.messages.BookingEvent;

/**
 * The guarded release of expired holds, many in one transaction (the caller's): RESERVED -> EXPIRED only while the
 * hold is still RESERVED and expired by the database's clock, its seats HELD -> AVAILABLE (booking's waiting-list
 * trigger turns a seat fans wait for RETURNED instead), one BOOKING_EXPIRED outbox row each. A hold confirmed,
 * cancelled or extended meanwhile is simply not matched, so this is safe next to booking-service's own transitions
 * and on several workers at once.
 */
public class HoldExpiry {

    static final String REASON = "HOLD_EXPIRED";

    private final JdbcClient jdbc;
    private final BookingEventOutbox outbox;

    public HoldExpiry(JdbcClient jdbc, BookingEventOutbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /**
     * Expires those of {@code bookingIds} that are due, in the caller's transaction (a sweep holds its row locks in
     * the same one), and returns them with the seats that became AVAILABLE.
     */
    public List<ExpiredHold> release(Collection<UUID> bookingIds) {
        if (bookingIds.isEmpty()) {
            return List.of();
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a release runs in the caller's transaction");
        }
        String[] ids = bookingIds.stream().map(UUID::toString).toArray(String[]::new);
        List<ExpiredHold> expired = jdbc.sql("""
                UPDATE bookings SET status = 'EXPIRED', reason = 'HOLD_EXPIRED', updated_at = now()
                WHERE booking_id = ANY (CAST(:ids AS uuid[])) AND status = 'RESERVED' AND expires_at <= now()
                RETURNING booking_id, event_id, user_id, ticket_ids, total_cents, expires_at
                """)
                .param("ids", ids)
                .query(HoldExpiry::expiredWithoutSeats)
                .list();
        if (expired.isEmpty()) {
            return expired;
        }
        // RETURNING shows the new row (booking_id already NULL), so seats are matched back by ticket id.
        Map<Long, UUID> bookingOfTicket = new HashMap<>();
        expired.forEach(hold -> hold.ticketIds().forEach(ticket -> bookingOfTicket.put(ticket, hold.bookingId())));
        Map<UUID, List<Integer>> seats = new HashMap<>();
        jdbc.sql("""
                UPDATE tickets SET status = 'AVAILABLE', booking_id = NULL, updated_at = now()
                WHERE booking_id = ANY (CAST(:ids AS uuid[])) AND status = 'HELD'
                RETURNING ticket_id, seat_index, status
                """)
                .param("ids", expired.stream().map(h -> h.bookingId().toString()).toArray(String[]::new))
                .query(rs -> {
                    UUID booking = bookingOfTicket.get(rs.getLong("ticket_id"));
                    // a seat fans wait for is RETURNED (booking's trigger): it stays taken until their offer
                    if (booking != null && "AVAILABLE".equals(rs.getString("status"))) {
                        seats.computeIfAbsent(booking, id -> new ArrayList<>()).add(rs.getInt("seat_index"));
                    }
                });
        List<ExpiredHold> released = expired.stream()
                .map(h -> new ExpiredHold(h.bookingId(), h.eventId(), h.userId(), h.ticketIds(), h.totalCents(),
                        h.expiresAt(), seats.getOrDefault(h.bookingId(), List.of())))
                .toList();
        outbox.bookingsChanged(BookingEvent.Type.BOOKING_EXPIRED, released);
        return released;
    }

    private static ExpiredHold expiredWithoutSeats(ResultSet rs, int row) throws SQLException {
        Array tickets = rs.getArray("ticket_ids");
        List<Long> ticketIds = tickets == null ? List.of() : Arrays.asList((Long[]) tickets.getArray());
        return new ExpiredHold(rs.getObject("booking_id", UUID.class), rs.getLong("event_id"), rs.getString("user_id"),
                ticketIds, rs.getLong("total_cents"), rs.getTimestamp("expires_at").toInstant(), List.of());
    }
}
