package io.surge.ticketing.booking.inventory;

/**
 * An event's cancellation has just been recorded, inside the transaction that records it (announced once per event:
 * a redelivered message finds the flag already set). Listeners run in that transaction, so what they write commits
 * with the flag or not at all.
 */
public record EventCancelled(long eventId) {
}
