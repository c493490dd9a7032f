package io.surge.ticketing.booking.refund;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.surge.ticketing.booking.bookings.Booking;
import io.surge.ticketing.booking.bookings.BookingRepository;

/** SQL of the refund transition. */
@Repository
class RefundRepository {

    private final JdbcClient jdbc;

    RefundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** CONFIRMED -> REFUNDED with the refund's record; empty when the booking was not CONFIRMED (any more). */
    Optional<Booking> markRefunded(UUID bookingId, String refundId, long amountCents) {
        return jdbc.sql("UPDATE bookings SET status = 'REFUNDED', refund_id = ?, refunded_cents = ?, refunded_at = now(), "
                        + "updated_at = now() WHERE booking_id = ? AND status = 'CONFIRMED' RETURNING "
                        + BookingRepository.COLUMNS)
                .param(refundId).param(amountCents).param(bookingId)
                .query(BookingRepository::map)
                .optional();
    }
}
