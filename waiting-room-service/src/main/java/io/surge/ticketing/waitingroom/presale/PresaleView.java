package io.surge.ticketing.waitingroom.presale;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A presale as answered. The codes are only in the answer of the PUT that made them: the platform keeps their hashes
 * only, so it cannot show them again.
 */
@Schema(name = "Presale", description = "An event's presale")
record PresaleView(
        @Schema(description = "the event", example = "42") long eventId,
        @Schema(description = "the presale line's start", example = "2027-01-09T09:00:00Z") Instant startsAt,
        @Schema(description = "the presale's end", example = "2027-01-10T09:00:00Z") Instant endsAt,
        @Schema(description = "code holders admitted per minute", example = "300") int admissionRatePerMinute,
        @Schema(description = "fans one code admits", example = "1") int maxUsesPerCode,
        @Schema(description = "how many codes are valid", example = "500") int codeCount,
        @Schema(description = "places taken with a code so far", example = "0") long codesUsed,
        @Schema(description = "only in the answer of the PUT: the codes, to hand to the fans (kept only hashed)",
                example = "[\"7KQ2-XM4P-9VTR\"]")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> codes) {

    static PresaleView of(PresaleStore.Presale presale, List<String> codes) {
        return new PresaleView(presale.eventId(), presale.startsAt(), presale.endsAt(),
                presale.admissionRatePerMinute(), presale.maxUsesPerCode(), presale.codeCount(), presale.codesUsed(),
                codes);
    }
}
