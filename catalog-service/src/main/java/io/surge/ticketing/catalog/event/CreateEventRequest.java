package io.surge.ticketing.catalog.event;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

@Schema(description = "A new event at a venue, with a price for each of the venue's sections")
record CreateEventRequest(
        @Schema(description = "the event's name", example = "Midnight Arena Tour",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "who performs (performers are matched by name)", example = "The Surge",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 200) String performer,
        @Schema(description = "letters, digits, space, _ and -; stored in lower case", example = "concert",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9 _-]+", message = "letters, digits, space, _ and - only") String category,
        @Schema(description = "the venue (`POST /api/v1/admin/venues` answered it)", example = "7",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @Positive Long venueId,
        @Schema(description = "when the show starts; the sale closes then", example = "2027-03-14T19:30:00Z",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull Instant startsAt,
        @Schema(description = "when the sale opens (T0); before starts_at", example = "2027-01-10T09:00:00Z",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull Instant onSaleAt,
        @Schema(description = "one price per section of the venue, each section named exactly once",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotEmpty @Size(max = 500) List<@Valid PriceTierRequest> priceTiers,
        @Schema(description = "false creates a DRAFT: invisible to fans, not searchable, joinable or sellable until "
                + "published", defaultValue = "true", example = "true") Boolean publish,
        @Schema(description = "fans may refund paid bookings until then; not after starts_at; default starts_at",
                example = "2027-03-07T23:59:59Z")
        Instant refundDeadline) {

    boolean published() {
        return publish == null || publish;
    }
}
