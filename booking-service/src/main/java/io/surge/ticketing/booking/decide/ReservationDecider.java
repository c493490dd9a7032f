package io.surge.ticketing.booking.decide;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.surge.ticketing.booking.bookings.Booking;
import io.surge.ticketing.booking.bookings.BookingRepository;
import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.booking.inventory.ClaimedSeat;
import io.surge.ticketing.booking.inventory.EventFacts;
import io.surge.ticketing.booking.inventory.EventInventoryRepository;
import io.surge.ticketing.booking.inventory.TicketRepository;
import io.surge.ticketing.booking.outbox.Outbox;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.messages.BookingEvent;
import io.surge.ticketing.contracts.messages.ReserveCommand;

/**
 * Decides a batch of reservation commands in ONE transaction (READ COMMITTED): the buffer becomes a
 * multiplier, since the commit cost is paid once per batch. Each command gets all its seats or none. Seats are
 * claimed with FOR UPDATE SKIP LOCKED, so a decision never waits for another transaction's lock. A command
 * whose booking id is already decided (a redelivery) is not decided again: its stored outcome is returned.
 */
@Component
class ReservationDecider {

    private final BookingRepository bookings;
    private final TicketRepository tickets;
    private final EventInventoryRepository events;
    private final Outbox outbox;
    private final Clock clock;

    ReservationDecider(BookingRepository bookings, TicketRepository tickets, EventInventoryRepository events,
            Outbox outbox, Clock clock) {
        this.bookings = bookings;
        this.tickets = tickets;
        this.events = events;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public List<Decision> decide(List<ReserveCommand> commands) {
        Set<UUID> decided = new HashSet<>(bookings.existing(commands.stream().map(ReserveCommand::bookingId).toList()));
        List<Decision> decisions = new ArrayList<>(commands.size());
        if (!decided.isEmpty()) {
            bookings.findAll(decided).forEach(b -> decisions.add(Decision.of(b)));
        }
        Map<Long, Optional<EventFacts>> facts = new HashMap<>();
        // PostgreSQL keeps microseconds: the answer's expires_at must be the stored one.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (ReserveCommand command : commands) {
            if (!decided.add(command.bookingId())) {
                continue; // already decided, in an earlier delivery or earlier in this batch
            }
            EventFacts event = facts.computeIfAbsent(command.eventId(), events::find).orElse(null);
            decisions.add(decideOne(command, event, now));
        }
        return decisions;
    }

    private Decision decideOne(ReserveCommand command, EventFacts event, Instant now) {
        List<Long> requested = command.chosenSeats() ? List.copyOf(new LinkedHashSet<>(command.ticketIds())) : List.of();
        if (event == null) {
            return reject(command, requested, List.of(), ErrorCode.EVENT_NOT_FOUND);
        }
        if (event.cancelled()) {
            return reject(command, requested, List.of(), ErrorCode.EVENT_CANCELLED);
        }
        if (!event.onSale(now)) {
            return reject(command, requested, List.of(), ErrorCode.EVENT_NOT_ON_SALE);
        }
        int wanted = command.chosenSeats() ? requested.size() : command.quantity();
        if (bookings.liveTicketCount(command.eventId(), command.userId()) + wanted > event.maxTicketsPerUser()) {
            return reject(command, requested, List.of(), ErrorCode.TICKET_LIMIT_EXCEEDED);
        }
        List<ClaimedSeat> claimed = command.chosenSeats()
                ? tickets.claimChosenForUpdateSkipLocked(command.eventId(), requested)
                : tickets.claimBestAvailableForUpdateSkipLocked(command.eventId(), command.sectionId(), wanted);
        if (claimed.size() < wanted) {
            Set<Long> got = new HashSet<>();
            claimed.forEach(seat -> got.add(seat.ticketId()));
            List<Long> unavailable = requested.stream().filter(id -> !got.contains(id)).toList();
            return reject(command, requested, unavailable, ErrorCode.SEATS_UNAVAILABLE);
        }
        List<Long> ticketIds = claimed.stream().map(ClaimedSeat::ticketId).toList();
        tickets.hold(command.eventId(), ticketIds, command.bookingId());
        long total = claimed.stream().mapToLong(ClaimedSeat::priceCents).sum();
        Instant expiresAt = now.plusSeconds(event.holdSeconds());
        bookings.insertReserved(command.bookingId(), command.eventId(), command.userId(), ticketIds, total, expiresAt);
        Booking booking = new Booking(command.bookingId(), command.eventId(), command.userId(), BookingStatus.RESERVED,
                ticketIds, List.of(), total, expiresAt, null, null);
        outbox.bookingChanged(BookingEvent.Type.BOOKING_RESERVED, booking);
        return Decision.of(booking, claimed.stream().map(ClaimedSeat::seatIndex).toList());
    }

    private Decision reject(ReserveCommand command, List<Long> requested, List<Long> unavailable, ErrorCode reason) {
        bookings.insertRejected(command.bookingId(), command.eventId(), command.userId(), requested, unavailable,
                reason.name());
        Booking booking = new Booking(command.bookingId(), command.eventId(), command.userId(), BookingStatus.REJECTED,
                requested, unavailable, 0, null, reason.name(), null);
        outbox.bookingChanged(BookingEvent.Type.BOOKING_REJECTED, booking);
        return Decision.of(booking, List.of());
    }
}
