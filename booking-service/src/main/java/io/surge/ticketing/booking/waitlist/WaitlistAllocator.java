package io.surge.ticketing.booking.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.booking.availability.AvailabilityStore;
import io.surge.ticketing.booking.bookings.Booking;
import io.surge.ticketing.booking.bookings.BookingRepository;
import io.surge.ticketing.booking.bookings.BookingRepository.Fan;
import io.surge.ticketing.booking.bookings.BookingRepository.FanTickets;
import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.booking.inventory.EventFacts;
import io.surge.ticketing.booking.inventory.EventInventoryRepository;
import io.surge.ticketing.booking.outbox.Outbox;

/**
 * Offers the seats that came back (RETURNED, see V6's trigger) to the event's waiting list: each seat to the earliest
 * waiting fan it can serve (its section, or any section; the fan's whole quantity from one section), as a RESERVED
 * booking in the fan's name that expires after the event's hold length. An offer not paid in time expires like any
 * hold; its seats come back RETURNED and go to the next fan. Seats no waiting fan can take go back on sale.
 *
 * <p>Safe on many replicas: one allocator per event at a time (a transaction-scoped advisory lock; another replica
 * skips the event this round), the per-fan ticket limit under the deciders' own per-fan lock, and every write of an
 * offer (seats, booking, entry, outbox event) in one transaction.
 */
@Component
class WaitlistAllocator {

    private static final Logger log = LoggerFactory.getLogger(WaitlistAllocator.class);

    private final WaitlistRepository waitlist;
    private final BookingRepository bookings;
    private final EventInventoryRepository events;
    private final Outbox outbox;
    private final AvailabilityStore availability;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Counter offered;
    private final Counter backOnSale;

    WaitlistAllocator(WaitlistRepository waitlist, BookingRepository bookings, EventInventoryRepository events,
            Outbox outbox, AvailabilityStore availability, TransactionTemplate transactions, Clock clock,
            MeterRegistry meters) {
        this.waitlist = waitlist;
        this.bookings = bookings;
        this.events = events;
        this.outbox = outbox;
        this.availability = availability;
        this.transactions = transactions;
        this.clock = clock;
        this.offered = Counter.builder("booking.waitlist.offers").description("waiting-list offers made")
                .register(meters);
        this.backOnSale = Counter.builder("booking.waitlist.seats.back-on-sale")
                .description("returned seats no waiting fan could take, put back on sale").register(meters);
    }

    @Scheduled(fixedDelayString = "${ticketing.booking.waitlist.interval}", initialDelayString = "5s")
    void allocateAll() {
        try {
            for (long eventId : waitlist.eventsWithReturnedSeats()) {
                allocate(eventId);
            }
        } catch (RuntimeException e) {
            log.warn("waiting-list allocation failed, the next round retries: {}", e.toString());
        }
    }

    /** One round for one event; the offers made. */
    int allocate(long eventId) {
        Round round = transactions.execute(status -> allocateLocked(eventId));
        if (round == null) {
            return 0;
        }
        if (!round.backOnSale().isEmpty()) {
            // after the commit: the seats are for sale again (the bitfield reconciler repairs a failed write)
            availability.set(eventId, round.backOnSale(), false);
            backOnSale.increment(round.backOnSale().size());
        }
        offered.increment(round.offers());
        return round.offers();
    }

    private record Round(int offers, List<Integer> backOnSale) {
    }

