package io.surge.ticketing.booking.decide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.surge.ticketing.booking.bookings.Booking;
import io.surge.ticketing.booking.bookings.BookingRepository.Fan;
import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.booking.inventory.ClaimRequest;
import io.surge.ticketing.booking.inventory.ClaimedSeat;
import io.surge.ticketing.booking.inventory.EventFacts;
import io.surge.ticketing.booking.inventory.SeatClaims;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.messages.ReserveCommand;

/**
 * The decisions of a batch, made in memory once its seats are locked: the commands are walked in offset order,
 * exactly as if each were decided alone in turn. A command gets all its seats or none: its chosen seats if every
 * one was claimed and no earlier command got it, or the lowest claimed seats of its section that no earlier
 * command got; and only while the fan stays within the event's per-fan limit. No I/O here: the decider reads
 * what this needs, and writes what it returns, in a constant number of statements.
 */
final class Allocation {

    private final Map<Long, EventFacts> events;
    private final Map<Fan, Integer> liveTickets;
    private final Instant now;

    /**
     * @param events      the facts of the batch's events (absent = unknown event)
     * @param liveTickets seats each fan already holds or owns for the event (absent = none); updated as the
     *                    walk grants seats
     * @param now         the decision time (holds expire from it)
     */
    Allocation(Map<Long, EventFacts> events, Map<Fan, Integer> liveTickets, Instant now) {
        this.events = events;
        this.liveTickets = new HashMap<>(liveTickets);
        this.now = now;
    }

    /** What to lock for these commands: the seats of those that the event's state does not reject outright. */
    ClaimRequest claimsFor(List<ReserveCommand> commands) {
        ClaimRequest request = new ClaimRequest();
        for (ReserveCommand command : commands) {
            EventFacts event = events.get(command.eventId());
            if (eventRejection(event) != null
                    || liveTickets.getOrDefault(fan(command), 0) + wanted(command) > event.maxTicketsPerUser()) {
                continue;
            }
            if (command.chosenSeats()) {
                request.chosen(command.eventId(), requested(command));
            } else {
                request.bestAvailable(command.eventId(), command.sectionId(), command.quantity());
            }
        }
        return request;
    }

    /** The decisions, one per command, in the commands' order. */
    List<Decision> decide(List<ReserveCommand> commands, SeatClaims claims) {
        Set<Long> assigned = new HashSet<>();
        List<Decision> decisions = new ArrayList<>(commands.size());
        for (ReserveCommand command : commands) {
            decisions.add(decideOne(command, claims, assigned));
        }
        return decisions;
    }

    private Decision decideOne(ReserveCommand command, SeatClaims claims, Set<Long> assigned) {
        return decideSeats(command, claims, assigned).inSection(command.chosenSeats() ? null : command.sectionId());
    }

    private Decision decideSeats(ReserveCommand command, SeatClaims claims, Set<Long> assigned) {
        List<Long> requested = requested(command);
        EventFacts event = events.get(command.eventId());
        ErrorCode rejection = eventRejection(event);
        if (rejection != null) {
            return rejected(command, requested, List.of(), rejection);
        }
        Fan fan = fan(command);
        int wanted = wanted(command);
        int live = liveTickets.getOrDefault(fan, 0);
        if (live + wanted > event.maxTicketsPerUser()) {
            return rejected(command, requested, List.of(), ErrorCode.TICKET_LIMIT_EXCEEDED);
        }
        List<ClaimedSeat> seats = new ArrayList<>(wanted);
        if (command.chosenSeats()) {
            List<Long> unavailable = new ArrayList<>();
            for (Long ticketId : requested) {
                ClaimedSeat seat = claims.chosen().get(ticketId);
                if (seat == null || assigned.contains(ticketId)) {
                    unavailable.add(ticketId);
                } else {
                    seats.add(seat);
                }
            }
            if (!unavailable.isEmpty()) {
                return rejected(command, requested, unavailable, ErrorCode.SEATS_UNAVAILABLE);
            }
        } else {
            for (ClaimedSeat seat : claims.bestAvailable(new SeatClaims.Section(command.eventId(), command.sectionId()))) {
                if (!assigned.contains(seat.ticketId())) {
                    seats.add(seat);
                    if (seats.size() == wanted) {
                        break;
                    }
                }
            }
            if (seats.size() < wanted) {
                return rejected(command, requested, List.of(), ErrorCode.SEATS_UNAVAILABLE);
            }
        }
        seats.forEach(seat -> assigned.add(seat.ticketId()));
        liveTickets.put(fan, live + wanted);
        List<Long> ticketIds = seats.stream().map(ClaimedSeat::ticketId).toList();
        long total = seats.stream().mapToLong(ClaimedSeat::priceCents).sum();
        List<Long> prices = seats.stream().map(ClaimedSeat::priceCents).toList();
        Booking booking = new Booking(command.bookingId(), command.eventId(), command.userId(), BookingStatus.RESERVED,
                ticketIds, List.of(), total, now.plusSeconds(event.holdSeconds()), null, null, prices, null);
        return Decision.of(booking, seats.stream().map(ClaimedSeat::seatIndex).toList());
    }

    /** The event's own refusal (unknown or DRAFT, cancelled, closed, not on sale yet), the same as at the door. */
    private ErrorCode eventRejection(EventFacts event) {
        return event == null ? ErrorCode.EVENT_NOT_FOUND : event.refusal(now);
    }

    private static Decision rejected(ReserveCommand command, List<Long> requested, List<Long> unavailable,
            ErrorCode reason) {
        Booking booking = new Booking(command.bookingId(), command.eventId(), command.userId(), BookingStatus.REJECTED,
                requested, unavailable, 0, null, reason.name(), null);
        return Decision.of(booking, List.of());
    }

    static Fan fan(ReserveCommand command) {
        return new Fan(command.eventId(), command.userId());
    }

    private static List<Long> requested(ReserveCommand command) {
        return command.chosenSeats() ? List.copyOf(new LinkedHashSet<>(command.ticketIds())) : List.of();
    }

    private static int wanted(ReserveCommand command) {
        return command.chosenSeats() ? requested(command).size() : command.quantity();
    }
}
