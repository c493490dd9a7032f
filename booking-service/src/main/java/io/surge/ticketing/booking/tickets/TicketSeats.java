package io.surge.ticketing.booking.tickets;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of what a ticket shows: its seat (section, row, number) and its check-in. */
@Repository
public class TicketSeats {

    private final JdbcClient jdbc;

    TicketSeats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One seat of an event as its ticket names it.
     *
     * @param loadedPriceCents the price the seat row was created with (the quoted price of bookings that did not
     *                         record theirs)
     */
    public record Seat(long ticketId, String section, String row, int number, long loadedPriceCents) {
    }

    /** The seats among {@code ticketIds} of the event, by ticket id (one statement). */
    public Map<Long, Seat> find(long eventId, Collection<Long> ticketIds) {
        Map<Long, Seat> seats = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return seats;
        }
        jdbc.sql("""
                SELECT t.ticket_id, t.seat_index, t.price_cents, s.name, s.first_seat_index, s.seat_count, s.seats_per_row
                FROM tickets t JOIN event_sections s ON s.event_id = t.event_id AND s.section_id = t.section_id
                WHERE t.event_id = ? AND t.ticket_id = ANY(?)""")
                .param(eventId).param(ticketIds.toArray(Long[]::new))
                .query(rs -> {
                    int first = rs.getInt("first_seat_index");
                    if (rs.wasNull()) {
                        first = rs.getInt("seat_index"); // a section older than its seat ranges: one seat per row
                    }
                    Integer perRow = (Integer) rs.getObject("seats_per_row");
                    SeatLabels.Label label = SeatLabels.of(rs.getInt("seat_index"), first, perRow, rs.getInt("seat_count"));
                    seats.put(rs.getLong("ticket_id"), new Seat(rs.getLong("ticket_id"), rs.getString("name"),
                            label.row(), label.number(), rs.getLong("price_cents")));
                });
        return seats;
    }

    /** When each ticket of the booking was checked in (absent: not yet). */
    public Map<Long, Instant> checkIns(UUID bookingId) {
        Map<Long, Instant> checkedIn = new HashMap<>();
        jdbc.sql("SELECT ticket_id, checked_in_at FROM check_ins WHERE booking_id = ?")
                .param(bookingId)
                .query(rs -> {
                    checkedIn.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                });
        return checkedIn;
    }
}
