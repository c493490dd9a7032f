package io.surge.ticketing.catalog.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.surge.ticketing.catalog.event.EventSnapshot;
import io.surge.ticketing.catalog.layout.SeatLayout;
import io.surge.ticketing.contracts.messages.TicketIds;

/** Serializes the public read models of an event (API.md "Read path"). */
final class Renderers {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private Renderers() {
    }

    record Details(long eventId, String name, String performer, String category, String status,
            java.time.Instant startsAt, java.time.Instant onSaleAt, Venue venue, List<PriceTier> priceTiers,
            int seatCount, long version) {
    }

    record Venue(long venueId, String name, String city, String country) {
    }

    record PriceTier(long sectionId, String section, long priceCents, boolean generalAdmission) {
    }

    static Representation details(EventSnapshot e) {
        Details details = new Details(e.id(), e.name(), e.performer(), e.category(), e.status(), e.startsAt(),
                e.onSaleAt(), new Venue(e.venue().id(), e.venue().name(), e.venue().city(), e.venue().country()),
                e.sections().stream().map(s -> new PriceTier(s.id(), s.name(), s.priceCents(), s.generalAdmission()))
                        .toList(),
                e.layout().seatCount(), e.version());
        try {
            return new Representation(e.version(), "\"e" + e.id() + "-v" + e.version() + "\"",
                    JSON.writeValueAsBytes(details));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The seat map, streamed straight into bytes: a 60,000-seat stadium is a few MB and is built once per
     * version, so no per-seat objects are kept.
     */
    static Representation seatMap(EventSnapshot e) {
        SeatLayout layout = e.layout();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + layout.seatCount() * 70);
        try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("event_id", e.id());
            json.writeNumberField("seat_count", layout.seatCount());
            json.writeArrayFieldStart("sections");
            for (SeatLayout.Block block : layout.blocks()) {
                json.writeStartObject();
                json.writeNumberField("section_id", block.sectionId());
                json.writeStringField("name", block.name());
                json.writeNumberField("price_cents", block.priceCents());
                json.writeBooleanField("general_admission", block.generalAdmission());
                json.writeArrayFieldStart("seats");
                for (int row = 0; row < block.rows(); row++) {
                    String label = SeatLayout.rowLabel(row);
                    for (int seat = 0; seat < block.seatsPerRow(); seat++) {
                        int index = block.seatIndex(row, seat);
                        json.writeStartObject();
                        json.writeNumberField("ticket_id", TicketIds.of(e.id(), index));
                        json.writeNumberField("seat_index", index);
                        json.writeStringField("row", label);
                        json.writeNumberField("number", seat + 1);
                        json.writeEndObject();
                    }
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new Representation(e.version(), "\"sm" + e.id() + "-v" + e.version() + "\"", out.toByteArray());
    }
}
