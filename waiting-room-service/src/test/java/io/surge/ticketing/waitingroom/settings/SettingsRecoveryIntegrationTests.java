package io.surge.ticketing.waitingroom.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.surge.ticketing.contracts.messages.EventAvailabilityChanged;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;
import io.surge.ticketing.contracts.messages.SaleSettingsChanged;
import io.surge.ticketing.testsupport.RedisConnections;
import io.surge.ticketing.waitingroom.WaitingRoomProperties;
import io.surge.ticketing.waitingroom.availability.AvailabilityStore;
import io.surge.ticketing.waitingroom.keys.QueueKeys;

/**
 * After Redis lost its data, the last message per event of each topic puts the line back as it was: the admin's
 * settings, the lifecycle (a cancelled event stays closed, a DRAFT stays hidden) and a sold-out pause. Against the
 * local stack's Redis with fresh event ids; the topics' contents are given, so the stack's topics are not read.
 */
class SettingsRecoveryIntegrationTests {

    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    private final List<Long> events = new ArrayList<>();
    private final SettingsPublisher publisher = mock(SettingsPublisher.class);
    private SettingsStore store;
    private SettingsRecovery recovery;

    @BeforeAll
    static void connect() {
        connections = RedisConnections.open();
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @BeforeEach
    void wire() {
        WaitingRoomProperties properties = new WaitingRoomProperties(Duration.ofSeconds(120), Duration.ofSeconds(5), 1000, Duration.ofMillis(250),
                new WaitingRoomProperties.Defaults(Duration.ofMinutes(30), 600, 900, 600, 8),
                new WaitingRoomProperties.Adaptive(false, "booking-commands", 5000, 500, 0.1, 0.1, Duration.ofSeconds(5)),
                Duration.ofSeconds(2), "waiting-room-inventory", "waiting-room-availability");
        store = new SettingsStore(redis, properties);
        recovery = new SettingsRecovery(redis, store, new AvailabilityStore(redis), publisher, null,
                new SimpleMeterRegistry());
    }

    @AfterEach
    void forget() {
        for (long event : events) {
            redis.delete(List.of(QueueKeys.config(event), QueueKeys.state(event)));
            redis.opsForSet().remove(QueueKeys.EVENTS, Long.toString(event));
        }
    }

    private long freshEvent() {
        long event = 5_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        events.add(event);
        return event;
    }

    private static SaleSettingsChanged settings(long event, Instant onSale, int rate) {
        return new SaleSettingsChanged(event, onSale.minus(Duration.ofMinutes(5)), onSale, rate, 900, 300, 4);
    }

    private static EventInventoryDefined definition(long event, Instant onSale, boolean published, boolean cancelled) {
        return new EventInventoryDefined(event, onSale, List.of(new EventInventoryDefined.Section(1, "A", 0, 1, 10, 5_000)),
                cancelled, onSale.plus(Duration.ofDays(10)), null, published);
    }

    private Map<Object, Object> config(long event) {
        return redis.opsForHash().entries(QueueKeys.config(event));
    }

    @Test
    void theSettingsComeBackWithTheLifecycleOfTheEventsLastDefinition() {
        Instant onSale = Instant.parse("2031-03-01T10:00:00Z");
        long cancelled = freshEvent();
        long draft = freshEvent();
        long plain = freshEvent();

        int restored = recovery.restore(
                List.of(settings(cancelled, onSale, 120), settings(draft, onSale, 240), settings(plain, onSale, 60)),
                Map.of(cancelled, definition(cancelled, onSale, true, true), draft, definition(draft, onSale, false, false)),
                List.of());

        assertThat(restored).isEqualTo(3);
        assertThat(store.find(cancelled).orElseThrow().admissionRatePerMinute()).isEqualTo(120);
        assertThat(store.find(cancelled).orElseThrow().holdSeconds()).isEqualTo(300);
        assertThat(store.find(cancelled).orElseThrow().prequeueOpensAt()).isEqualTo(onSale.minus(Duration.ofMinutes(5)));
        assertThat(config(cancelled)).containsEntry("cancelled", "1").containsEntry("published", "1")
                .containsEntry("starts_at", Long.toString(onSale.plus(Duration.ofDays(10)).toEpochMilli()));
        assertThat(config(draft)).containsEntry("published", "0").doesNotContainKey("cancelled");
        assertThat(config(plain)).as("no definition left: published, never closing by itself")
                .doesNotContainKeys("published", "cancelled", "starts_at");
        verify(publisher, never()).publish(any());
    }

    @Test
    void aSoldOutLineStaysPaused_andAnEventRedisStillKnowsIsLeftAlone() {
        Instant onSale = Instant.now().minusSeconds(60);
        long soldOut = freshEvent();
        long known = freshEvent();
        store.learn(known, EventLifecycle.onSale(onSale));
        Instant asOf = Instant.now();

        int restored = recovery.restore(List.of(settings(soldOut, onSale, 600), settings(known, onSale, 5)), Map.of(),
                List.of(new EventAvailabilityChanged(soldOut, true, 0, 10, asOf)));

        assertThat(restored).isEqualTo(1);
        assertThat(config(soldOut)).containsEntry("sold_out", "1")
                .containsEntry("avail_as_of", Long.toString(asOf.toEpochMilli()));
        assertThat(store.find(known).orElseThrow().admissionRatePerMinute()).isEqualTo(600);
    }

    @Test
    void anEventDefinedButNeverPublishedGetsTheDefaultsAndTheyArePublished_andAMovedSaleIsPublishedAgain() {
        Instant onSale = Instant.parse("2031-04-01T10:00:00Z");
        long unpublished = freshEvent();
        long moved = freshEvent();

        int restored = recovery.restore(List.of(settings(moved, onSale, 300)),
                Map.of(unpublished, definition(unpublished, onSale, true, false),
                        moved, definition(moved, onSale.plus(Duration.ofDays(1)), true, false)),
                List.of());

        assertThat(restored).isEqualTo(2);
        assertThat(store.find(unpublished).orElseThrow().admissionRatePerMinute()).isEqualTo(600);
        assertThat(store.find(moved).orElseThrow().onSaleAt()).isEqualTo(onSale.plus(Duration.ofDays(1)));
        assertThat(store.find(moved).orElseThrow().admissionRatePerMinute()).isEqualTo(300);
        verify(publisher).publish(argThat(s -> s.eventId() == unpublished));
        verify(publisher).publish(argThat(s -> s.eventId() == moved));
    }
}
