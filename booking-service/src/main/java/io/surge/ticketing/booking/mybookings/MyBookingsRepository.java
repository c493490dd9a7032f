package io.surge.ticketing.booking.mybookings;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.surge.ticketing.booking.bookings.Booking;
import io.surge.ticketing.booking.bookings.BookingRepository;

/** SQL of a fan's own bookings, newest first (index {@code bookings_by_user_newest}). */
@Repository
class MyBookingsRepository {

    private static final String FILTER = " FROM bookings WHERE user_id = ? "
            + "AND (CAST(? AS bigint) IS NULL OR event_id = ?) AND (CAST(? AS text) IS NULL OR status = ?)";

    private final JdbcClient jdbc;

    MyBookingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Booking> page(MyBookingsQuery query) {
        return jdbc.sql("SELECT " + BookingRepository.COLUMNS + FILTER
                        + " ORDER BY created_at DESC, booking_id DESC LIMIT ? OFFSET ?")
                .params(filter(query))
                .param(query.size()).param((long) (query.page() - 1) * query.size())
                .query(BookingRepository::map)
                .list();
    }

    long count(MyBookingsQuery query) {
        return jdbc.sql("SELECT count(*)" + FILTER).params(filter(query)).query(Long.class).single();
    }

    private static List<Object> filter(MyBookingsQuery query) {
        String status = query.status() == null ? null : query.status().name();
        return java.util.Arrays.asList(query.userId(), query.eventId(), query.eventId(), status, status);
    }
}
