package io.surge.ticketing.waitingroom;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param admissionSecret   HMAC key of admission tokens, shared with the gateway and booking (env only)
 * @param idleTimeout       an entry that has not polled for this long is dropped (it no longer costs capacity)
 * @param sweepInterval     how often each replica looks for idle entries (safe on many replicas: atomic scripts)
 * @param sweepBatch        idle entries handled per event per sweep script call
 * @param defaults          sale settings of an event until an admin sets its own
 */
@ConfigurationProperties("ticketing.waiting-room")
public record WaitingRoomProperties(
        String admissionSecret,
        @DefaultValue("120s") Duration idleTimeout,
        @DefaultValue("5s") Duration sweepInterval,
        @DefaultValue("1000") int sweepBatch,
        @DefaultValue Defaults defaults) {

    public record Defaults(
            @DefaultValue("30m") Duration prequeueBeforeSale,
            @DefaultValue("600") int admissionRatePerMinute,
            @DefaultValue("900") int admittedSessionSeconds,
            @DefaultValue("600") int holdSeconds,
            @DefaultValue("8") int maxTicketsPerUser) {
    }
}
