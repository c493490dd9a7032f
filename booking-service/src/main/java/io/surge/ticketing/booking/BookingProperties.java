package io.surge.ticketing.booking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Booking-service settings ({@code ticketing.booking.*}; the admission-token keys are the platform's
 * {@code ticketing.admission.*}, contracts {@code AdmissionKeys}). The settings {@code @KafkaListener} and
 * {@code @Scheduled} read through placeholders have no default here: placeholders resolve against the environment,
 * so their one default is in application.yml. Every other default is here only.
 *
 * @param defaultHoldSeconds       hold length when the waiting room sent no settings for the event
 * @param defaultMaxTicketsPerUser per-user limit per event when the waiting room sent none
 * @param commands                 the Kafka buffer of reservation commands
 * @param availability             the bitfield read path
 * @param tickets                  the keys ticket codes are signed with
 * @param soldOut                  the sold-out announcements on {@code booking.event-availability}
 * @param waitingRoom              the waiting room's internal API (queue counts of the sales report)
 * @param sales                    the sales figures exported as metrics
 * @param outbox                   the relay of the outbox to Kafka
 * @param waitlist                 the allocation of returned seats to waiting fans
 * @param knownEvents              the set of event ids this instance knows
 */
@ConfigurationProperties("ticketing.booking")
public record BookingProperties(
        @DefaultValue("600") int defaultHoldSeconds,
        @DefaultValue("8") int defaultMaxTicketsPerUser,
        @DefaultValue Commands commands,
        @DefaultValue Availability availability,
        @DefaultValue Tickets tickets,
        @DefaultValue SoldOut soldOut,
        @DefaultValue WaitingRoom waitingRoom,
        @DefaultValue Sales sales,
        @DefaultValue Outbox outbox,
        @DefaultValue Waitlist waitlist,
        @DefaultValue KnownEvents knownEvents) {

    /**
     * @param decideWait         how long the API waits for a decision before answering 202
     * @param maxBacklog         undecided commands above which the API sheds load with 503
     * @param decisionsPerSecond the bounded rate at which consumers decide commands (the controlled leak)
     * @param batchSize          commands decided in one transaction (the consumers' max.poll.records; yml)
     * @param concurrency        consumer threads (bounded by the topic's partitions; yml)
     * @param spread             over how many partitions one event's commands are spread (by user), so that
     *                           several consumers decide a hot event
     * @param pendingTtl         how long a buffered booking is reported PENDING without a decision
     * @param liveTicketsTtl     the longest the API trusts the deciders' last count of a fan's tickets to refuse a
     *                           fan at the per-fan limit without buffering (a count with holds expires with the
     *                           first hold anyway); bounds how long a drift the booking side did not see can last
     * @param lagInterval        how often the consumers' lag (the undecided backlog) is measured (yml)
     */
    public record Commands(
            @DefaultValue("1500ms") Duration decideWait,
            @DefaultValue("20000") long maxBacklog,
            @DefaultValue("5000") int decisionsPerSecond,
            int batchSize,
            int concurrency,
            @DefaultValue("6") int spread,
            @DefaultValue("1h") Duration pendingTtl,
            @DefaultValue("30s") Duration liveTicketsTtl,
            Duration lagInterval) {
    }

    /**
     * @param maxAge  {@code Cache-Control: max-age} of availability responses (the CDN holds them this long)
     * @param refresh how old an instance's encoded answer may get before it is read from Redis again; a request
     *                never waits for that read except the first one of an event
     */
    public record Availability(@DefaultValue("1s") Duration maxAge, @DefaultValue("200ms") Duration refresh) {
    }

    /**
     * @param secret         the key ticket codes are signed with (at least 32 bytes, from the environment)
     * @param previousSecret the key being rotated out: codes it signed are still accepted (blank: none)
     */
    public record Tickets(String secret, String previousSecret) {
    }

    /**
     * @param interval  how often the live events are counted (one BITCOUNT per live event per round; yml)
     * @param republish how often an unchanged state is announced again, so a reader that missed one converges
     */
    public record SoldOut(Duration interval, @DefaultValue("30s") Duration republish) {
    }

    /**
     * @param baseUrl        where the waiting room's internal API answers
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout    how long to wait for an answer (the sales report answers without queue counts after it)
     */
    public record WaitingRoom(@DefaultValue("http://127.0.0.1:8081") String baseUrl,
            @DefaultValue("500ms") Duration connectTimeout, @DefaultValue("1s") Duration readTimeout) {
    }

    /** @param metricsRefresh how often the live events' sales figures exported as gauges are counted again (yml) */
    public record Sales(Duration metricsRefresh) {
    }

    /** @param interval how often the outbox is relayed to Kafka (yml) */
    public record Outbox(Duration interval) {
    }

    /** @param interval how often returned seats are offered to the waiting fans (yml) */
    public record Waitlist(Duration interval) {
    }

    /** @param refresh how often the set of known event ids is re-read, one query (yml) */
    public record KnownEvents(Duration refresh) {
    }
}
