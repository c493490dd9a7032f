package io.surge.ticketing.invariants;

import static io.surge.ticketing.invariants.Sql.exists;
import static io.surge.ticketing.invariants.Sql.rows;
import static io.surge.ticketing.invariants.Sql.scalar;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.surge.ticketing.contracts.redis.AvailabilityBitfield;
import io.surge.ticketing.contracts.redis.BookingRedisKeys;

/**
 * Reads the source of truth (the booking and payment databases) and its Redis mirror after a surge and checks
 * what must hold whatever the load, retries, redeliveries and crashes were:
 * <ol>
 * <li>no seat is in two live bookings;</li>
 * <li>every taken seat belongs to the live booking that took it, and live bookings hold exactly the taken seats;</li>
 * <li>every CONFIRMED booking has exactly one successful payment, and no successful payment is for a booking
 * that is not CONFIRMED (no money without a ticket);</li>
 * <li>no reservation is PENDING (buffered, undecided) for longer than the buffer's bound;</li>
 * <li>each event's availability bitfield in Redis equals Postgres;</li>
 * <li>every hold whose time ran out (plus a grace for the delay queue) has been released.</li>
 * </ol>
 * Run it with {@code ./ticketing load --check EVENT_ID} ({@link InvariantCli}); the build runs it after the CI surge.
 */
public final class InvariantChecker {

    public static final String NO_DOUBLE_BOOKING = "no seat in two live bookings";
    public static final String SEATS_MATCH_BOOKINGS = "taken seats are exactly the seats of live bookings";
    public static final String ONE_PAYMENT_PER_CONFIRMATION = "every CONFIRMED booking has exactly one successful payment";
    public static final String NO_STALE_PENDING = "no reservation PENDING longer than the buffer's bound";
    public static final String BITFIELD_MATCHES = "availability bitfield equals Postgres";
    public static final String EXPIRED_HOLDS_RELEASED = "every expired hold released";
    public static final String ONE_REFUND_PER_REFUNDED_BOOKING = "every REFUNDED booking refunded exactly once";
    public static final String WAITLIST_OFFERS_CONSISTENT =
            "every waiting-list offer is its fan's booking of its seats, and no returned seat is left unoffered";

    private final LocalStack stack;
    private final Duration pendingBound;
    private final Duration pendingTtl;
    private final Duration expiryGrace;
    private final Duration bitfieldSettle;

    /**
     * @param pendingBound   how long a buffered reservation may stay undecided
     * @param pendingTtl     booking-service's {@code ticketing.booking.commands.pending-ttl} (the marker's lifetime)
     * @param expiryGrace    how late a hold's release may be before it counts as not released
     * @param bitfieldSettle how long a bitfield may lag behind a commit (it is updated after the commit)
     */
    public InvariantChecker(LocalStack stack, Duration pendingBound, Duration pendingTtl, Duration expiryGrace,
            Duration bitfieldSettle) {
        this.stack = stack;
        this.pendingBound = pendingBound;
        this.pendingTtl = pendingTtl;
        this.expiryGrace = expiryGrace;
        this.bitfieldSettle = bitfieldSettle;
    }

    public static InvariantChecker withDefaults(LocalStack stack) {
        return new InvariantChecker(stack, Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofSeconds(10),
                Duration.ofSeconds(40));
    }

    /** Checks the given events (all events when empty). */
    public InvariantReport check(List<Long> eventIds) throws SQLException, InterruptedException {
        InvariantReport report = new InvariantReport();
        try (Connection booking = connect("booking"); Connection payment = connect("payment");
                StackRedis redis = StackRedis.connect(stack)) {
            Long[] events = (eventIds.isEmpty() ? allEvents(booking) : eventIds).toArray(Long[]::new);
            figures(booking, payment, events, report);
            noDoubleBooking(booking, events, report);
            seatsMatchBookings(booking, events, report);
            onePaymentPerConfirmation(booking, payment, events, report);
            noStalePending(booking, redis, Set.of(events), report);
            bitfieldsMatch(booking, redis, events, report);
            expiredHoldsReleased(booking, events, report);
            oneRefundPerRefundedBooking(booking, payment, events, report);
            waitlistOffersConsistent(booking, events, report);
        }
        return report;
    }

