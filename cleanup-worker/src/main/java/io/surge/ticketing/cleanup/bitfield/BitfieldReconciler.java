package io.surge.ticketing.cleanup.bitfield;

import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.contracts.redis.AvailabilityBitfield;

/**
 * Compares each event's availability bitfield with Postgres (the truth) and repairs drift: a missing or different
 * bitfield is replaced whole, atomically. The Redis value is read before Postgres and only replaced if it is still
 * the same, so a reservation or release that lands meanwhile is never overwritten with an older picture (that
 * event is simply looked at again next round). Safe on several replicas.
 */
@Component
class BitfieldReconciler {

    private static final Logger log = LoggerFactory.getLogger(BitfieldReconciler.class);

    private final JdbcClient jdbc;
    private final Bitfields bitfields;
    private final Counter repairs;

    BitfieldReconciler(JdbcClient jdbc, Bitfields bitfields, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.bitfields = bitfields;
        this.repairs = Counter.builder("cleanup.bitfield.repairs")
                .description("availability bitfields rebuilt from Postgres because they were missing or drifted")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${ticketing.cleanup.bitfield-interval}", initialDelayString = "5s")
    void reconcileAll() {
        try {
            List<EventSeats> events = jdbc.sql("SELECT event_id, seat_count FROM event_inventory ORDER BY event_id")
                    .query((rs, n) -> new EventSeats(rs.getLong("event_id"), rs.getInt("seat_count")))
                    .list();
            int repaired = 0;
            for (EventSeats event : events) {
                if (reconcile(event.eventId(), event.seatCount())) {
                    repaired++;
                }
            }
            if (repaired > 0) {
                log.info("repaired {} of {} availability bitfields from Postgres", repaired, events.size());
            }
        } catch (RuntimeException e) {
            log.warn("bitfield reconciliation failed, next round retries: {}", e.toString());
        }
    }

    /** Returns true when the event's bitfield was missing or drifted and has been replaced. */
    boolean reconcile(long eventId, int seatCount) {
        byte[] observed = bitfields.read(eventId);
        List<Integer> taken = jdbc.sql("SELECT seat_index FROM tickets WHERE event_id = :event AND status <> 'AVAILABLE'")
                .param("event", eventId)
                .query(Integer.class)
                .list();
        byte[] expected = AvailabilityBitfield.of(seatCount, taken);
        if (observed != null && Arrays.equals(observed, expected)) {
            return false;
        }
        if (!bitfields.compareAndReplace(eventId, observed, expected, seatCount)) {
            return false;
        }
        repairs.increment();
        log.info("availability bitfield of event {} {} and was rebuilt from Postgres ({} of {} seats taken)", eventId,
                observed == null ? "was missing" : "had drifted", taken.size(), seatCount);
        return true;
    }

    private record EventSeats(long eventId, int seatCount) {
    }
}
