package io.surge.ticketing.payment.booking;

/** What booking-service answered to recording a refund ({@code POST /internal/bookings/{id}/refund}). */
public enum RefundRecordResult {
    /** The booking is REFUNDED with our refund (now or already). */
    RECORDED,
    /** booking-service refuses: the booking is neither CONFIRMED nor REFUNDED (409 BOOKING_NOT_CONFIRMED). */
    NOT_CONFIRMED,
    /** booking-service does not know the booking (404 BOOKING_NOT_FOUND). */
    NOT_FOUND,
    /** booking-service refuses the record itself (400/422: e.g. more than the booking was paid). */
    REFUSED
}
