package io.surge.ticketing.booking.inventory;

/**
 * The catalog's inventory of an event has just been handed to booking: {@code fresh} when this message created the
 * event's seats (so anything Redis holds under that id is stale), otherwise a redelivery or an update of an event
 * already loaded. Published synchronously by the inventory listener, so a listener's failure fails the message and
 * Kafka redelivers it.
 */
public record InventoryLoaded(long eventId, boolean fresh) {
}
