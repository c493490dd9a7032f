package io.surge.ticketing.catalog.event;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

record CreateEventRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String performer,
        @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9 _-]+", message = "letters, digits, space, _ and - only") String category,
        @NotNull @Positive Long venueId,
        @NotNull Instant startsAt,
        @NotNull Instant onSaleAt,
        @NotEmpty @Size(max = 500) List<@Valid PriceTierRequest> priceTiers) {
}
