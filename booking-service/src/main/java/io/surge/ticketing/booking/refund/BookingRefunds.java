package io.surge.ticketing.booking.refund;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.booking.availability.AvailabilityRebuilder;
import io.surge.ticketing.booking.availability.AvailabilityStore;
import io.surge.ticketing.booking.bookings.Booking;
import io.surge.ticketing.booking.bookings.BookingProblems;
import io.surge.ticketing.booking.bookings.BookingRepository;
import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.booking.bookings.LiveTickets;
import io.surge.ticketing.booking.inventory.TicketRepository;
import io.surge.ticketing.booking.outbox.Outbox;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.messages.BookingEvent;
import io.surge.ticketing.platform.web.DomainException;

/**
 * Records a refund payment-service has made: one guarded transition CONFIRMED -> REFUNDED with the refund's id and
 * amount, the seats SOLD -> AVAILABLE (back on sale; a cancelled event sells nothing whatever its seats say) and a
 * BOOKING_REFUNDED outbox event, in one transaction; the bitfield and the fan's live-ticket count follow after the
 * commit. Idempotent: a booking already REFUNDED answers with the refund it recorded first.
 */
@Component
class BookingRefunds {

    private static final Logger log = LoggerFactory.getLogger(BookingRefunds.class);

    private final BookingRepository bookings;
    private final RefundRepository refunds;
    private final TicketRepository tickets;
    private final Outbox outbox;
    private final LiveTickets liveTickets;
    private final AvailabilityStore availability;
    private final AvailabilityRebuilder rebuilder;
    private final TransactionTemplate transactions;
    private final Counter recorded;

    BookingRefunds(BookingRepository bookings, RefundRepository refunds, TicketRepository tickets, Outbox outbox,
            LiveTickets liveTickets, AvailabilityStore availability, AvailabilityRebuilder rebuilder,
            TransactionTemplate transactions, MeterRegistry meters) {
        this.bookings = bookings;
        this.refunds = refunds;
        this.tickets = tickets;
        this.outbox = outbox;
        this.liveTickets = liveTickets;
        this.availability = availability;
        this.rebuilder = rebuilder;
        this.transactions = transactions;
        this.recorded = Counter.builder("booking.refunds")
                .description("bookings refunded (CONFIRMED -> REFUNDED), each counted once")
                .register(meters);
    }

    Booking refund(UUID bookingId, String refundId, long amountCents) {
        Booking booking = bookings.find(bookingId).orElseThrow(() -> BookingProblems.notFound(bookingId));
        if (booking.status() == BookingStatus.REFUNDED) {
            return booking; // recorded before: the same answer again
        }
        if (booking.status() != BookingStatus.CONFIRMED) {
            throw BookingProblems.notConfirmed(booking);
        }
        if (amountCents > booking.totalCents()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                    "amount_cents exceeds what booking " + bookingId + " was paid",
                    Map.of("errors", List.of(Map.of("field", "amount_cents",
                            "message", "at most the booking's total_cents, " + booking.totalCents()))));
        }
        record Refunded(Booking booking, List<Integer> seats) {
        }
        Refunded refunded = transactions.execute(status -> refunds.markRefunded(bookingId, refundId, amountCents)
                .map(done -> {
                    List<Integer> seats = tickets.releaseSold(done.eventId(), bookingId);
                    outbox.bookingChanged(BookingEvent.Type.BOOKING_REFUNDED, done);
                    return new Refunded(done, seats);
                })
                .orElse(null));
        if (refunded == null) {
            // Another refund of the same booking won the race: answer from the state that won.
            Booking now = bookings.find(bookingId).orElseThrow(() -> BookingProblems.notFound(bookingId));
            if (now.status() == BookingStatus.REFUNDED) {
                return now;
            }
            throw BookingProblems.notConfirmed(now);
        }
        recorded.increment();
        log.info("booking {} refunded ({} cents, refund {}): {} seats back on sale", bookingId, amountCents, refundId,
                refunded.seats().size());
        afterCommit(refunded.booking(), refunded.seats());
        return refunded.booking();
    }

    /** Derived state only: a failure here is repaired by the rebuild and the reconciler. */
    private void afterCommit(Booking booking, List<Integer> seats) {
        try {
            liveTickets.forget(booking.eventId(), booking.userId()); // the fan is under the limit again at once
            if (!availability.set(booking.eventId(), seats, false)) {
                rebuilder.ensure(booking.eventId());
            }
        } catch (RuntimeException e) {
            log.warn("post-commit effects of the refund of booking {} failed (derived state, repaired later): {}",
                    booking.bookingId(), e.toString());
        }
    }
}
