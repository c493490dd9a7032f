package io.surge.ticketing.contracts.redis;

import java.util.UUID;

/**
 * The Redis keys payment-service owns and other modules read: while it charges a booking, booking-service refuses
 * to cancel it and cleanup-worker does not expire its hold. The strings are a contract with live data (see
 * {@link BookingRedisKeys}).
 */
public final class PaymentRedisKeys {

    /** Prefix of {@link #inflight(UUID)}; cleanup-worker's hold-claiming script appends the booking id itself. */
    public static final String INFLIGHT_PREFIX = "payment:inflight:";

    private PaymentRedisKeys() {
    }

    /** Set (value: attempt id, with a TTL) before charging the booking and removed once the outcome is settled. */
    public static String inflight(UUID bookingId) {
        return INFLIGHT_PREFIX + bookingId;
    }
}