    private void figures(Connection booking, Connection payment, Long[] events, InvariantReport report) throws SQLException {
        report.figure("events checked", events.length);
        report.figure("seats", scalar(booking, "SELECT count(*) FROM tickets WHERE event_id = ANY(?)", events));
        for (String status : List.of("SOLD", "HELD", "AVAILABLE")) {
            report.figure("seats " + status, scalar(booking,
                    "SELECT count(*) FROM tickets WHERE event_id = ANY(?) AND status = '" + status + "'", events));
        }
        rows(booking, "SELECT status, count(*) FROM bookings WHERE event_id = ANY(?) GROUP BY status ORDER BY status",
                events, rs -> report.figure("bookings " + rs.getString(1), rs.getLong(2)));
        rows(payment,
                "SELECT state, count(*) FROM payment_attempts WHERE event_id = ANY(?) GROUP BY state ORDER BY state",
                events, rs -> report.figure("payment attempts " + rs.getString(1), rs.getLong(2)));
        if (events.length == 1) {
            try (PreparedStatement query = booking.prepareStatement("""
                    SELECT extract(epoch FROM max(b.created_at) - e.on_sale_at)
                    FROM bookings b JOIN event_inventory e USING (event_id)
                    WHERE b.event_id = ? AND b.status IN ('RESERVED', 'CONFIRMED') GROUP BY e.on_sale_at""")) {
                query.setLong(1, events[0]);
                try (ResultSet rs = query.executeQuery()) {
                    if (rs.next()) {
                        report.figure("seconds from T0 to the last live booking", String.format("%.1f", rs.getDouble(1)));
                    }
                }
            }
        }
    }

    private void noDoubleBooking(Connection db, Long[] events, InvariantReport report) throws SQLException {
        report.checked(NO_DOUBLE_BOOKING);
        rows(db, """
                SELECT t, array_agg(b.booking_id::text) FROM bookings b, unnest(b.ticket_ids) t
                WHERE b.event_id = ANY(?) AND b.status IN ('RESERVED', 'CONFIRMED')
                GROUP BY t HAVING count(*) > 1""", events,
                rs -> report.violated(NO_DOUBLE_BOOKING, "ticket " + rs.getLong(1) + " in bookings " + rs.getString(2)));
    }

    private void seatsMatchBookings(Connection db, Long[] events, InvariantReport report) throws SQLException {
        report.checked(SEATS_MATCH_BOOKINGS);
        rows(db, """
                SELECT t.ticket_id, t.status, t.booking_id FROM tickets t
                WHERE t.event_id = ANY(?) AND t.status IN ('HELD', 'SOLD') AND NOT EXISTS (
                  SELECT 1 FROM bookings b WHERE b.booking_id = t.booking_id
                    AND b.status = CASE t.status WHEN 'HELD' THEN 'RESERVED' ELSE 'CONFIRMED' END
                    AND t.ticket_id = ANY(b.ticket_ids))""", events,
                rs -> report.violated(SEATS_MATCH_BOOKINGS, "ticket " + rs.getLong(1) + " is " + rs.getString(2)
                        + " for booking " + rs.getString(3) + ", which does not hold it"));
        rows(db, """
                SELECT b.booking_id, b.status, t FROM bookings b, unnest(b.ticket_ids) t
                WHERE b.event_id = ANY(?) AND b.status IN ('RESERVED', 'CONFIRMED') AND NOT EXISTS (
                  SELECT 1 FROM tickets k WHERE k.event_id = b.event_id AND k.ticket_id = t
                    AND k.booking_id = b.booking_id
                    AND k.status = CASE b.status WHEN 'RESERVED' THEN 'HELD' ELSE 'SOLD' END)""", events,
                rs -> report.violated(SEATS_MATCH_BOOKINGS, rs.getString(2) + " booking " + rs.getString(1)
                        + " names ticket " + rs.getLong(3) + ", which is not taken for it"));
    }

