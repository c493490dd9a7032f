package io.surge.ticketing.catalog.read;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * For the API description only: the shape of the seat map {@link Renderers#seatMap} streams straight into bytes (a
 * stadium's map is built without one object per seat, so there is no record to describe). Keep the two in step.
 */
@Schema(name = "SeatMap", description = "An event's static seat layout (snake_case on the wire)")
record SeatMapSchema(
        @Schema(description = "the event's id", example = "42", requiredMode = Schema.RequiredMode.REQUIRED)
        long eventId,
        @Schema(description = "how many seats the event has: seat_index runs from 0 to seat_count-1", example = "1200",
                requiredMode = Schema.RequiredMode.REQUIRED)
        int seatCount,
        @Schema(description = "the venue's sections, in the venue's order", requiredMode = Schema.RequiredMode.REQUIRED)
        List<Section> sections) {

    @Schema(name = "SeatMapSection", description = "One section of the venue, with its price and every seat")
    record Section(
            @Schema(description = "the section's id (a best-available reservation names it)", example = "11",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            long sectionId,
            @Schema(description = "the section's name", example = "A", requiredMode = Schema.RequiredMode.REQUIRED)
            String name,
            @Schema(description = "price of one seat, in cents", example = "5000",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            long priceCents,
            @Schema(description = "true for a standing area: its places have no meaningful row or number",
                    example = "false", requiredMode = Schema.RequiredMode.REQUIRED)
            boolean generalAdmission,
            @Schema(description = "every seat of the section, row by row", requiredMode = Schema.RequiredMode.REQUIRED)
            List<Seat> seats) {
    }

    @Schema(name = "SeatMapSeat",
            description = "One seat: what a reservation names, and its bit in the availability bitfield")
    record Seat(
            @Schema(description = "the seat's ticket id: what `POST /api/v1/bookings/reserve` names in ticket_ids",
                    example = "42000017", requiredMode = Schema.RequiredMode.REQUIRED)
            long ticketId,
            @Schema(description = "the seat's bit in the availability bitfield (0 .. seat_count-1; bit 0 is the most "
                    + "significant bit of byte 0)", example = "17", requiredMode = Schema.RequiredMode.REQUIRED)
            int seatIndex,
            @Schema(description = "the row's label", example = "A", requiredMode = Schema.RequiredMode.REQUIRED)
            String row,
            @Schema(description = "the seat's number in its row, from 1", example = "18",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            int number) {
    }
}
