package io.surge.ticketing.booking.reserve;

import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/bookings/reserve}: chosen seats ({@code ticket_ids}) or best available
 * ({@code section_id} + {@code quantity}), never both.
 */
record ReserveRequest(
        @NotNull @Positive Long eventId,
        @Size(min = 1, max = 10) List<@NotNull @Positive Long> ticketIds,
        @Positive Long sectionId,
        @Positive @Max(10) Integer quantity) {

    @AssertTrue(message = "give either ticket_ids, or section_id with quantity")
    boolean isOneMode() {
        boolean chosen = ticketIds != null;
        boolean best = sectionId != null || quantity != null;
        return chosen != best && (chosen || (sectionId != null && quantity != null));
    }

    @AssertTrue(message = "ticket_ids must not repeat a seat")
    boolean isDistinct() {
        return ticketIds == null || ticketIds.stream().distinct().count() == ticketIds.size();
    }

    int seatsWanted() {
        return ticketIds != null ? ticketIds.size() : quantity;
    }
}
