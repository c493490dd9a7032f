package io.surge.ticketing.contracts.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/**
 * Waiting room -> booking, on the compacted {@code waitingroom.sale-settings} topic keyed by event id:
 * the latest sale settings of an event. The booking side keeps the hold length and the per-user limit.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SaleSettingsChanged(
        long eventId,
        Instant prequeueOpensAt,
        Instant onSaleAt,
        int admissionRatePerMinute,
        int admittedSessionSeconds,
        int holdSeconds,
        int maxTicketsPerUser) {
}
