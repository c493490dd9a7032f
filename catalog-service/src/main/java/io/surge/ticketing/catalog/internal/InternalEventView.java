package io.surge.ticketing.catalog.internal;

import java.time.Instant;

/**
 * What the platform's other services ask the catalog about an event (the plan's interface 1): the sale's times, the
 * refund deadline (the organizer's, else {@code starts_at}), whether it is published (false for a DRAFT) and
 * whether it is cancelled.
 */
record InternalEventView(long eventId, Instant onSaleAt, Instant startsAt, Instant refundDeadline, boolean published,
        boolean cancelled) {
}
