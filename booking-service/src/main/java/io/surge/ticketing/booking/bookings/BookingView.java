package io.surge.ticketing.booking.bookings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A booking as a client sees it ({@code GET /api/v1/bookings/{id}}, the reserve answers and the caller's list).
 *
 * @param refundId the refund that gave a REFUNDED booking's payment back
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingView(
        @Schema(description = "the booking", example = "0b6f3c1e-4a52-4f0e-9d1b-6c2a7e8f9a01", requiredMode = Schema.RequiredMode.REQUIRED)
        UUID bookingId,
        @Schema(description = "where the booking stands", example = "RESERVED", requiredMode = Schema.RequiredMode.REQUIRED)
        BookingStatus status,
        @Schema(description = "the event", example = "42") Long eventId,
        @Schema(description = "the seats (ticket ids of the seat map)", example = "[1017, 1018]") List<Long> ticketIds,
        @Schema(description = "when an unpaid hold ends", example = "2026-12-01T10:10:00Z") Instant expiresAt,
        @Schema(description = "what paying costs, in cents", example = "15000") Long totalCents,
        @Schema(description = "the payment that confirmed it", example = "pay_7Hq2Lm9xT4") String paymentId,
        @Schema(description = "why a REJECTED reservation was refused (a problem code)", example = "SEATS_UNAVAILABLE") String reason,
        @Schema(description = "with SEATS_UNAVAILABLE: the seats that were taken", example = "[1018]")
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Long> unavailableTicketIds,
        @Schema(description = "the refund of a REFUNDED booking", example = "rf_3c9d1f20") String refundId) {

    public static BookingView of(Booking booking) {
        return new BookingView(booking.bookingId(), booking.status(), booking.eventId(), booking.ticketIds(),
                booking.expiresAt(), booking.totalCents(), booking.paymentId(), booking.reason(),
                booking.unavailableTicketIds(), booking.refund() == null ? null : booking.refund().refundId());
    }

    public static BookingView pending(UUID bookingId, long eventId) {
        return new BookingView(bookingId, BookingStatus.PENDING, eventId, null, null, null, null, null, null, null);
    }
}
