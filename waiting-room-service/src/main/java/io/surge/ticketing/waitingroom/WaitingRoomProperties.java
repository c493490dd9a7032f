package io.surge.ticketing.waitingroom;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The waiting room's settings ({@code ticketing.waiting-room.*}; the admission-token keys are the platform's
 * {@code ticketing.admission.*}, contracts {@code AdmissionKeys}). The settings that {@code @Scheduled} and
 * {@code @KafkaListener} read through placeholders have no default here: placeholders resolve against the environment,
 * so their one default is in application.yml.
 *
 * @param claimGrace        how long a fan has to come for its turn (call status) once its number is served; after it,
 *                          the turn's capacity goes to the next fans and the fan, if it comes, queues again at the back
 * @param sweepInterval     how often each replica settles the turns past their grace (safe on many replicas)
 * @param settleBatch       turn windows settled per event per script call
 * @param progressRefresh   how old an instance's answer to {@code progress} may get before Redis is asked again
 * @param defaults          sale settings of an event until an admin sets its own
 * @param adaptive          slows admission while booking's command buffer is deep (off unless enabled)
 * @param recoveryInterval  how often each replica checks whether Redis lost the events' settings (and restores them)
 * @param inventoryGroup    consumer group of catalog's event inventory ({@code catalog.event-inventory})
 * @param availabilityGroup consumer group of booking's sold-out word ({@code booking.event-availability})
 */
@ConfigurationProperties("ticketing.waiting-room")
public record WaitingRoomProperties(
        @DefaultValue("120s") Duration claimGrace,
        Duration sweepInterval,
        @DefaultValue("1000") int settleBatch,
        @DefaultValue("250ms") Duration progressRefresh,
        @DefaultValue Defaults defaults,
        @DefaultValue Adaptive adaptive,
        Duration recoveryInterval,
        String inventoryGroup,
        String availabilityGroup) {

    /**
     * @param enabled        follow booking's backlog at all
     * @param consumerGroup  booking's consumer group on {@code booking.commands}
     * @param highLag        above this many buffered commands admission halves (down to {@code minFactor})
     * @param lowLag         below this it recovers by {@code step} per interval (up to the configured rate)
     * @param interval       how often the lag is read (read by {@code @Scheduled}: its default is in application.yml)
     */
    public record Adaptive(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("booking-commands") String consumerGroup,
            @DefaultValue("5000") long highLag,
            @DefaultValue("500") long lowLag,
            @DefaultValue("0.1") double minFactor,
            @DefaultValue("0.1") double step,
            Duration interval) {
    }

    public record Defaults(
            @DefaultValue("30m") Duration prequeueBeforeSale,
            @DefaultValue("600") int admissionRatePerMinute,
            @DefaultValue("900") int admittedSessionSeconds,
            @DefaultValue("600") int holdSeconds,
            @DefaultValue("8") int maxTicketsPerUser) {
    }
}
