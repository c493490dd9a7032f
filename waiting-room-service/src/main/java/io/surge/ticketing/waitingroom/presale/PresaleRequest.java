package io.surge.ticketing.waitingroom.presale;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /api/v1/admin/events/{id}/presale}: the window, its pace, and either how many codes to generate or the
 * organizer's own codes (exactly one of the two).
 */
@Schema(description = "A presale: its window and pace, and the codes that let fans in (generated, or the organizer's)")
record PresaleRequest(
        @Schema(description = "when the presale line starts (its raffle: code holders who joined before are placed "
                + "at random, later ones first come, first served)", example = "2027-01-09T09:00:00Z",
                requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull Instant startsAt,
        @Schema(description = "when the presale ends: after starts_at and in the future; normally at or before the "
                + "event's on_sale_at", example = "2027-01-10T09:00:00Z", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull Instant endsAt,
        @Schema(description = "code holders admitted per minute during the presale", example = "300", minimum = "1",
                maximum = "1000000", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull @Min(1) @Max(1_000_000) Integer admissionRatePerMinute,
        @Schema(description = "how many codes the platform generates (the answer lists them, once); give this or "
                + "`codes`", example = "500", minimum = "1", maximum = "100000")
        @Min(1) @Max(100_000) Integer codeCount,
        @ArraySchema(arraySchema = @Schema(description = "the organizer's own codes (4 to 64 letters, digits or "
                + "dashes; compared without case, spaces or dashes); give this or `code_count`"),
                schema = @Schema(example = "FANCLUB-2027"))
        @Size(min = 1, max = 100_000) List<@NotNull @Pattern(regexp = "[A-Za-z0-9-]{4,64}",
                message = "must be 4 to 64 letters, digits or dashes") String> codes,
        @Schema(description = "how many fans one code admits (default 1)", example = "1", minimum = "1",
                maximum = "1000000")
        @Min(1) @Max(1_000_000) Integer maxUsesPerCode) {
}