    /**
     * A seat that came back while fans waited (RETURNED) belongs to no booking, and the allocator offers it or puts it
     * back on sale within a round; one still RETURNED after 30 s while a fan waits for its section with no more seats
     * than the section has returned is stuck. Every offer is a booking of the entry's fan and event with the entry's
     * quantity of seats, and no booking is two entries' offer (a unique index, checked anyway).
     */
    private void waitlistOffersConsistent(Connection db, Long[] events, InvariantReport report) throws SQLException {
        report.checked(WAITLIST_OFFERS_CONSISTENT);
        rows(db, """
                SELECT w.entry_id, w.user_id, w.booking_id, b.user_id, b.event_id, cardinality(b.ticket_ids), w.quantity
                FROM waitlist_entries w LEFT JOIN bookings b ON b.booking_id = w.booking_id
                WHERE w.event_id = ANY(?) AND w.status = 'OFFERED' AND (b.booking_id IS NULL OR b.user_id <> w.user_id
                  OR b.event_id <> w.event_id OR cardinality(b.ticket_ids) <> w.quantity)""", events,
                rs -> report.violated(WAITLIST_OFFERS_CONSISTENT, "waiting-list entry " + rs.getLong(1) + " of "
                        + rs.getString(2) + " was offered booking " + rs.getString(3) + ", which is not its fan's "
                        + rs.getLong(7) + " seats of the event"));
        rows(db, """
                SELECT t.ticket_id, t.event_id, t.section_id FROM tickets t
                WHERE t.event_id = ANY(?) AND t.status = 'RETURNED' AND t.updated_at < now() - interval '30 seconds'
                  AND EXISTS (SELECT 1 FROM waitlist_entries w WHERE w.event_id = t.event_id AND w.status = 'WAITING'
                                AND (w.section_id IS NULL OR w.section_id = t.section_id)
                                AND w.quantity <= (SELECT count(*) FROM tickets r WHERE r.event_id = t.event_id
                                                     AND r.section_id = t.section_id AND r.status = 'RETURNED'))""",
                events,
                rs -> report.violated(WAITLIST_OFFERS_CONSISTENT, "ticket " + rs.getLong(1) + " of event " + rs.getLong(2)
                        + " came back more than 30 s ago and a fan waits for its section, yet it was not offered"));
        rows(db, """
                SELECT t.ticket_id, t.event_id FROM tickets t
                WHERE t.event_id = ANY(?) AND t.status = 'RETURNED' AND t.updated_at < now() - interval '30 seconds'
                  AND NOT EXISTS (SELECT 1 FROM waitlist_entries w WHERE w.event_id = t.event_id AND w.status = 'WAITING'
                                    AND (w.section_id IS NULL OR w.section_id = t.section_id))""", events,
                rs -> report.violated(WAITLIST_OFFERS_CONSISTENT, "ticket " + rs.getLong(1) + " of event " + rs.getLong(2)
                        + " is kept for a waiting list nobody waits on, instead of being on sale"));
    }

    private void onePaymentPerConfirmation(Connection booking, Connection payment, Long[] events, InvariantReport report)
            throws SQLException {
        report.checked(ONE_PAYMENT_PER_CONFIRMATION);
        Map<UUID, Integer> successful = new HashMap<>();
        rows(payment, "SELECT booking_id, count(*) FROM payment_attempts WHERE event_id = ANY(?) AND state = 'CONFIRMED' GROUP BY booking_id",
                events, rs -> successful.put(rs.getObject(1, UUID.class), rs.getInt(2)));
        // a REFUNDED booking was paid once too: the refund gives the money back, it does not undo the payment
        Set<UUID> confirmed = new HashSet<>();
        rows(booking, "SELECT booking_id FROM bookings WHERE event_id = ANY(?) AND status IN ('CONFIRMED', 'REFUNDED')",
                events, rs -> confirmed.add(rs.getObject(1, UUID.class)));
        for (UUID bookingId : confirmed) {
            int payments = successful.getOrDefault(bookingId, 0);
            if (payments != 1) {
                report.violated(ONE_PAYMENT_PER_CONFIRMATION, "paid booking " + bookingId + " has " + payments
                        + " successful payments");
            }
        }
        successful.keySet().stream().filter(id -> !confirmed.contains(id)).forEach(id -> report.violated(
                ONE_PAYMENT_PER_CONFIRMATION, "a successful payment for booking " + id
                        + ", which is neither CONFIRMED nor REFUNDED"));
        // money taken and neither confirmed nor refunded, for longer than a settlement can take
        rows(payment, "SELECT attempt_id, booking_id FROM payment_attempts WHERE event_id = ANY(?) AND state = 'CHARGED' AND updated_at < now() - interval '2 minutes'",
                events, rs -> report.violated(ONE_PAYMENT_PER_CONFIRMATION, "attempt " + rs.getString(1)
                        + " charged booking " + rs.getString(2) + " but was never settled"));
    }

