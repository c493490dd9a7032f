package io.surge.ticketing.bookingstore.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a {@code BookingEvent} tells of a booking, as the transition that changed it left the row: booking-service's
 * booking rows and the holds the expiry releases are both one, so the event is built in one place
 * ({@link BookingEventOutbox}).
 */
public interface BookingSnapshot {

    UUID bookingId();

    long eventId();

    String userId();

    /** The booking's status after the change, as stored ({@code RESERVED}, {@code EXPIRED}, ...). */
    String statusName();

    List<Long> ticketIds();

    long totalCents();

    Instant expiresAt();

    String reason();
}
