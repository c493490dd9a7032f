package io.surge.ticketing.waitingroom.settings;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.surge.ticketing.contracts.messages.SaleSettingsChanged;
import io.swagger.v3.oas.annotations.media.Schema;

/** An event's sale settings as stored and as answered (snake_case on the wire). */
@Schema(name = "WaitingRoomSettings", description = "An event's waiting-room settings in force")
public record SaleSettings(
        @Schema(description = "the event", example = "42", requiredMode = Schema.RequiredMode.REQUIRED)
        long eventId,
        @Schema(description = "the event's sale start (T0), from the catalog", example = "2027-01-10T09:00:00Z",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Instant onSaleAt,
        @Schema(description = "when fans may start to join the pre-queue", example = "2027-01-10T08:30:00Z",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Instant prequeueOpensAt,
        @Schema(description = "fans admitted per minute once the sale starts", example = "1200",
                requiredMode = Schema.RequiredMode.REQUIRED)
        int admissionRatePerMinute,
        @Schema(description = "how long an admitted fan's admission token stays valid, in seconds", example = "900",
                requiredMode = Schema.RequiredMode.REQUIRED)
        int admittedSessionSeconds,
        @Schema(description = "how long a reservation holds its seats, in seconds", example = "600",
                requiredMode = Schema.RequiredMode.REQUIRED)
        int holdSeconds,
        @Schema(description = "the most tickets one fan may hold or buy for the event", example = "4",
                requiredMode = Schema.RequiredMode.REQUIRED)
        int maxTicketsPerUser,
        @Schema(description = "the presale's start, when the organizer set one up (see the presale settings)",
                example = "2027-01-09T09:00:00Z", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant presaleStartsAt,
        @Schema(description = "the presale's end", example = "2027-01-10T09:00:00Z", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant presaleEndsAt) {

    SaleSettingsChanged toMessage() {
        return new SaleSettingsChanged(eventId, prequeueOpensAt, onSaleAt, admissionRatePerMinute,
                admittedSessionSeconds, holdSeconds, maxTicketsPerUser, presaleStartsAt, presaleEndsAt);
    }
}
