package io.surge.ticketing.bookingstore.expiry;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The reads that feed {@link HoldExpiry}: which holds are due, which are not yet, and which are live at all. */
public class ExpiredHolds {

    private final JdbcClient jdbc;

    public ExpiredHolds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds among {@code bookingIds} that are RESERVED but not yet expired by the database clock, with their expiry. */
    public Map<UUID, Instant> notYetExpired(Collection<UUID> bookingIds) {
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
    public List<UUID> lockExpiredSkipLocked(Duration grace, int limit) {
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
    public Map<UUID, Instant> liveHolds(int limit) {
        Map<UUID, Instant> live = new HashMap<>();
        jdbc.sql("SELECT booking_id, expires_at FROM bookings WHERE status = 'RESERVED' AND expires_at IS NOT NULL "
                        + "ORDER BY expires_at LIMIT :limit")
                .param("limit", limit)
                .query(rs -> {
                    live.put(rs.getObject("booking_id", UUID.class), rs.getTimestamp("expires_at").toInstant());
                });
        return live;
    }
}
