package io.surge.ticketing.booking.decide;

import java.util.List;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.booking.bookings.BookingStatus;

/** {@code booking.reservations} by outcome, and {@code booking.reservations.conflicts}: the surge's contention. */
@Component
class DecisionMetrics {

    private final MeterRegistry meters;
    private final Counter conflicts;

    DecisionMetrics(MeterRegistry meters) {
        this.meters = meters;
        // the sale's two common outcomes are exported from the start (at 0); rarer ones appear when they happen
        meters.counter("booking.reservations", "outcome", BookingStatus.RESERVED.name());
        meters.counter("booking.reservations", "outcome", "SEATS_UNAVAILABLE");
        this.conflicts = Counter.builder("booking.reservations.conflicts")
                .description("reservations refused because a requested seat was taken (the surge's contention)")
                .register(meters);
    }

    void count(List<Decision> decisions) {
        for (Decision decision : decisions) {
            String outcome = decision.reason() == null ? decision.status().name() : decision.reason();
            meters.counter("booking.reservations", "outcome", outcome).increment();
            if ("SEATS_UNAVAILABLE".equals(outcome)) {
                conflicts.increment();
            }
        }
    }
}
