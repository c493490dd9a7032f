package io.surge.ticketing.booking.reserve;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/v1/bookings/reserve}: chosen seats ({@code ticket_ids}) or best available
 * ({@code section_id} + {@code quantity}), never both.
 */
@Schema(description = "Chosen seats (`ticket_ids`) or best available (`section_id` and `quantity`), never both",
        example = "{\"event_id\": 42, \"section_id\": 7, \"quantity\": 2}")
record ReserveRequest(
        @Schema(description = "the event", example = "42", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @Positive Long eventId,
        @Schema(description = "chosen seats: ticket ids of the seat map, 1 to 10, distinct", example = "[1017, 1018]")
        @Size(min = 1, max = 10) List<@NotNull @Positive Long> ticketIds,
        @Schema(description = "best available: the section (`section_id` of the seat map)", example = "7")
        @Positive Long sectionId,
        @Schema(description = "best available: how many seats, 1 to 10", example = "2")
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
