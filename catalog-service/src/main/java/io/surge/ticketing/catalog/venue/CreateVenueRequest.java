package io.surge.ticketing.catalog.venue;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * A venue and its layout. A section is either seated ({@code rows} x {@code seats_per_row}) or general
 * admission ({@code capacity} places).
 */
record CreateVenueRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String city,
        @NotBlank @Size(max = 100) String country,
        @NotEmpty @Size(max = 500) List<@Valid SectionRequest> sections) {

    record SectionRequest(
            @NotBlank @Size(max = 50) String name,
            @Min(1) @Max(2000) Integer rows,
            @Min(1) @Max(2000) Integer seatsPerRow,
            @Min(1) @Max(200_000) Integer capacity) {

        @AssertTrue(message = "give either rows and seats_per_row (seated) or capacity (general admission)")
        boolean isShapeGiven() {
            boolean seated = rows != null && seatsPerRow != null && capacity == null;
            boolean generalAdmission = capacity != null && rows == null && seatsPerRow == null;
            return seated || generalAdmission;
        }

        boolean generalAdmission() {
            return capacity != null;
        }
    }
}
