package io.surge.ticketing.booking.decide;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.surge.ticketing.booking.bookings.Booking;
import io.surge.ticketing.booking.bookings.BookingRepository;
import io.surge.ticketing.booking.bookings.BookingRepository.Fan;
import io.surge.ticketing.booking.bookings.BookingRepository.FanTickets;
import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.booking.inventory.EventInventoryRepository;
import io.surge.ticketing.booking.outbox.Outbox;
import io.surge.ticketing.booking.inventory.TicketRepository;
import io.surge.ticketing.booking.inventory.TicketRepository.Hold;
import io.surge.ticketing.contracts.messages.ReserveCommand;

/**
 * Decides a batch of reservation commands in ONE transaction (READ COMMITTED) and in a number of statements that
 * does not grow with the batch: the events' facts, the fans' advisory locks, the already-decided bookings, the
 * fans' live ticket counts, one claim of every seat the batch may take (FOR UPDATE SKIP LOCKED, so a decision
 * never waits for another's seat lock), then one multi-row write each for holds, bookings and outbox events.
 * The decisions themselves are made in memory by {@link Allocation}, in offset order. A command whose booking id
 * is already decided (a redelivery) is not decided again: its stored outcome is returned. With the decisions come
 * the live tickets each freshly decided fan has once the batch commits (read under the fan's lock, plus what the
 * batch granted), which the API's early per-fan-limit refusal reads ({@code LiveTickets}).
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

    /** One decision per distinct booking id, in the commands' order (a repeated id is decided once). */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public List<Decision> decide(List<ReserveCommand> commands) {
        return decideBatch(commands).decisions();
    }

    /** The decisions of a batch and, for each fan decided afresh, its live tickets of the event after the batch. */
    record Decided(List<Decision> decisions, Map<Fan, FanTickets> fans) {
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Decided decideBatch(List<ReserveCommand> commands) {
        Map<UUID, ReserveCommand> distinct = new LinkedHashMap<>();
        commands.forEach(command -> distinct.putIfAbsent(command.bookingId(), command));
        Set<Fan> fans = new LinkedHashSet<>();
        distinct.values().forEach(command -> fans.add(Allocation.fan(command)));

        // The lock comes first: the reads after it see everything a decider of the same fans committed before.
        bookings.lockFans(fans);
        Map<UUID, Decision> stored = new LinkedHashMap<>();
        bookings.findAll(distinct.keySet()).forEach(booking -> stored.put(booking.bookingId(), Decision.of(booking)));
        List<ReserveCommand> fresh = distinct.values().stream().filter(c -> !stored.containsKey(c.bookingId())).toList();

        Map<UUID, Decision> decided = new LinkedHashMap<>();
        Map<Fan, FanTickets> after = new HashMap<>();
        if (!fresh.isEmpty()) {
            // PostgreSQL keeps microseconds: the answer's expires_at must be the stored one.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<Fan> freshFans = fresh.stream().map(Allocation::fan).distinct().toList();
            Map<Fan, FanTickets> live = bookings.liveTickets(freshFans);
            Map<Fan, Integer> counts = new HashMap<>();
            live.forEach((fan, tickets) -> counts.put(fan, tickets.count()));
            Allocation allocation = new Allocation(
                    events.findAllForShare(fresh.stream().map(ReserveCommand::eventId).distinct().toList()), counts, now);
            List<Decision> decisions = allocation.decide(fresh, tickets.claim(allocation.claimsFor(fresh)));
            write(decisions);
            decisions.forEach(decision -> decided.put(decision.bookingId(), decision));
            freshFans.forEach(fan -> after.put(fan, live.getOrDefault(fan, FanTickets.NONE)));
            for (Decision decision : decisions) {
                if (decision.status() == BookingStatus.RESERVED) {
                    after.computeIfPresent(new Fan(decision.eventId(), decision.userId()),
                            (fan, tickets) -> tickets.plusHold(decision.ticketIds().size(), decision.expiresAt()));
                }
            }
        }
        List<Decision> answer = new ArrayList<>(distinct.size());
        distinct.keySet().forEach(id -> answer.add(stored.containsKey(id) ? stored.get(id) : decided.get(id)));
        return new Decided(answer, after);
    }

    private void write(List<Decision> decisions) {
        List<Hold> holds = new ArrayList<>();
        List<Booking> rows = new ArrayList<>(decisions.size());
        for (Decision decision : decisions) {
            if (decision.status() == BookingStatus.RESERVED) {
                decision.ticketIds().forEach(ticketId -> holds.add(new Hold(decision.eventId(), ticketId, decision.bookingId())));
            }
            rows.add(decision.toBooking());
        }
        tickets.holdAll(holds);
        bookings.insertAll(rows);
        outbox.bookingsDecided(rows);
    }
}