    private Round allocateLocked(long eventId) {
        if (!waitlist.tryLockEvent(eventId)) {
            return null; // another replica is at it
        }
        List<WaitlistRepository.ReturnedSeat> seats = waitlist.lockReturnedSeats(eventId);
        if (seats.isEmpty()) {
            return null;
        }
        Optional<EventFacts> facts = events.find(eventId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (facts.isEmpty() || facts.get().cancelled() || facts.get().closed(now)) {
            // the list is closed: nothing is offered any more
            return new Round(0, waitlist.putBackOnSale(eventId, seats.stream().map(s -> s.ticketId()).toList()));
        }
        EventFacts event = facts.get();
        List<WaitlistRepository.Waiting> waiting = waitlist.lockWaiting(eventId);
        List<Fan> fans = waiting.stream().map(w -> new Fan(eventId, w.userId())).distinct().toList();
        bookings.lockFans(fans);
        Map<Fan, FanTickets> live = bookings.liveTickets(fans);

        Map<Long, List<WaitlistRepository.ReturnedSeat>> bySection = new LinkedHashMap<>();
        seats.forEach(seat -> bySection.computeIfAbsent(seat.sectionId(), s -> new ArrayList<>()).add(seat));
        List<Booking> offers = new ArrayList<>();
        Map<Long, UUID> offeredEntries = new HashMap<>();
        List<WaitlistRepository.Waiting> stillWaiting = new ArrayList<>();
        for (WaitlistRepository.Waiting fan : waiting) {
            int held = live.getOrDefault(new Fan(eventId, fan.userId()), FanTickets.NONE).count();
            if (held + fan.quantity() > event.maxTicketsPerUser()) {
                continue; // over the fan's limit for now; its place is kept for later returns
            }
            List<WaitlistRepository.ReturnedSeat> pool = poolFor(fan, bySection);
            if (pool == null) {
                stillWaiting.add(fan);
                continue;
            }
            List<WaitlistRepository.ReturnedSeat> taken = new ArrayList<>(pool.subList(0, fan.quantity()));
            pool.subList(0, fan.quantity()).clear();
            UUID bookingId = UUID.randomUUID();
            List<Long> ticketIds = taken.stream().map(s -> s.ticketId()).toList();
            List<Long> prices = taken.stream().map(s -> s.priceCents()).toList();
            offers.add(new Booking(bookingId, eventId, fan.userId(), BookingStatus.RESERVED, ticketIds, List.of(),
                    prices.stream().mapToLong(Long::longValue).sum(), now.plusSeconds(event.holdSeconds()),
                    "WAITLIST_OFFER", null, prices, null));
            offeredEntries.put(fan.entryId(), bookingId);
        }
        for (Booking offer : offers) {
            if (waitlist.holdForOffer(eventId, offer.ticketIds(), offer.bookingId()) != offer.ticketIds().size()) {
                throw new IllegalStateException("an offer's seats were not all RETURNED: rolling the round back");
            }
        }
        bookings.insertAll(offers);
        offeredEntries.forEach((entryId, bookingId) -> {
            if (waitlist.markOffered(entryId, bookingId) != 1) {
                throw new IllegalStateException("entry " + entryId + " was not WAITING: rolling the round back");
            }
        });
        outbox.bookingsDecided(offers);

        // seats left that no fan still waiting could ever take (its section, or any) go back on sale; the rest wait
        // for more seats of their section to come back
        List<Long> unwanted = new ArrayList<>();
        bySection.forEach((sectionId, left) -> {
            boolean wanted = stillWaiting.stream().anyMatch(w -> w.sectionId() == null || w.sectionId().equals(sectionId));
            if (!wanted) {
                left.forEach(seat -> unwanted.add(seat.ticketId()));
            }
        });
        if (!offers.isEmpty()) {
            log.info("offered {} returned seats of event {} to {} fans on its waiting list",
                    offers.stream().mapToInt(o -> o.ticketIds().size()).sum(), eventId, offers.size());
        }
        return new Round(offers.size(), waitlist.putBackOnSale(eventId, unwanted));
    }

    /** The seats that serve this fan now: its section's, or (any section) the first section with enough; else null. */
    private static List<WaitlistRepository.ReturnedSeat> poolFor(WaitlistRepository.Waiting fan,
            Map<Long, List<WaitlistRepository.ReturnedSeat>> bySection) {
        if (fan.sectionId() != null) {
            List<WaitlistRepository.ReturnedSeat> pool = bySection.get(fan.sectionId());
            return pool != null && pool.size() >= fan.quantity() ? pool : null;
        }
        return bySection.values().stream().filter(pool -> pool.size() >= fan.quantity())
                .max(Comparator.comparingInt(List::size)).orElse(null);
    }
}
