package io.surge.ticketing.booking.checkin;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.surge.ticketing.booking.tickets.TicketCodec.TicketCode;

/** SQL of door scans. */
@Repository
class CheckInRepository {

    private final JdbcClient jdbc;

    CheckInRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Checks the ticket in, once: inserts its row only while its booking is CONFIRMED, of this event, with this
     * ticket, and only if no scan inserted it before (the key is (booking, ticket); a racing scan waits for the first
     * one's commit and then inserts nothing). The booking row is share-locked meanwhile, so a refund committing at
     * the same moment either comes first (no check-in) or after. Returns when it was checked in; empty when this scan
     * did not check it in (the caller asks why).
     */
    Optional<Instant> checkIn(TicketCode ticket, String scannedBy) {
        return jdbc.sql("""
                        INSERT INTO check_ins (booking_id, ticket_id, event_id, scanned_by)
                        SELECT b.booking_id, ?, b.event_id, ? FROM bookings b
                        WHERE b.booking_id = ? AND b.event_id = ? AND b.status = 'CONFIRMED' AND ? = ANY(b.ticket_ids)
                        FOR SHARE OF b
                        ON CONFLICT (booking_id, ticket_id) DO NOTHING
                        RETURNING checked_in_at""")
                .param(ticket.ticketId()).param(scannedBy).param(ticket.bookingId()).param(ticket.eventId())
                .param(ticket.ticketId())
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    /** When the ticket was first checked in, if it was. */
    Optional<Instant> checkedInAt(TicketCode ticket) {
        return jdbc.sql("SELECT checked_in_at FROM check_ins WHERE booking_id = ? AND ticket_id = ?")
                .param(ticket.bookingId()).param(ticket.ticketId())
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }
}
