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
@Schema(description = "A partial change of an event: give at least one member; absent members stay as they are")
record UpdateEventRequest(
        @Schema(description = "the new name", example = "Midnight Arena Tour (extra date)")
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Schema(description = "the new performer", example = "The Surge")
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String performer,
        @Schema(description = "letters, digits, space, _ and -; stored in lower case", example = "concert")
        @Size(min = 1, max = 50) @Pattern(regexp = "[A-Za-z0-9 _-]+", message = "letters, digits, space, _ and - only") String category,
        @Schema(description = "cannot change: only the event's own venue is accepted (another answers 409)",
                example = "7")
        @Positive Long venueId,
        @Schema(description = "the new start of the show", example = "2027-03-15T19:30:00Z") Instant startsAt,
        @Schema(description = "the new start of the sale; before starts_at", example = "2027-01-11T09:00:00Z")
        Instant onSaleAt,
        @Schema(description = "replaces every tier: one price per section of the venue, each named exactly once")
        @Size(min = 1, max = 500) List<@Valid PriceTierRequest> priceTiers,
        @Schema(description = "not after starts_at (the new one when both change); an event never given one follows "
                + "starts_at", example = "2027-03-08T23:59:59Z") Instant refundDeadline) {

    @AssertTrue(message = "give at least one field to change")
    boolean isAnyFieldGiven() {
        return name != null || performer != null || category != null || venueId != null || startsAt != null
                || onSaleAt != null || priceTiers != null || refundDeadline != null;
    }
}
