package io.surge.ticketing.contracts.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/**
 * Waiting room -> booking, on the compacted {@code waitingroom.sale-settings} topic keyed by event id:
 * the latest sale settings of an event. The booking side keeps the hold length, the per-user limit and the presale
 * window (fans admitted by the presale line may buy inside it, before {@code onSaleAt}).
 *
 * @param presaleStartsAt null when the event has no presale
 * @param presaleEndsAt   null when the event has no presale
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
        int maxTicketsPerUser,
        Instant presaleStartsAt,
        Instant presaleEndsAt) {

    /** Settings of an event without a presale. */
    public SaleSettingsChanged(long eventId, Instant prequeueOpensAt, Instant onSaleAt, int admissionRatePerMinute,
            int admittedSessionSeconds, int holdSeconds, int maxTicketsPerUser) {
        this(eventId, prequeueOpensAt, onSaleAt, admissionRatePerMinute, admittedSessionSeconds, holdSeconds,
                maxTicketsPerUser, null, null);
    }
}
