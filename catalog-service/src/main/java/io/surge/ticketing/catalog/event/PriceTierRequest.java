package io.surge.ticketing.catalog.event;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The price of one section of the venue, named as the venue names it. */
record PriceTierRequest(
        @NotBlank @Size(max = 50) String section,
        @NotNull @PositiveOrZero @Max(100_000_000) Long priceCents) {
}
