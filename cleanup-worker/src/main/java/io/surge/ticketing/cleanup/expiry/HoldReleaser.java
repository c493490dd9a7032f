package io.surge.ticketing.cleanup.expiry;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JacksonException;

import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.BookingEvent;
import io.surge.ticketing.contracts.messages.MessageJson;

/**
 * The guarded release of expired holds, many in one transaction: RESERVED -> EXPIRED only while the hold is
 * still RESERVED and expired by the database's clock, its seats HELD -> AVAILABLE, one BOOKING_EXPIRED outbox row
 * each (booking-service's relay publishes them). A hold confirmed or cancelled meanwhile is simply not matched.
 */
@Component
class HoldReleaser {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    HoldReleaser(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /** Must run inside the caller's transaction (the sweep holds its row locks in the same one). */
    @Transactional(propagation = Propagation.MANDATORY)
    List<ExpiredHold> release(Collection<UUID> bookingIds) {
        if (bookingIds.isEmpty()) {
            return List.of();
        }
        String[] ids = bookingIds.stream().map(UUID::toString).toArray(String[]::new);
        List<ExpiredHold> expired = jdbc.sql("""
                UPDATE bookings SET status = 'EXPIRED', reason = 'HOLD_EXPIRED', updated_at = now()
                WHERE booking_id = ANY (CAST(:ids AS uuid[])) AND status = 'RESERVED' AND expires_at <= now()
                RETURNING booking_id, event_id, user_id, ticket_ids, total_cents, expires_at
                """)
                .param("ids", ids)
                .query(HoldReleaser::expiredWithoutSeats)
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
        writeOutbox(released);
        return released;
    }

    /** Holds among {@code bookingIds} that are RESERVED but not yet expired by the database clock, with their expiry. */
    Map<UUID, Instant> notYetExpired(Collection<UUID> bookingIds) {
        Map<UUID, Instant> pending = new HashMap<>();
        if (bookingIds.isEmpty()) {
            return pending;
        }
        jdbc.sql("SELECT booking_id, expires_at FROM bookings "
                        + "WHERE booking_id = ANY (CAST(:ids AS uuid[])) AND status = 'RESERVED' AND expires_at > now()")
                .param("ids", bookingIds.stream().map(UUID::toString).toArray(String[]::new))
                .query(rs -> {
                    pending.put(rs.getObject("booking_id", UUID.class), rs.getTimestamp("expires_at").toInstant());
                });
        return pending;
    }

    /**
     * Locks up to {@code limit} holds expired for longer than {@code grace} that no other worker has locked; the
     * caller releases them in the same transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> lockExpiredSkipLocked(Duration grace, int limit) {
        return jdbc.sql("""
                SELECT booking_id FROM bookings
                WHERE status = 'RESERVED' AND expires_at < now() - make_interval(secs => :grace)
                ORDER BY expires_at
                LIMIT :limit
                FOR UPDATE SKIP LOCKED
                """)
                .param("grace", grace.toMillis() / 1000.0)
                .param("limit", limit)
                .query((rs, n) -> rs.getObject("booking_id", UUID.class))
                .list();
    }

    /** Live holds (RESERVED) with their expiry, soonest first: what the delay queue should contain. */
    Map<UUID, Instant> liveHolds(int limit) {
        Map<UUID, Instant> live = new HashMap<>();
        jdbc.sql("SELECT booking_id, expires_at FROM bookings WHERE status = 'RESERVED' AND expires_at IS NOT NULL "
                        + "ORDER BY expires_at LIMIT :limit")
                .param("limit", limit)
                .query(rs -> {
                    live.put(rs.getObject("booking_id", UUID.class), rs.getTimestamp("expires_at").toInstant());
                });
        return live;
    }

    private void writeOutbox(List<ExpiredHold> released) {
        Instant now = clock.instant();
        List<Object[]> rows = new ArrayList<>(released.size());
        for (ExpiredHold hold : released) {
            BookingEvent event = new BookingEvent(UUID.randomUUID(), BookingEvent.Type.BOOKING_EXPIRED, hold.bookingId(),
                    hold.eventId(), hold.userId(), "EXPIRED", hold.ticketIds(), hold.totalCents(), hold.expiresAt(),
                    "HOLD_EXPIRED", now);
            try {
                rows.add(new Object[] {Topics.BOOKING_EVENTS, Long.toString(hold.eventId()),
                        MessageJson.mapper().writeValueAsString(event)});
            } catch (JacksonException e) {
                throw new IllegalStateException(e);
            }
        }
        batch.batchUpdate("INSERT INTO outbox (topic, message_key, payload) VALUES (?, ?, ?::jsonb)", rows);
    }

    private static ExpiredHold expiredWithoutSeats(ResultSet rs, int row) throws SQLException {
        Array tickets = rs.getArray("ticket_ids");
        List<Long> ticketIds = tickets == null ? List.of() : Arrays.asList((Long[]) tickets.getArray());
        return new ExpiredHold(rs.getObject("booking_id", UUID.class), rs.getLong("event_id"), rs.getString("user_id"),
                ticketIds, rs.getLong("total_cents"), rs.getTimestamp("expires_at").toInstant(), List.of());
    }
}
