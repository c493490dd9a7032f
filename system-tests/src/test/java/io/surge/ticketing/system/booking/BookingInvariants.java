package io.surge.ticketing.system.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import io.surge.ticketing.invariants.InvariantChecker;
import io.surge.ticketing.invariants.InvariantReport;
import io.surge.ticketing.invariants.LocalStack;
import io.surge.ticketing.system.Platform;

/**
 * The booking core's invariants after a race or a crash: the platform's one {@link InvariantChecker} (the same
 * the load tests run after a surge) on the event, plus what only the test knows, the booking ids the API named.
 */
final class BookingInvariants {

    private final Platform platform;
    private final InvariantChecker checker = InvariantChecker.withDefaults(LocalStack.load());

    BookingInvariants(Platform platform) {
        this.platform = platform;
    }

    /**
     * Every seat in at most one live booking, seats and bookings agree, the bitfield equals Postgres (allowing
     * post-commit updates to land), nothing left PENDING, and the event has all its seats.
     */
    void assertConsistent(long eventId, int seatCount) throws Exception {
        InvariantReport report = checker.check(List.of(eventId));

        assertThat(report.violations()).as(report.describe()).isEmpty();
        assertThat(report.figures()).as("seat rows").containsEntry("seats", (long) seatCount);
    }

    /** Every booking id the API gave out was decided (no request lost, none left PENDING). */
    void assertAllDecided(long eventId, Collection<String> bookingIds) throws Exception {
        try (Connection db = platform.db("booking");
             PreparedStatement statement = db.prepareStatement(
                     "SELECT count(*) FROM bookings WHERE event_id = ? AND booking_id = ANY(?)")) {
            statement.setLong(1, eventId);
            statement.setArray(2, db.createArrayOf("uuid", bookingIds.stream().map(UUID::fromString).toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("decided bookings among those the API named").isEqualTo(bookingIds.size());
            }
        }
    }
}
