package io.surge.ticketing.booking.reserve;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.booking.BookingProperties;
import io.surge.ticketing.booking.admission.AdmissionCheck;
import io.surge.ticketing.booking.bookings.BookingRepository;
import io.surge.ticketing.booking.bookings.LiveTickets;
import io.surge.ticketing.booking.bookings.PendingMarkers;
import io.surge.ticketing.booking.decide.Decision;
import io.surge.ticketing.booking.inventory.EventFacts;
import io.surge.ticketing.booking.inventory.EventFactsCache;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.Topics;
import io.surge.ticketing.contracts.messages.MessageJson;
import io.surge.ticketing.contracts.messages.ReserveCommand;
import io.surge.ticketing.contracts.redis.BookingRedisKeys;
import io.surge.ticketing.platform.web.DomainException;

/**
 * The reserve use case on the API side: validate, admit, refuse at once what a sold-out section cannot give
 * ({@link SoldOutSections}) and what would take a fan past the per-fan limit by the deciders' last count of the fan's
 * tickets ({@link LiveTickets}: one Redis read, no Postgres), shed load when the buffer is too deep, put the command
 * on Kafka (routed by event and fan: {@link CommandRouting}; acknowledged by all in-sync replicas) and answer with the decision if it comes within
 * a short wait (201/409), otherwise 202 with the booking to poll. A 202 is only ever given for a command Kafka has
 * acknowledged, so an accepted reservation is never lost. What a valid request is lives in {@link ReserveRules}, the
 * HTTP answers in {@link ReserveAnswers}.
 */
