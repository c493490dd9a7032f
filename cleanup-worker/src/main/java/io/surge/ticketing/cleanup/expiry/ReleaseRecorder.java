package io.surge.ticketing.cleanup.expiry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.bookingstore.expiry.ExpiredHold;
import io.micrometer.core.instrument.Timer;
import io.surge.ticketing.cleanup.bitfield.Bitfields;

/**
 * After a release commits: frees the seats' bits (Postgres decided; the bitfield follows, and the
 * reconciliation repairs it if this step is lost) and records how late each hold was released.
 */
@Component
class ReleaseRecorder {

    private static final Logger log = LoggerFactory.getLogger(ReleaseRecorder.class);

    private final Bitfields bitfields;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Timer lateness;

    ReleaseRecorder(Bitfields bitfields, MeterRegistry meters, Clock clock) {
        this.bitfields = bitfields;
        this.meters = meters;
        this.clock = clock;
        this.lateness = Timer.builder("cleanup.release.lateness")
                .description("time between a hold's expires_at and its release")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        // both release paths are exported from the start (at 0), before the first hold expires
        meters.counter("cleanup.holds.released", "source", "queue");
        meters.counter("cleanup.holds.released", "source", "sweep");
    }

    void released(List<ExpiredHold> holds, String source) {
        if (holds.isEmpty()) {
            return;
        }
        long now = clock.millis();
        holds.forEach(hold -> lateness.record(Duration.ofMillis(Math.max(0, now - hold.expiresAt().toEpochMilli()))));
        meters.counter("cleanup.holds.released", "source", source).increment(holds.size());
        holds.stream()
                .collect(Collectors.groupingBy(ExpiredHold::eventId,
                        Collectors.flatMapping(hold -> hold.freedSeats().stream(), Collectors.toList())))
                .forEach((eventId, seats) -> {
                    try {
                        bitfields.freeSeats(eventId, seats);
                    } catch (RuntimeException e) {
                        log.warn("seats of event {} freed in Postgres but not in Redis (reconciliation repairs): {}",
                                eventId, e.toString());
                    }
                });
    }
}
