package io.surge.ticketing.catalog.read;

import java.io.ByteArrayOutputStream;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import io.surge.ticketing.catalog.event.EventSnapshot;
import io.surge.ticketing.catalog.event.EventStatus;
import io.surge.ticketing.catalog.layout.SeatLayout;
import io.surge.ticketing.contracts.messages.TicketIds;
import io.swagger.v3.oas.annotations.media.Schema;

/** Serializes the public read models of an event (API.md "Read path"). */
final class Renderers {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private Renderers() {
    }

    @Schema(name = "EventDetails", description = "An event as fans see it (snake_case on the wire)")
    record Details(
            @Schema(description = "the event's id", example = "42", requiredMode = Schema.RequiredMode.REQUIRED)
            long eventId,
            @Schema(description = "the event's name", example = "Midnight Arena Tour",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String name,
            @Schema(description = "who performs", example = "The Surge", requiredMode = Schema.RequiredMode.REQUIRED)
            String performer,
            @Schema(description = "the category, lower case", example = "concert",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String category,
            @Schema(description = "the lifecycle status at this moment (a DRAFT is never shown)",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            EventStatus status,
            @Schema(description = "when the show starts; the sale closes then", example = "2027-03-14T19:30:00Z",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            java.time.Instant startsAt,
            @Schema(description = "when the sale opens (T0)", example = "2027-01-10T09:00:00Z",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            java.time.Instant onSaleAt,
            @Schema(description = "paid bookings may be refunded until then (starts_at unless the organizer set one)",
                    example = "2027-03-07T23:59:59Z", requiredMode = Schema.RequiredMode.REQUIRED)
            java.time.Instant refundDeadline,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Venue venue,
            @Schema(description = "one price per section of the venue, in the venue's order",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            List<PriceTier> priceTiers,
            @Schema(description = "how many seats (and general-admission places) the event sells", example = "1200",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            int seatCount,
            @Schema(description = "the event's version: grows with every change an organizer makes", example = "3",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            long version) {
    }

    @Schema(description = "Where the event takes place")
    record Venue(
            @Schema(example = "7", requiredMode = Schema.RequiredMode.REQUIRED) long venueId,
            @Schema(example = "Riverside Arena", requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(example = "Lisbon", requiredMode = Schema.RequiredMode.REQUIRED) String city,
            @Schema(example = "PT", requiredMode = Schema.RequiredMode.REQUIRED) String country) {
    }

    @Schema(description = "The price of one section of the venue")
    record PriceTier(
            @Schema(description = "the section's id (what best-available reservations name as section_id)",
                    example = "11", requiredMode = Schema.RequiredMode.REQUIRED)
            long sectionId,
            @Schema(description = "the section's name", example = "A", requiredMode = Schema.RequiredMode.REQUIRED)
            String section,
            @Schema(description = "price of one seat, in cents", example = "5000",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            long priceCents,
            @Schema(description = "true for a standing area (places, no rows or seat numbers)", example = "false",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            boolean generalAdmission) {
    }

    /**
     * The details as shown in one lifecycle status. The status is part of the ETag, since it changes with the clock
     * while the version stays: a cached copy validated by ETag never outlives the status it shows.
     */
    static Representation details(EventSnapshot e, EventStatus status) {
        Details details = new Details(e.id(), e.name(), e.performer(), e.category(), status, e.startsAt(),
                e.onSaleAt(), e.refundDeadline(),
                new Venue(e.venue().id(), e.venue().name(), e.venue().city(), e.venue().country()),
                e.sections().stream().map(s -> new PriceTier(s.id(), s.name(), s.priceCents(), s.generalAdmission()))
                        .toList(),
                e.layout().seatCount(), e.version());
        String etag = "\"e" + e.id() + "-v" + e.version() + "-" + status.name().toLowerCase() + "\"";
        return new Representation(e.version(), etag, JSON.writeValueAsBytes(details), status.changesAt(e).orElse(null));
    }

    /**
     * The seat map, streamed straight into bytes: a 60,000-seat stadium is a few MB and is built once per
     * version, so no per-seat objects are kept.
     */
    static Representation seatMap(EventSnapshot e) {
        SeatLayout layout = e.layout();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + layout.seatCount() * 70);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberProperty("event_id", e.id());
            json.writeNumberProperty("seat_count", layout.seatCount());
            json.writeArrayPropertyStart("sections");
            for (SeatLayout.Block block : layout.blocks()) {
                json.writeStartObject();
                json.writeNumberProperty("section_id", block.sectionId());
                json.writeStringProperty("name", block.name());
                json.writeNumberProperty("price_cents", block.priceCents());
                json.writeBooleanProperty("general_admission", block.generalAdmission());
                json.writeArrayPropertyStart("seats");
                for (int row = 0; row < block.rows(); row++) {
                    String label = SeatLayout.rowLabel(row);
                    for (int seat = 0; seat < block.seatsPerRow(); seat++) {
                        int index = block.seatIndex(row, seat);
                        json.writeStartObject();
                        json.writeNumberProperty("ticket_id", TicketIds.of(e.id(), index));
                        json.writeNumberProperty("seat_index", index);
                        json.writeStringProperty("row", label);
                        json.writeNumberProperty("number", seat + 1);
                        json.writeEndObject();
                    }
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return new Representation(e.version(), "\"sm" + e.id() + "-v" + e.version() + "\"", out.toByteArray());
    }
}
