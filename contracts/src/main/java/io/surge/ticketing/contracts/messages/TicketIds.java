package io.surge.ticketing.contracts.messages;

/**
 * The ticket-id format shared by the seat map (catalog) and the inventory (booking):
 * {@code event_id * 1,000,000 + seat_index}. Globally unique, and a ticket names its event and its bit.
 */
public final class TicketIds {

    public static final int MAX_SEATS_PER_EVENT = 1_000_000;

    private TicketIds() {
    }

    public static long of(long eventId, int seatIndex) {
        if (seatIndex < 0 || seatIndex >= MAX_SEATS_PER_EVENT) {
            throw new IllegalArgumentException("seat index out of range: " + seatIndex);
        }
        return eventId * MAX_SEATS_PER_EVENT + seatIndex;
    }

    public static long eventOf(long ticketId) {
        return ticketId / MAX_SEATS_PER_EVENT;
    }

    public static int seatIndexOf(long ticketId) {
        return (int) (ticketId % MAX_SEATS_PER_EVENT);
    }
}
