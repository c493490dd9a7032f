package io.surge.ticketing.booking.cancellation;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.surge.ticketing.booking.bookings.Booking;
import io.surge.ticketing.booking.bookings.BookingRepository;

/** SQL of an event's cancellation: its holds end, its paid bookings are listed for refunds. */
@Repository
class CancellationRepository {

    /** The reason a hold ended CANCELLED because its event was. */
    static final String EVENT_CANCELLED = "EVENT_CANCELLED";

    private final JdbcClient jdbc;

    CancellationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * RESERVED -> CANCELLED for every hold of the event, in one guarded statement (a hold paid or expired meanwhile
     * does not match; one being paid right now is waited for and then not matched).
     */
    List<Booking> cancelHolds(long eventId) {
        return jdbc.sql("UPDATE bookings SET status = 'CANCELLED', reason = ?, updated_at = now() "
                        + "WHERE event_id = ? AND status = 'RESERVED' RETURNING " + BookingRepository.COLUMNS)
                .param(EVENT_CANCELLED).param(eventId)
                .query(BookingRepository::map)
                .list();
    }

    /** The event's paid bookings, oldest first: each is to be refunded. */
    List<Booking> paidBookings(long eventId) {
        return jdbc.sql("SELECT " + BookingRepository.COLUMNS + " FROM bookings "
                        + "WHERE event_id = ? AND status = 'CONFIRMED' ORDER BY created_at, booking_id")
                .param(eventId)
                .query(BookingRepository::map)
                .list();
    }
}
