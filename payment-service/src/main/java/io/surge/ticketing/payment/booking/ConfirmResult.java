package io.surge.ticketing.payment.booking;

/** What booking-service answered to a confirm. */
public enum ConfirmResult {
    /** The booking is CONFIRMED with our payment id (now or already). */
    CONFIRMED,
    /** The hold is gone: expired, cancelled, or confirmed by another payment. The charge must be refunded. */
    HOLD_EXPIRED,
    /** booking-service does not know the booking. */
    NOT_FOUND
}
