package io.surge.ticketing.catalog.venue;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(description = "A venue and its layout: seated sections and general-admission areas")
record CreateVenueRequest(
        @Schema(description = "the venue's name", example = "Riverside Arena", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "the city (search filters on it)", example = "Lisbon",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 100) String city,
        @Schema(description = "the country", example = "PT", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotBlank @Size(max = 100) String country,
        @Schema(description = "the sections, in the order the seat map lists them; names unique",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotEmpty @Size(max = 500) List<@Valid SectionRequest> sections) {

    @Schema(description = "A seated section (rows and seats_per_row) or a general-admission area (capacity), not both")
    record SectionRequest(
            @Schema(description = "the section's name, unique in the venue; events price sections by it",
                    example = "A", requiredMode = Schema.RequiredMode.REQUIRED)
            @NotBlank @Size(max = 50) String name,
            @Schema(description = "seated: how many rows (labelled A, B, ...)", example = "10")
            @Min(1) @Max(2000) Integer rows,
            @Schema(description = "seated: seats in each row (numbered from 1)", example = "20")
            @Min(1) @Max(2000) Integer seatsPerRow,
            @Schema(description = "general admission: how many places (give neither rows nor seats_per_row)",
                    example = "5000")
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
