package io.surge.ticketing.booking.reserve;

import java.util.UUID;

import io.surge.ticketing.booking.decide.Decision;
import io.surge.ticketing.platform.web.DomainException;

/**
 * Where the answer to one reserve request goes once the command is on its way: Spring MVC's {@code DeferredResult}
 * ({@link ReserveController}) or the servlet fast path's async context ({@link ReserveFastPath}). A request is
 * answered once: the first of these calls wins and the others are ignored.
 */
interface ReservationReply {

    /** The decision came within the wait: 201 with the hold, or the rejection's problem. */
    void decided(Decision decision);

    /** Buffered and not decided within the wait: 202 with the booking to poll. */
    void pending(UUID bookingId, long eventId);

    /** Kafka did not take the command: nothing was buffered (503). */
    void failed(DomainException refusal);
}
