package io.surge.ticketing.booking.soldout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.booking.BookingProperties;
import io.surge.ticketing.booking.availability.AvailabilityStore;
import io.surge.ticketing.booking.outbox.Outbox;
import io.surge.ticketing.contracts.messages.EventAvailabilityChanged;

/**
 * Tells the catalog and the waiting room whether each live event is sold out, on the compacted
 * {@code booking.event-availability} topic (key event id): when sold-out flips against what was last announced (a
 * sale running dry, seats coming back from an expiry, a cancellation or a refund), and again every
 * {@code sold-out.republish} (~30 s) so a reader that missed one converges. Every {@code sold-out.interval} (1 s) one
 * replica (a transaction-scoped advisory lock; the others skip the round) counts each live event's free seats with
 * one BITCOUNT of its availability bitfield, all events in one Redis round trip (PostgreSQL counts an event whose
 * bitfield is missing), and writes the announcement and its record through the outbox in one transaction.
 */
@Component
class SoldOutPublisher {

    private static final Logger log = LoggerFactory.getLogger(SoldOutPublisher.class);

    private final AvailabilityAnnouncements announcements;
    private final AvailabilityStore availability;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration republish;
    private final MeterRegistry meters;

    SoldOutPublisher(AvailabilityAnnouncements announcements, AvailabilityStore availability, Outbox outbox,
            TransactionTemplate transactions, Clock clock, BookingProperties properties, MeterRegistry meters) {
        this.announcements = announcements;
        this.availability = availability;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.republish = properties.soldOut().republish();
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${ticketing.booking.sold-out.interval}",
            initialDelayString = "${ticketing.booking.sold-out.interval}")
    void announce() {
        try {
            transactions.executeWithoutResult(status -> round());
        } catch (RuntimeException e) {
            log.warn("sold-out announcements failed this round, next round retries: {}", e.toString());
        }
    }

    /** One round; returns how many announcements it wrote (0 when another replica leads this round). */
    int round() {
        if (!announcements.lead()) {
            return 0;
        }
        List<AvailabilityAnnouncements.LiveEvent> live = announcements.liveEvents();
        Map<Long, Integer> taken = availability.countTaken(
                live.stream().map(AvailabilityAnnouncements.LiveEvent::eventId).toList());
        Instant now = clock.instant();
        int written = 0;
        for (AvailabilityAnnouncements.LiveEvent event : live) {
            Integer held = taken.get(event.eventId());
            int available = held != null ? Math.max(0, event.seatCount() - held)
                    : announcements.availableInPostgres(event.eventId());
            boolean soldOut = available == 0;
            if (!due(event, soldOut, now)) {
                continue;
            }
            outbox.availabilityChanged(new EventAvailabilityChanged(event.eventId(), soldOut, available,
                    event.seatCount(), now));
            announcements.record(event.eventId(), soldOut, available, now);
            if (event.lastSoldOut() == null || event.lastSoldOut() != soldOut) {
                log.info("event {} is {} ({} of {} seats free)", event.eventId(), soldOut ? "sold out" : "on sale",
                        available, event.seatCount());
                meters.counter("booking.availability.flips", "sold_out", Boolean.toString(soldOut)).increment();
            }
            written++;
        }
        return written;
    }

    /** Announce when sold-out flipped, when never announced, and when the last announcement is getting old. */
    private boolean due(AvailabilityAnnouncements.LiveEvent event, boolean soldOut, Instant now) {
        return event.lastSoldOut() == null || event.lastSoldOut() != soldOut
                || event.lastAnnounced() == null || !event.lastAnnounced().plus(republish).isAfter(now);
    }
}
