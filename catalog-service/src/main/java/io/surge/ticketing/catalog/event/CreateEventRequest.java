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

record CreateEventRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 200) String performer,
        @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9 _-]+", message = "letters, digits, space, _ and - only") String category,
        @NotNull @Positive Long venueId,
        @NotNull Instant startsAt,
        @NotNull Instant onSaleAt,
        @NotEmpty @Size(max = 500) List<@Valid PriceTierRequest> priceTiers,
        @Schema(description = "false creates a DRAFT: invisible to fans, not searchable, joinable or sellable until "
                + "published", defaultValue = "true") Boolean publish,
        @Schema(description = "fans may refund paid bookings until then; not after starts_at; default starts_at")
        Instant refundDeadline) {

    boolean published() {
        return publish == null || publish;
    }
}
