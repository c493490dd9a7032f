package io.surge.ticketing.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.invariants.InvariantChecker;
import io.surge.ticketing.invariants.InvariantReport;
import io.surge.ticketing.invariants.LocalStack;

/**
 * Runs after the simulation (same build phase, declared after Gatling): waits until the abandoned holds of the
 * sale have expired, then reads Postgres and Redis and requires every invariant to hold.
 */
class SurgeInvariantsIT {

    @Test
    void theSaleLeavesEveryInvariantIntact() throws Exception {
        assumeTrue(Sale.wasRecorded(), "the simulation sold nothing (a read-path run): no sale to check");
        Sale sale = Sale.recorded();
        InvariantChecker checker = InvariantChecker.withDefaults(LocalStack.load());
        Instant latestExpiry = checker.latestHoldExpiry(List.of(sale.eventId()));
        if (latestExpiry != null) {
            // abandoned holds must be released by the cleanup worker: check after they ran out (plus its grace)
            Duration wait = Duration.between(Instant.now(), latestExpiry.plusSeconds(12));
            if (!wait.isNegative()) {
                Thread.sleep(wait.toMillis());
            }
        }

        InvariantReport report = checker.check(List.of(sale.eventId()));

        System.out.println("Invariants after the surge on event " + sale.eventId() + ":\n" + report.describe());
        assertThat(report.violations()).as(report.describe()).isEmpty();
        assertThat(report.checked()).contains(InvariantChecker.NO_DOUBLE_BOOKING, InvariantChecker.SEATS_MATCH_BOOKINGS,
                InvariantChecker.ONE_PAYMENT_PER_CONFIRMATION, InvariantChecker.NO_STALE_PENDING,
                InvariantChecker.BITFIELD_MATCHES, InvariantChecker.EXPIRED_HOLDS_RELEASED,
                InvariantChecker.ONE_REFUND_PER_REFUNDED_BOOKING);
    }
}
