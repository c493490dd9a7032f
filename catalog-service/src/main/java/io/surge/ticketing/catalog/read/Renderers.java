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

/** Serializes the public read models of an event (API.md "Read path"). */
final class Renderers {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private Renderers() {
    }

    record Details(long eventId, String name, String performer, String category, EventStatus status,
            java.time.Instant startsAt, java.time.Instant onSaleAt, java.time.Instant refundDeadline, Venue venue,
            List<PriceTier> priceTiers, int seatCount, long version) {
    }

    record Venue(long venueId, String name, String city, String country) {
    }

    record PriceTier(long sectionId, String section, long priceCents, boolean generalAdmission) {
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
