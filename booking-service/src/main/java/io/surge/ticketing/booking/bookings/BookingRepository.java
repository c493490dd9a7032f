package io.surge.ticketing.booking.bookings;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the bookings table. Every state change is a guarded transition: {@code WHERE status = ...}. */
@Repository
public class BookingRepository {

    /** The columns {@link #map} reads, for other features' queries of the bookings table. */
    public static final String COLUMNS = "booking_id, event_id, user_id, status, ticket_ids, unavailable_ticket_ids, "
            + "total_cents, expires_at, reason, payment_id, ticket_prices, refund_id, refunded_cents, refunded_at";

    private final JdbcClient jdbc;

    BookingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Booking> find(UUID bookingId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookings WHERE booking_id = ?")
                .param(bookingId)
                .query(BookingRepository::map)
                .optional();
    }

    public List<Booking> findAll(Collection<UUID> bookingIds) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM bookings WHERE booking_id = ANY(?)")
                .param(bookingIds.toArray(UUID[]::new))
                .query(BookingRepository::map)
                .list();
    }

    /** A fan of one event: the unit the per-fan ticket limit counts. */
    public record Fan(long eventId, String userId) {
    }

    /**
     * Serializes the deciders of the same fans until this transaction ends: one transaction-scoped advisory
     * lock per (event, user), taken in a fixed order so two deciders cannot deadlock. The per-fan limit is a
     * read-then-write (count live tickets, insert a booking), and this makes it race-free across parallel
     * deciders. Commands are routed so that a fan's commands share a partition, so the lock is normally free.
     */
    public void lockFans(Collection<Fan> fans) {
        if (fans.isEmpty()) {
            return;
        }
        jdbc.sql("""
                SELECT count(pg_advisory_xact_lock(k1, k2)) FROM (
                    SELECT DISTINCT (f.event_id % 2147483647)::int AS k1, hashtext(f.user_id) AS k2
                    FROM unnest(?::bigint[], ?::text[]) AS f(event_id, user_id)
                    ORDER BY 1, 2) fans""")
                .param(fans.stream().map(Fan::eventId).toArray(Long[]::new))
                .param(fans.stream().map(Fan::userId).toArray(String[]::new))
                .query(Long.class).single();
    }

    /**
     * What a fan holds or owns of one event: the seats the per-fan limit counts, and when the first of its holds
     * expires (null: nothing held, only sold seats), after which the count may drop without a booking-side change.
     */
    public record FanTickets(int count, Instant firstHoldExpiry) {

        public static final FanTickets NONE = new FanTickets(0, null);

        /** After a hold of {@code seats} more seats, expiring at {@code expiresAt}. */
        public FanTickets plusHold(int seats, Instant expiresAt) {
            Instant first = firstHoldExpiry == null || expiresAt.isBefore(firstHoldExpiry) ? expiresAt : firstHoldExpiry;
            return new FanTickets(count + seats, first);
        }
    }

    /** Each fan's live (held or sold) tickets of the event, in one statement; absent = none. */
    public Map<Fan, FanTickets> liveTickets(Collection<Fan> fans) {
        Map<Fan, FanTickets> live = new HashMap<>();
        if (fans.isEmpty()) {
            return live;
        }
        jdbc.sql("""
                SELECT b.event_id, b.user_id, sum(cardinality(b.ticket_ids))::int,
                       min(b.expires_at) FILTER (WHERE b.status = 'RESERVED')
                FROM bookings b
                JOIN (SELECT DISTINCT event_id, user_id FROM unnest(?::bigint[], ?::text[]) AS u(event_id, user_id)) f
                  ON b.event_id = f.event_id AND b.user_id = f.user_id
                WHERE b.status IN ('RESERVED', 'CONFIRMED')
                GROUP BY b.event_id, b.user_id""")
                .param(fans.stream().map(Fan::eventId).toArray(Long[]::new))
                .param(fans.stream().map(Fan::userId).toArray(String[]::new))
                .query(rs -> {
                    Timestamp firstHoldExpiry = rs.getTimestamp(4);
                    live.put(new Fan(rs.getLong(1), rs.getString(2)),
                            new FanTickets(rs.getInt(3), firstHoldExpiry == null ? null : firstHoldExpiry.toInstant()));
                });
        return live;
    }

    /** Inserts a batch's decided bookings (RESERVED and REJECTED) in one statement. */
    public void insertAll(List<Booking> decided) {
        if (decided.isEmpty()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO bookings (booking_id, event_id, user_id, status, ticket_ids, unavailable_ticket_ids,
                                      total_cents, expires_at, reason, ticket_prices)
                SELECT booking_id, event_id, user_id, status, ticket_ids::bigint[], unavailable::bigint[],
                       total_cents, expires_at, reason, nullif(prices, '{}')::bigint[]
                FROM unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[],
                            ?::timestamptz[], ?::text[], ?::text[])
                     AS b(booking_id, event_id, user_id, status, ticket_ids, unavailable, total_cents, expires_at, reason,
                          prices)""")
                .param(decided.stream().map(Booking::bookingId).toArray(UUID[]::new))
                .param(decided.stream().map(Booking::eventId).toArray(Long[]::new))
                .param(decided.stream().map(Booking::userId).toArray(String[]::new))
                .param(decided.stream().map(b -> b.status().name()).toArray(String[]::new))
                .param(decided.stream().map(b -> arrayLiteral(b.ticketIds())).toArray(String[]::new))
                .param(decided.stream().map(b -> arrayLiteral(b.unavailableTicketIds())).toArray(String[]::new))
                .param(decided.stream().map(Booking::totalCents).toArray(Long[]::new))
                .param(decided.stream().map(b -> b.expiresAt() == null ? null : Timestamp.from(b.expiresAt()))
                        .toArray(Timestamp[]::new))
                .param(decided.stream().map(Booking::reason).toArray(String[]::new))
                .param(decided.stream().map(b -> arrayLiteral(b.ticketPrices())).toArray(String[]::new))
                .update();
    }

    private static String arrayLiteral(List<Long> ids) {
        StringBuilder literal = new StringBuilder(2 + ids.size() * 14).append('{');
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append(ids.get(i).longValue());
        }
        return literal.append('}').toString();
    }

    /** RESERVED -> CANCELLED; empty when the booking was not RESERVED any more. */
    public Optional<Booking> cancel(UUID bookingId, String userId) {
        return jdbc.sql("UPDATE bookings SET status = 'CANCELLED', updated_at = now() "
                        + "WHERE booking_id = ? AND user_id = ? AND status = 'RESERVED' RETURNING " + COLUMNS)
                .param(bookingId).param(userId)
                .query(BookingRepository::map)
                .optional();
    }

    /** RESERVED -> CONFIRMED while the hold is still valid and the event not cancelled; empty otherwise. */
    public Optional<Booking> confirm(UUID bookingId, String paymentId) {
        return jdbc.sql("UPDATE bookings SET status = 'CONFIRMED', payment_id = ?, updated_at = now() "
                        + "WHERE booking_id = ? AND status = 'RESERVED' AND expires_at > now() "
                        + "AND NOT EXISTS (SELECT 1 FROM event_inventory e WHERE e.event_id = bookings.event_id AND e.cancelled) "
                        + "RETURNING " + COLUMNS)
                .param(paymentId).param(bookingId)
                .query(BookingRepository::map)
                .optional();
    }

    public static Booking map(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        String refundId = rs.getString("refund_id");
        Booking.Refund refund = refundId == null ? null
                : new Booking.Refund(refundId, rs.getLong("refunded_cents"), rs.getTimestamp("refunded_at").toInstant());
        return new Booking(
                rs.getObject("booking_id", UUID.class),
                rs.getLong("event_id"),
                rs.getString("user_id"),
                BookingStatus.valueOf(rs.getString("status")),
                longs(rs.getArray("ticket_ids")),
                longs(rs.getArray("unavailable_ticket_ids")),
                rs.getLong("total_cents"),
                expires == null ? null : expires.toInstant(),
                rs.getString("reason"),
                rs.getString("payment_id"),
                longs(rs.getArray("ticket_prices")),
                refund);
    }

    private static List<Long> longs(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Long[]) array.getArray()).collect(Collectors.toUnmodifiableList());
    }
}
