package io.surge.ticketing.waitingroom.settings;

import java.time.Instant;

import io.surge.ticketing.contracts.messages.SaleSettingsChanged;

/** An event's sale settings as stored and as answered (snake_case on the wire). */
public record SaleSettings(
        long eventId,
        Instant onSaleAt,
        Instant prequeueOpensAt,
        int admissionRatePerMinute,
        int admittedSessionSeconds,
        int holdSeconds,
        int maxTicketsPerUser) {

    SaleSettingsChanged toMessage() {
        return new SaleSettingsChanged(eventId, prequeueOpensAt, onSaleAt, admissionRatePerMinute,
                admittedSessionSeconds, holdSeconds, maxTicketsPerUser);
    }
}
