package io.surge.ticketing.catalog.event;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A partial change: absent (null) fields stay as they are; {@code price_tiers}, when given, replaces all tiers. */
record UpdateEventRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String performer,
        @Size(min = 1, max = 50) @Pattern(regexp = "[A-Za-z0-9 _-]+", message = "letters, digits, space, _ and - only") String category,
        @Positive Long venueId,
        Instant startsAt,
        Instant onSaleAt,
        @Size(min = 1, max = 500) List<@Valid PriceTierRequest> priceTiers,
        @Schema(description = "not after starts_at (the new one when both change); an event never given one follows "
                + "starts_at") Instant refundDeadline) {

    @AssertTrue(message = "give at least one field to change")
    boolean isAnyFieldGiven() {
        return name != null || performer != null || category != null || venueId != null || startsAt != null
                || onSaleAt != null || priceTiers != null || refundDeadline != null;
    }
}
