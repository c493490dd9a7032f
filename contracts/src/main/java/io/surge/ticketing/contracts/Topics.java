package io.surge.ticketing.contracts;

/**
 * Every Kafka topic of the platform, in one place. Keys are chosen for ordering:
 * everything about one event's inventory is keyed by the event id.
 */
public final class Topics {

    /** Catalog -> booking: an event's seat inventory to create (key: event id). */
    public static final String CATALOG_EVENT_INVENTORY = "catalog.event-inventory";

    /** Booking API -> booking consumer: buffered reservation commands (key: event id). */
    public static final String BOOKING_COMMANDS = "booking.commands";

    /** Poison reservation commands that could not be decided (key: event id). */
    public static final String BOOKING_COMMANDS_DLT = "booking.commands.dlt";

    /** Booking state transitions, published through the booking outbox (key: event id). */
    public static final String BOOKING_EVENTS = "booking.events";

    /** Booking -> catalog and waiting room: whether an event is sold out, compacted (key: event id). */
    public static final String BOOKING_EVENT_AVAILABILITY = "booking.event-availability";

    /** Booking -> payment: refunds to make, one per paid booking of a cancelled event (key: booking id). */
    public static final String BOOKING_REFUND_REQUESTS = "booking.refund-requests";

    /** Refund requests payment could not read, for a person to look at (key: booking id). */
    public static final String BOOKING_REFUND_REQUESTS_DLT = "booking.refund-requests.dlt";

    /** Waiting room -> booking: per-event sale settings, compacted (key: event id). */
    public static final String SALE_SETTINGS = "waitingroom.sale-settings";

    /** Payment API -> payment consumer: buffered payment requests (key: booking id). */
    public static final String PAYMENT_REQUESTS = "payment.requests";

    /** Payment outcomes (key: booking id). */
    public static final String PAYMENT_EVENTS = "payment.events";

    private Topics() {
    }
}
