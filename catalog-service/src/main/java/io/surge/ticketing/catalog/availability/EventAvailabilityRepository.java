package io.surge.ticketing.catalog.availability;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sold-out flag of an event, as booking last counted it. */
@Repository
class EventAvailabilityRepository {

    private final JdbcClient jdbc;

    EventAvailabilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The flag and the time of the count it came from (null: none applied yet). */
    record Current(boolean soldOut, Instant asOf) {
    }

    /** Locks the event row, so a count and an admin change of the same event apply one after the other. */
    Optional<Current> lockForUpdate(long eventId) {
        return jdbc.sql("SELECT sold_out, availability_as_of FROM event WHERE id = :id FOR UPDATE")
                .param("id", eventId)
                .query((rs, i) -> {
                    Timestamp asOf = rs.getTimestamp("availability_as_of");
                    return new Current(rs.getBoolean("sold_out"), asOf != null ? asOf.toInstant() : null);
                })
                .optional();
    }

    /** Records the count; the version (ETag, search document) moves only when the flag flips. */
    void record(long eventId, boolean soldOut, Instant asOf, boolean flipped) {
        jdbc.sql("""
                UPDATE event
                SET sold_out = :soldOut,
                    availability_as_of = :asOf,
                    version = version + CASE WHEN :flipped THEN 1 ELSE 0 END,
                    updated_at = CASE WHEN :flipped THEN now() ELSE updated_at END
                WHERE id = :id""")
                .param("id", eventId).param("soldOut", soldOut).param("asOf", Timestamp.from(asOf))
                .param("flipped", flipped)
                .update();
    }
}
