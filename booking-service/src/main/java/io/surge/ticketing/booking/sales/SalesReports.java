package io.surge.ticketing.booking.sales;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.surge.ticketing.booking.inventory.EventFacts;
import io.surge.ticketing.booking.inventory.EventInventoryRepository;
import io.surge.ticketing.booking.waitingroom.WaitingRoomClient;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An organizer's sales report of one event: seats free, held, sold and refunded, money taken and given back, tickets
 * checked in, the event's lifecycle state, and the waiting room's queue (null counts when the waiting room does not
 * answer: the rest of the report does not wait for it).
 */
@Component
class SalesReports {

    private final EventInventoryRepository events;
    private final SalesRepository sales;
    private final WaitingRoomClient waitingRoom;
    private final Clock clock;

    SalesReports(EventInventoryRepository events, SalesRepository sales, WaitingRoomClient waitingRoom, Clock clock) {
        this.events = events;
        this.sales = sales;
        this.waitingRoom = waitingRoom;
        this.clock = clock;
    }

    /** The queue as the waiting room counts it; both null when it could not be asked. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Queue(@Schema(description = "fans queued, not admitted yet", example = "1200") Long waiting,
            @Schema(description = "fans admitted so far", example = "800") Long admitted,
            @Schema(description = "the presale line, when the event has a presale", nullable = true)
            @JsonInclude(JsonInclude.Include.NON_NULL) Presale presale) {
    }

    /** The presale line as the waiting room counts it. */
    record Presale(@Schema(description = "code holders queued, not admitted yet", example = "40") Long waiting,
            @Schema(description = "code holders admitted so far", example = "260") Long admitted,
            @Schema(description = "places taken with a presale code", example = "300") Long codesUsed) {
    }

    record Report(@Schema(example = "42") long eventId, @Schema(example = "ON_SALE") EventStatus status,
            @Schema(example = "2000") int seatCount, @Schema(example = "1450") int available,
            @Schema(example = "50") int held, @Schema(example = "500") int sold, @Schema(example = "3") int refunded,
            @Schema(description = "paid, in cents", example = "3750000") long grossCents,
            @Schema(description = "refunded, in cents", example = "22500") long refundedCents,
            @Schema(example = "0") int checkedIn, Queue queue,
            @Schema(description = "the event's waiting list") Waitlist waitlist) {
    }

    /** The waiting list's figures. */
    record Waitlist(@Schema(description = "fans waiting", example = "120") int waiting,
            @Schema(description = "offers open: seats held in a waiting fan's name, not paid yet", example = "4")
            int offered,
            @Schema(description = "offers paid", example = "30") int fulfilled,
            @Schema(description = "offers not paid in time (their seats went to the next fan)", example = "6")
            int expired,
            @Schema(description = "seats that came back and wait to be offered", example = "1") int returnedSeats) {
    }

    /** Empty for an event booking has no inventory for. */
    Optional<Report> report(long eventId) {
        return events.find(eventId).map(event -> {
            Report figures = figures(event);
            Queue queue = waitingRoom.counts(eventId).map(c -> new Queue(c.waiting(), c.admitted(),
                            c.presale() == null ? null : new Presale(c.presale().waiting(), c.presale().admitted(),
                                    c.presale().codesUsed())))
                    .orElse(new Queue(null, null, null));
            return new Report(figures.eventId(), figures.status(), figures.seatCount(), figures.available(),
                    figures.held(), figures.sold(), figures.refunded(), figures.grossCents(), figures.refundedCents(),
                    figures.checkedIn(), queue, figures.waitlist());
        });
    }

    /** The report's figures from booking's own data (no queue). */
    Report figures(EventFacts event) {
        SalesRepository.Figures figures = sales.figures(event.eventId());
        int available = Math.max(0, event.seatCount() - figures.held() - figures.sold() - figures.returned());
        SalesRepository.Waitlist list = figures.waitlist();
        return new Report(event.eventId(), EventStatus.of(event, available, clock.instant()), event.seatCount(),
                available, figures.held(), figures.sold(), figures.refunded(), figures.grossCents(),
                figures.refundedCents(), figures.checkedIn(), null,
                new Waitlist(list.waiting(), list.offered(), list.fulfilled(), list.expired(), figures.returned()));
    }
}