    /**
     * Our refund records against booking's REFUNDED bookings, and, with the simulated provider, the provider's own
     * ledger: every refunded booking has one recorded refund and one refund of its charge at the provider; nothing
     * is refunded at the provider for a booking that is not REFUNDED once a refund had time to finish.
     */
    private void oneRefundPerRefundedBooking(Connection booking, Connection payment, Long[] events,
            InvariantReport report) throws SQLException {
        report.checked(ONE_REFUND_PER_REFUNDED_BOOKING);
        if (!exists(payment, "refunds")) {
            return;
        }
        Set<UUID> refunded = new HashSet<>();
        rows(booking, "SELECT booking_id FROM bookings WHERE event_id = ANY(?) AND status = 'REFUNDED'", events,
                rs -> refunded.add(rs.getObject(1, UUID.class)));
        Map<UUID, String> records = new HashMap<>();
        Set<UUID> unfinishedLong = new HashSet<>();
        rows(payment, "SELECT booking_id, state, updated_at < now() - interval '2 minutes' FROM refunds WHERE event_id = ANY(?)",
                events, rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    records.put(id, rs.getString(2));
                    if (rs.getBoolean(3) && !"RECORDED".equals(rs.getString(2))) {
                        unfinishedLong.add(id);
                    }
                });
        report.figure("bookings refunded", refunded.size());
        for (UUID id : refunded) {
            if (!"RECORDED".equals(records.get(id))) {
                report.violated(ONE_REFUND_PER_REFUNDED_BOOKING, "REFUNDED booking " + id + " has no recorded refund ("
                        + records.get(id) + ")");
            }
        }
        records.forEach((id, state) -> {
            if ("RECORDED".equals(state) && !refunded.contains(id)) {
                report.violated(ONE_REFUND_PER_REFUNDED_BOOKING, "a refund recorded for booking " + id
                        + ", which is not REFUNDED");
            }
        });
        unfinishedLong.forEach(id -> report.violated(ONE_REFUND_PER_REFUNDED_BOOKING, "the refund of booking " + id
                + " is " + records.get(id) + " for more than 2 minutes"));
        if (!exists(payment, "simulated_provider.refunds")) {
            return;
        }
        Map<UUID, Integer> atProvider = new HashMap<>();
        // A charge payment-service could not confirm (the hold ended while the payment was in doubt) is refunded
        // by payment-service itself: its attempt is REFUNDED and its booking is not (it expired or was cancelled).
        Set<UUID> compensated = new HashSet<>();
        rows(payment, """
                SELECT a.booking_id, count(DISTINCT r.refund_id), bool_or(a.state = 'REFUNDED')
                FROM simulated_provider.refunds r
                JOIN payment_attempts a ON a.provider_charge_id = r.charge_id
                WHERE a.event_id = ANY(?) GROUP BY a.booking_id""", events,
                rs -> {
                    atProvider.put(rs.getObject(1, UUID.class), rs.getInt(2));
                    if (rs.getBoolean(3)) {
                        compensated.add(rs.getObject(1, UUID.class));
                    }
                });
        atProvider.forEach((id, count) -> {
            if (count > 1) {
                report.violated(ONE_REFUND_PER_REFUNDED_BOOKING, "booking " + id + " was refunded " + count
                        + " times at the provider");
            } else if (!refunded.contains(id) && !compensated.contains(id) && !"REQUESTED".equals(records.get(id))
                    && !"PROVIDER_REFUNDED".equals(records.get(id))) {
                report.violated(ONE_REFUND_PER_REFUNDED_BOOKING, "booking " + id
                        + " was refunded at the provider but is not REFUNDED");
            }
        });
        refunded.stream().filter(id -> !atProvider.containsKey(id)).forEach(id -> report.violated(
                ONE_REFUND_PER_REFUNDED_BOOKING, "REFUNDED booking " + id + " has no refund at the provider"));
    }

    private void noStalePending(Connection db, StackRedis redis, Set<Long> events, InvariantReport report)
            throws SQLException {
        report.checked(NO_STALE_PENDING);
        List<UUID> stale = new ArrayList<>();
        for (StackRedis.PendingMarker marker : redis.pendingMarkers()) {
            if (marker.ttlMillis() <= BookingRedisKeys.PENDING_UNACKNOWLEDGED_TTL.toMillis()) {
                continue; // being buffered (not acknowledged yet): it is gone within seconds unless Kafka takes it
            }
            long ageMillis = pendingTtl.toMillis() - marker.ttlMillis();
            if (events.contains(marker.eventId()) && ageMillis > pendingBound.toMillis()) {
                stale.add(marker.bookingId());
            }
        }
        if (stale.isEmpty()) {
            return;
        }
        Set<UUID> decided = new HashSet<>();
        try (PreparedStatement query = db.prepareStatement("SELECT booking_id FROM bookings WHERE booking_id = ANY(?)")) {
            query.setArray(1, db.createArrayOf("uuid", stale.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    decided.add(rs.getObject(1, UUID.class));
                }
            }
        }
        stale.stream().filter(id -> !decided.contains(id)).forEach(id -> report.violated(NO_STALE_PENDING,
                "booking " + id + " buffered more than " + pendingBound.toSeconds() + " s ago and still undecided"));
    }

    private void bitfieldsMatch(Connection db, StackRedis redis, Long[] events, InvariantReport report)
            throws SQLException, InterruptedException {
        report.checked(BITFIELD_MATCHES);
        // The bitfield is written after the commit (and repaired by the cleanup worker): let late writes land.
        Instant deadline = Instant.now().plus(bitfieldSettle);
        List<Long> pending = new ArrayList<>(Arrays.asList(events));
        Map<Long, String> mismatch = new HashMap<>();
        while (true) {
            mismatch.clear();
            for (long eventId : pending) {
                int seatCount = (int) scalar(db, "SELECT seat_count FROM event_inventory WHERE event_id = ANY(?)", new Long[] {eventId});
                byte[] stored = redis.bitfield(eventId);
                if (stored == null) {
                    continue; // never read yet or evicted: rebuilt from Postgres on the next read
                }
                byte[] expected = postgresBitfield(db, eventId, seatCount);
                List<Integer> differing = differingSeats(expected, stored);
                if (!differing.isEmpty()) {
                    mismatch.put(eventId, differing.toString());
                }
            }
            if (mismatch.isEmpty() || Instant.now().isAfter(deadline)) {
                break;
            }
            pending = new ArrayList<>(mismatch.keySet());
            Thread.sleep(1_000);
        }
        mismatch.forEach((eventId, seats) -> report.violated(BITFIELD_MATCHES, "event " + eventId + " differs at seats " + seats));
    }

    private void expiredHoldsReleased(Connection db, Long[] events, InvariantReport report) throws SQLException {
        report.checked(EXPIRED_HOLDS_RELEASED);
        try (PreparedStatement query = db.prepareStatement("""
                SELECT booking_id, expires_at FROM bookings
                WHERE event_id = ANY(?) AND status = 'RESERVED' AND expires_at < ? ORDER BY expires_at LIMIT 1000""")) {
            query.setArray(1, db.createArrayOf("bigint", events));
            query.setTimestamp(2, Timestamp.from(Instant.now().minus(expiryGrace)));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    report.violated(EXPIRED_HOLDS_RELEASED, "booking " + rs.getString(1) + " expired at "
                            + rs.getTimestamp(2).toInstant() + " and still holds its seats");
                }
            }
        }
    }

    /** The latest hold expiry among the events' live holds, so a caller can wait for it before checking. */
    public Instant latestHoldExpiry(List<Long> eventIds) throws SQLException {
        try (Connection db = connect("booking");
                PreparedStatement query = db.prepareStatement(
                        "SELECT max(expires_at) FROM bookings WHERE event_id = ANY(?) AND status = 'RESERVED'")) {
            query.setArray(1, db.createArrayOf("bigint", eventIds.toArray(Long[]::new)));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                Timestamp latest = rs.getTimestamp(1);
                return latest == null ? null : latest.toInstant();
            }
        }
    }

    static byte[] postgresBitfield(Connection db, long eventId, int seatCount) throws SQLException {
        List<Integer> taken = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(
                "SELECT seat_index FROM tickets WHERE event_id = ? AND status <> 'AVAILABLE'")) {
            query.setLong(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    taken.add(rs.getInt(1));
                }
            }
        }
        return AvailabilityBitfield.of(seatCount, taken);
    }

    /**
     * Seat indexes of the whole {@code expected} bitfield whose bit differs in {@code actual} (at most 20 named); a
     * shorter {@code actual} has free seats where it ends, as Redis does.
     */
    static List<Integer> differingSeats(byte[] expected, byte[] actual) {
        List<Integer> seats = new ArrayList<>();
        for (int i = 0; i < expected.length * 8 && seats.size() < 20; i++) {
            if (AvailabilityBitfield.isTaken(expected, i) != AvailabilityBitfield.isTaken(actual, i)) {
                seats.add(i);
            }
        }
        return seats;
    }

    private List<Long> allEvents(Connection db) throws SQLException {
        List<Long> events = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT event_id FROM event_inventory ORDER BY event_id");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                events.add(rs.getLong(1));
            }
        }
        return events;
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), stack.get("TICKETING_DB_USER", "ticketing"),
                stack.require("TICKETING_DB_PASSWORD"));
    }

    /** The launcher names this class to run the check: see {@link InvariantCli}. */
    public static void main(String[] args) throws Exception {
        InvariantCli.main(args);
    }
}
