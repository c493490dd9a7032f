package io.surge.ticketing.booking.reserve;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.surge.ticketing.booking.availability.AvailabilityStore;
import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.booking.decide.Decision;
import io.surge.ticketing.booking.inventory.EventInventoryRepository;
import io.surge.ticketing.booking.inventory.EventInventoryRepository.SeatRange;
import io.surge.ticketing.contracts.ErrorCode;

/**
 * The tail of a sold-out surge, answered at the door: once a section has nothing left, a best-available request
 * for it is refused at once (409) instead of going through the buffer and a decider. Every instance hears every
 * decision: a best-available SEATS_UNAVAILABLE marks its section as possibly sold out, and from then on each
 * request for that section asks the availability bitfield (one BITCOUNT over the section's bits) whether every
 * seat is held or sold. Seats that come back (an expired hold, a cancellation) clear their bits, so the next
 * request finds the section open again, drops the mark and goes to the buffer as usual. A section never marked
 * costs nothing.
 */
@Component
class SoldOutSections {

    private static final int MAX_MARKS = 10_000;

    private record Section(long eventId, long sectionId) {
    }

    private final AvailabilityStore availability;
    private final EventInventoryRepository events;
    private final Set<Section> marked = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<Section, Optional<SeatRange>> ranges = new ConcurrentHashMap<>();

    SoldOutSections(AvailabilityStore availability, EventInventoryRepository events) {
        this.availability = availability;
        this.events = events;
    }

    /** Learns from a decision broadcast (any instance's). */
    void decided(Decision decision) {
        if (decision.sectionId() != null && decision.status() == BookingStatus.REJECTED
                && ErrorCode.SEATS_UNAVAILABLE.name().equals(decision.reason())) {
            if (marked.size() >= MAX_MARKS) {
                marked.clear();
            }
            marked.add(new Section(decision.eventId(), decision.sectionId()));
        }
    }

    /** Whether every seat of the section is held or sold right now (only ever true for a marked section). */
    boolean soldOut(long eventId, long sectionId) {
        Section section = new Section(eventId, sectionId);
        if (!marked.contains(section)) {
            return false;
        }
        if (ranges.size() >= MAX_MARKS) {
            ranges.clear();
        }
        Optional<SeatRange> range = ranges.computeIfAbsent(section, s -> events.seatRange(eventId, sectionId));
        boolean soldOut;
        try {
            soldOut = range.isPresent() && availability.allTaken(eventId, range.get().first(), range.get().count());
        } catch (RuntimeException redisUnavailable) {
            soldOut = false; // the decider decides as usual
        }
        if (!soldOut) {
            marked.remove(section);
        }
        return soldOut;
    }
}