@Component
class ReserveUseCase implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReserveUseCase.class);
    /** The servlet-level ceiling on a request's wait; the decision wait below is what clients normally see. */
    static final long ASYNC_TIMEOUT_MS = 30_000;
    /**
     * How long after it was written the short-lived PENDING marker cannot have expired: its lifetime, less a second
     * for the clock's jitter. Measured once the marker's refresh has come back, so the refresh reached Redis earlier.
     */
    static final long SHORT_MARKER_CERTAINLY_ALIVE_MS = BookingRedisKeys.PENDING_UNACKNOWLEDGED_TTL.toMillis() - 1_000;

    private final BookingProperties properties;
    private final AdmissionCheck admission;
    private final EventFactsCache events;
    private final BacklogMonitor backlog;
    private final PendingDecisions pending;
    private final PendingMarkers markers;
    private final BookingRepository bookings;
    private final KafkaTemplate<String, String> kafka;
    private final CommandRouting routing;
    private final SoldOutSections soldOut;
    private final LiveTickets liveTickets;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "reserve-decision-timer");
        thread.setDaemon(true);
        return thread;
    });

    ReserveUseCase(BookingProperties properties, AdmissionCheck admission, EventFactsCache events,
            BacklogMonitor backlog, PendingDecisions pending, PendingMarkers markers, BookingRepository bookings,
            KafkaTemplate<String, String> kafka, CommandRouting routing, SoldOutSections soldOut,
            LiveTickets liveTickets, MeterRegistry meters, Clock clock) {
        this.properties = properties;
        this.admission = admission;
        this.events = events;
        this.backlog = backlog;
        this.pending = pending;
        this.markers = markers;
        this.bookings = bookings;
        this.kafka = kafka;
        this.routing = routing;
        this.soldOut = soldOut;
        this.liveTickets = liveTickets;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Refuses at once (a {@link DomainException}, nothing buffered) or puts the command on Kafka and answers
     * {@code reply} later: with the decision if it comes within the wait, otherwise with 202. Returns the booking id,
     * which the caller gives back to {@link #abandon} if it stops waiting first (its own timeout).
     */
    UUID submit(String userId, String admissionToken, String idempotencyKey, ReserveRequest request,
            ReservationReply reply) {
        long eventId = request.eventId();
        admission.require(admissionToken, userId, eventId);
        EventFacts event = events.find(eventId).orElseThrow(() -> ReserveRules.notFound(eventId));
        ReserveRules.validate(request, event, clock.instant());

        UUID bookingId = ReserveRules.bookingId(userId, idempotencyKey);
        if (idempotencyKey != null) {
            var earlier = bookings.find(bookingId).filter(b -> b.userId().equals(userId));
            if (earlier.isPresent()) {
                reply.decided(Decision.of(earlier.get()));
                return bookingId;
            }
        }
        if (request.sectionId() != null && soldOut.soldOut(eventId, request.sectionId())) {
            meters.counter("booking.reservations.sold_out").increment();
            throw new DomainException(HttpStatus.CONFLICT, ErrorCode.SEATS_UNAVAILABLE,
                    "section " + request.sectionId() + " of event " + eventId + " is sold out",
                    Map.of("unavailable_ticket_ids", List.of(), "sold_out", true));
        }
        refusePastTheLimit(userId, request, event);
        if (backlog.lag() > properties.commands().maxBacklog()) {
            meters.counter("booking.reservations.shed").increment();
            throw new DomainException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.OVERLOADED,
                    "too many reservations are waiting; retry shortly", Map.of("retry_after_seconds", 5));
        }
        pending.await(bookingId, reply::decided);
        long markedAt = clock.millis();
        markers.mark(bookingId, userId, eventId);

        ReserveCommand command = new ReserveCommand(bookingId, eventId, userId, request.ticketIds(),
                request.sectionId(), request.quantity(), clock.instant());
        String payload;
        try {
            payload = MessageJson.mapper().writeValueAsString(command);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Integer partition = routing.partition(eventId, userId);
        CompletableFuture<?> sending;
        try {
            sending = kafka.send(Topics.BOOKING_COMMANDS, partition, Long.toString(eventId), payload);
        } catch (RuntimeException refused) {
            // Kafka down: the producer gave up waiting for metadata and threw instead of failing the future
            throw notBuffered(bookingId, refused);
        }
        sending.whenComplete((sent, failure) -> {
            if (failure != null) {
                reply.failed(notBuffered(bookingId, failure));
                return;
            }
            meters.counter("booking.commands.buffered").increment();
            timers.execute(() -> markAccepted(bookingId, userId, eventId, markedAt));
            timers.schedule(() -> {
                pending.forget(bookingId);
                reply.pending(bookingId, eventId);
            }, properties.commands().decideWait().toMillis(), TimeUnit.MILLISECONDS);
        });
        return bookingId;
    }

    /**
     * The command is on Kafka: its marker lives its full lifetime. A marker already gone was either deleted by the
     * decision (the booking row answers now) or outlived by a slow acknowledgement (written again, so the booking
     * reads PENDING until it is decided). Which one needs no database read while the short-lived marker cannot have
     * expired yet: in a closed loop the decision often beats the acknowledgement, and a lookup per reservation on this
     * one thread is what it would cost.
     */
    private void markAccepted(UUID bookingId, String userId, long eventId, long markedAt) {
        try {
            if (markers.accepted(bookingId, userId, eventId)) {
                return;
            }
            if (clock.millis() - markedAt < SHORT_MARKER_CERTAINLY_ALIVE_MS) {
                return; // deleted by the decision
            }
            if (bookings.find(bookingId).isEmpty()) {
                markers.restore(bookingId, userId, eventId);
            }
        } catch (RuntimeException e) {
            // the command is buffered and will be decided; only the PENDING answer of a poll is at stake
            log.warn("the pending marker of {} keeps its short lifetime: {}", bookingId, e.toString());
        }
    }

    /** The caller stopped waiting (its own timeout) and answers 202 itself: no decision is delivered to it. */
    void abandon(UUID bookingId) {
        pending.forget(bookingId);
    }

    /** Nothing was buffered: the decision is not awaited and no PENDING marker stays behind to answer for it. */
    private DomainException notBuffered(UUID bookingId, Throwable failure) {
        log.warn("reservation command {} was not accepted by Kafka: {}", bookingId, failure.toString());
        meters.counter("booking.commands.refused_by_kafka").increment();
        pending.forget(bookingId);
        timers.execute(() -> markers.clear(bookingId));
        return new DomainException(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE,
                "the reservation buffer is unavailable; nothing was reserved, retry shortly",
                Map.of("retry_after_seconds", 2));
    }

    /**
     * A fan the deciders last counted at (or near) the per-fan limit is refused here, with the decider's own answer,
     * instead of buffering a command that can only be rejected (a booking row and an outbox row each). The count may
     * be a little stale; it never refuses for long a fan who is under the limit again (see {@link LiveTickets}), and
     * a fan it does not know goes on to the decider, which stays the authority.
     */
    private void refusePastTheLimit(String userId, ReserveRequest request, EventFacts event) {
        OptionalInt live = liveTickets.find(event.eventId(), userId);
        if (live.isPresent() && live.getAsInt() + request.seatsWanted() > event.maxTicketsPerUser()) {
            meters.counter("booking.reservations.limit_refused").increment();
            throw new DomainException(HttpStatus.CONFLICT, ErrorCode.TICKET_LIMIT_EXCEEDED,
                    "this reservation would exceed the per-fan ticket limit of the event",
                    Map.of("max_tickets_per_user", event.maxTicketsPerUser()));
        }
    }

    public void destroy() {
        timers.shutdownNow();
    }
}
