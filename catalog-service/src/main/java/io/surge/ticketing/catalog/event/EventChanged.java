package io.surge.ticketing.catalog.event;

/**
 * Published inside the transaction that created or changed an event, after the change is written.
 * Listeners that must be atomic with the change (outbox, search projection) run in that transaction;
 * {@code inventoryChanged} says whether booking must hear about it (creation, publication, cancellation, the
 * sale's times, the refund deadline or the prices).
 */
public record EventChanged(EventSnapshot event, boolean inventoryChanged) {
}
