package io.surge.ticketing.cleanup.expiry;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.surge.ticketing.bookingstore.expiry.ExpiredHold;
import io.surge.ticketing.bookingstore.expiry.ExpiredHolds;
import io.surge.ticketing.bookingstore.expiry.HoldExpiry;
import io.surge.ticketing.bookingstore.outbox.BookingEventOutbox;

/**
 * Expires holds through booking-store's guarded transition ({@link HoldExpiry}: the same SQL and the same outbox
 * writer booking-service uses), in the transaction of the job that found them due.
 */
@Component
class HoldReleaser {

    private final HoldExpiry expiry;

    HoldReleaser(HoldExpiry expiry) {
        this.expiry = expiry;
    }

    /** Must run inside the caller's transaction (the sweep holds its row locks in the same one). */
    @Transactional(propagation = Propagation.MANDATORY)
    List<ExpiredHold> release(Collection<UUID> bookingIds) {
        return expiry.release(bookingIds);
    }

    /** booking-store's classes over this worker's connection to the booking database. */
    @Configuration(proxyBeanMethods = false)
    static class BookingStore {

        @Bean
        HoldExpiry holdExpiry(JdbcClient jdbc, Clock clock) {
            return new HoldExpiry(jdbc, new BookingEventOutbox(jdbc, clock));
        }

        @Bean
        ExpiredHolds expiredHolds(JdbcClient jdbc) {
            return new ExpiredHolds(jdbc);
        }
    }
}
