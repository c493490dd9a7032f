package io.surge.ticketing.catalog.event;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The price of one section of the venue, named as the venue names it. */
@Schema(description = "The price of one section of the venue, named as the venue names it")
record PriceTierRequest(
        @Schema(description = "the section's name (case does not matter)", example = "A",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 50) String section,
        @Schema(description = "price of one seat, in cents (0 for a free event)", example = "5000",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @PositiveOrZero @Max(100_000_000) Long priceCents) {
}
