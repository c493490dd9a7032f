package io.surge.ticketing.booking.decide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.surge.ticketing.booking.availability.AvailabilityRebuilder;
import io.surge.ticketing.booking.availability.AvailabilityStore;
import io.surge.ticketing.booking.bookings.BookingStatus;

/**
 * The bitfield mirror of a committed batch: the seats of its new holds set taken, one update per event; an event
 * whose bitfield is missing is rebuilt from Postgres instead (a missing bitfield is never grown bit by bit).
 */
@Component
class TakenSeats {

    private final AvailabilityStore availability;
    private final AvailabilityRebuilder rebuilder;

    TakenSeats(AvailabilityStore availability, AvailabilityRebuilder rebuilder) {
        this.availability = availability;
        this.rebuilder = rebuilder;
    }

    void mark(List<Decision> decisions) {
        Map<Long, List<Integer>> taken = new HashMap<>();
        for (Decision decision : decisions) {
            if (decision.status() == BookingStatus.RESERVED) {
                taken.computeIfAbsent(decision.eventId(), id -> new ArrayList<>()).addAll(decision.seatIndexes());
            }
        }
        taken.forEach((eventId, seats) -> {
            if (!availability.set(eventId, seats, true)) {
                rebuilder.ensure(eventId);
            }
        });
    }
}
