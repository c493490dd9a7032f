package io.surge.ticketing.waitingroom.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;
import io.surge.ticketing.contracts.messages.SaleSettingsChanged;
import io.surge.ticketing.platform.web.DomainException;
import io.surge.ticketing.testsupport.RedisConnections;
import io.surge.ticketing.waitingroom.WaitingRoomProperties;
import io.surge.ticketing.waitingroom.keys.QueueKeys;
import io.surge.ticketing.waitingroom.settings.SettingsStore;

/**
 * The waiting room against the real Redis of the local stack, through the same use case the HTTP endpoints call.
 * Each test uses its own random event id (keys {@code wr:{id}:*}) and deletes them afterwards, so the running
 * service is not disturbed. T0 is moved the way the catalog moves it: by learning a new {@code on_sale_at}.
 */
class WaitingRoomIntegrationTests {

    private static final String SECRET = "integration-test-secret-of-32-bytes-or-more!!";
    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    private final List<Long> events = new ArrayList<>();
    private final AdmissionTokenCodec codec = AdmissionTokenCodec.fromSecret(SECRET, Clock.systemUTC());
    private SettingsStore settings;
    private QueueScripts scripts;
    private WaitingRoom room;

    @BeforeAll
    static void connect() {
        connections = RedisConnections.open();
        redis = new StringRedisTemplate(connections);
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @AfterEach
    void forgetEvents() {
        for (long event : events) {
            redis.delete(QueueKeys.all(event));
            redis.opsForSet().remove(QueueKeys.EVENTS, Long.toString(event));
        }
    }

    private WaitingRoomProperties properties;

    private WaitingRoomProperties properties() {
        return properties;
    }

    private void wire(int ratePerMinute) {
        properties = new WaitingRoomProperties(Duration.ofSeconds(120), Duration.ofSeconds(5),
                1000, Duration.ofMillis(250), new WaitingRoomProperties.Defaults(Duration.ofMinutes(30), ratePerMinute, 900, 600, 8),
                new WaitingRoomProperties.Adaptive(false, "booking-commands", 5000, 500, 0.1, 0.1, Duration.ofSeconds(5)),
                Duration.ofSeconds(2), "waiting-room-inventory", "waiting-room-availability");
        settings = new SettingsStore(redis, properties);
        redis.opsForValue().setIfAbsent(SettingsStore.SENTINEL, "set by WaitingRoomIntegrationTests");
        scripts = new QueueScripts(redis);
        room = new WaitingRoom(scripts, settings, new io.surge.ticketing.waitingroom.presale.PresaleStore(redis), event -> false, codec, Clock.systemUTC(), new SimpleMeterRegistry());
    }

    private long newEvent(Instant onSaleAt) {
        long event = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        events.add(event);
        settings.learn(event, onSaleAt);
        return event;
    }

    /** What the catalog does when an admin moves the sale: the waiting room learns the new T0. */
    private void startSaleNow(long event) {
        settings.learn(event, Instant.now().minusMillis(1));
    }

    @Test
    void joiningBeforeTheSaleGivesAPreQueueEntryWithoutAPlace_andJoiningAgainReturnsTheSameEntry() {
        wire(600);
        long event = newEvent(Instant.now().plus(Duration.ofMinutes(10)));

        QueueView first = room.join(event, "u-1");
        QueueView again = room.join(event, "u-1");

        assertThat(first.status()).isEqualTo(QueueStatus.PRE_QUEUE);
        assertThat(first.position()).isNull();
        assertThat(again).isEqualTo(first);
        assertThat(redis.opsForZSet().size(QueueKeys.all(event).get(1))).isEqualTo(1);
        assertThat(room.status(event, "u-1").status()).isEqualTo(QueueStatus.PRE_QUEUE);
    }

    @Test
    void joiningBeforeThePreQueueOpensIsRefused_andUnknownEventsAndStrangersAreNotFound() {
        wire(600);
        long event = newEvent(Instant.now().plus(Duration.ofHours(2)));

        assertThatThrownBy(() -> room.join(event, "early"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.WAITING_ROOM_NOT_OPEN));
        assertThatThrownBy(() -> room.join(event + 1_000_000_000_000L, "u"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EVENT_NOT_FOUND));
        assertThatThrownBy(() -> room.status(event, "never-joined"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_IN_QUEUE));
    }

    /**
     * Redis restarted without its data: until the settings are restored from the sale-settings topic, an event the
     * waiting room does not know may well exist, so a join is a 503 to retry, not a 404. Restoring touches only
     * events Redis lost.
     */
    @Test
    void afterRedisLostItsDataAnUnknownEventIsA503UntilItsSettingsAreRestored() {
        wire(600);
        long event = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        events.add(event);
        SaleSettingsChanged published = new SaleSettingsChanged(event, Instant.now().minusSeconds(120),
                Instant.now().minusSeconds(60), 600, 900, 600, 8);
        redis.delete(SettingsStore.SENTINEL);
        try {
            assertThatThrownBy(() -> room.join(event, "back-again"))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                        assertThat(e.status().value()).isEqualTo(503);
                    });
            assertThat(settings.restore(published)).isTrue();
            assertThat(room.join(event, "back-again").status()).isIn(QueueStatus.QUEUED, QueueStatus.ADMITTED);
            assertThat(settings.find(event).orElseThrow().admissionRatePerMinute()).isEqualTo(600);
            assertThat(settings.restore(published)).as("an event Redis still knows is left alone").isFalse();
        } finally {
            redis.opsForValue().set(SettingsStore.SENTINEL, "set by WaitingRoomIntegrationTests");
        }
    }

    /**
     * 10,000 users join in a known order before T0. After T0 their places must not depend on the join order
     * (Spearman's rho close to 0) and be spread uniformly (chi-square over 10 x 10 buckets of join order x place at
     * p = 0.001, and for the earliest tenth alone); every later arrival stands behind all of them, in arrival order.
     */
    @Test
    void theRaffleAtT0GivesPreQueueEntriesUniformlyRandomPlaces_andLaterArrivalsQueueFifoBehindThem() {
        wire(1); // admission barely moves: places are what is measured
        long event = newEvent(Instant.now().plus(Duration.ofMinutes(10)));
        int n = 10_000;
        for (int i = 0; i < n; i++) {
            assertThat(room.join(event, "fan-" + i).status()).isEqualTo(QueueStatus.PRE_QUEUE);
        }

        startSaleNow(event);
        List<String> late = List.of("late-a", "late-b", "late-c", "late-d", "late-e");
        Map<String, Long> lateNumbers = new HashMap<>();
        long[] place = new long[n];
        for (int i = 0; i < n; i++) {
            QueueView view = room.status(event, "fan-" + i);
            place[i] = view.queueNumber();
            if (i == n / 2) {
                // arrivals after T0 interleaved with the raffle's first polls still queue behind everyone
                for (String user : late) {
                    lateNumbers.put(user, room.join(event, user).queueNumber());
                }
            }
        }

        assertThat(Set.copyOf(java.util.Arrays.stream(place).boxed().toList())).hasSize(n);
        assertThat(java.util.Arrays.stream(place).min().orElseThrow()).isEqualTo(1);
        assertThat(java.util.Arrays.stream(place).max().orElseThrow()).isEqualTo(n);
        assertThat(Math.abs(Fairness.spearman(place))).isLessThan(0.05);
        assertThat(Fairness.chiSquareJoinOrderByPlace(place, 10)).isLessThan(126.08); // df 81, p = 0.001
        assertThat(Fairness.chiSquareOfEarliest(place, n / 10, 10)).isLessThan(27.88); // df 9, p = 0.001
        for (int i = 0; i < late.size(); i++) {
            assertThat(lateNumbers.get(late.get(i))).isEqualTo(n + 1L + i);
        }
        assertThat(room.status(event, "fan-0").queueNumber()).isEqualTo(place[0]); // computed once, stored
    }

    @Test
    void admissionFollowsTheConfiguredRate_andTheTokenIsBoundToUserAndEventAndStable() {
        wire(600); // 10 per second
        long event = newEvent(Instant.now().plus(Duration.ofMinutes(10)));
        startSaleNow(event);
        for (int i = 1; i <= 40; i++) {
            assertThat(room.join(event, "fifo-" + i).queueNumber()).isEqualTo(i);
        }
        Instant t0 = Instant.now();

        await().atMost(Duration.ofSeconds(10)).until(() -> room.status(event, "fifo-10").status() == QueueStatus.ADMITTED);
        QueueView last = room.status(event, "fifo-40");
        long elapsedMs = Duration.between(t0, Instant.now()).toMillis();

        // 40 numbers at 10/s cannot all be served within the time it took to serve the first 10
        if (elapsedMs < 2_500) {
            assertThat(last.status()).isEqualTo(QueueStatus.QUEUED);
            assertThat(last.position()).isPositive();
            assertThat(last.etaSeconds()).isPositive();
        }
        QueueView admitted = room.status(event, "fifo-1");
        assertThat(admitted.status()).isEqualTo(QueueStatus.ADMITTED);
        assertThat(codec.verify(admitted.admissionToken(), "fifo-1", event).valid()).isTrue();
        assertThat(codec.verify(admitted.admissionToken(), "fifo-2", event).failure())
                .isEqualTo(AdmissionTokenCodec.Failure.WRONG_USER);
        assertThat(codec.verify(admitted.admissionToken(), "fifo-1", event + 1).failure())
                .isEqualTo(AdmissionTokenCodec.Failure.WRONG_EVENT);
        assertThat(room.status(event, "fifo-1").admissionToken()).isEqualTo(admitted.admissionToken());
        long expiresIn = codec.decode(admitted.admissionToken()).token().expiresAt().getEpochSecond()
                - Instant.now().getEpochSecond();
        assertThat(expiresIn).isBetween(880L, 900L);
    }

    @Test
    void pacingSlowsTheEffectiveRateButTheConfiguredOneStays() {
        wire(600);
        long event = newEvent(Instant.now().plus(Duration.ofMinutes(10)));

        settings.pace(event, 0.25);

        assertThat(redis.opsForHash().get(QueueKeys.config(event), "rate")).isEqualTo("150");
        assertThat(settings.find(event).orElseThrow().admissionRatePerMinute()).isEqualTo(600);
        settings.pace(event, 1.0);
        assertThat(redis.opsForHash().get(QueueKeys.config(event), "rate")).isEqualTo("600");
    }

    @Test
    void aTurnNobodyCameForGivesItsCapacityToTheNextFans_andALateFanQueuesAgainAtTheBack() {
        wire(30); // one admission every 2 s
        long event = newEvent(Instant.now().plus(Duration.ofMinutes(10)));
        startSaleNow(event);
        assertThat(room.join(event, "absent-1").queueNumber()).isEqualTo(1);
        assertThat(room.join(event, "stays-2").queueNumber()).isEqualTo(2);
        assertThat(room.join(event, "stays-3").queueNumber()).isEqualTo(3);
        // number 1 is served; its fan polls only the public progress and never comes for its turn
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> scripts.progress(event).serving() >= 1);

        QueueScripts.SweepResult settled = scripts.sweep(event, 0, 100);

        assertThat(settled.unclaimed()).isEqualTo(1);
        // the next move of the counter serves number 2 at once, without waiting for the next 2 s of pace
        assertThat(room.status(event, "stays-2").status()).isEqualTo(QueueStatus.ADMITTED);
        assertThat(room.status(event, "stays-3").status()).isEqualTo(QueueStatus.QUEUED);
        // a claimed turn gives nothing back
        assertThat(scripts.sweep(event, 0, 100).unclaimed()).isZero();
        // the absent fan comes back late: queued again, at the back, with a new number
        QueueView late = room.status(event, "absent-1");
        assertThat(late.status()).isEqualTo(QueueStatus.QUEUED);
        assertThat(late.queueNumber()).isEqualTo(4);
        assertThat(room.status(event, "absent-1").queueNumber()).isEqualTo(4);
    }

    @Test
    void progressIsTheSameForEveryFan_preQueueBeforeTheSaleAndTheServingCounterAfter() {
        wire(600);
        long event = newEvent(Instant.now().plus(Duration.ofMinutes(10)));
        QueueProgress progress = new QueueProgress(scripts, properties(), settings);
        room.join(event, "early-1");

        assertThat(progress.of(event).status()).isEqualTo(QueueProgress.ProgressStatus.PRE_QUEUE);
        assertThat(progress.of(event).serving()).isZero();

        long later = newEvent(Instant.now().plus(Duration.ofMinutes(10)));
        startSaleNow(later);
        for (int i = 1; i <= 5; i++) {
            room.join(later, "fan-" + i);
        }
        QueueProgress fresh = new QueueProgress(scripts, properties(), settings);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> fresh.of(later).serving() >= 1);
        QueueProgress.ProgressView open = fresh.of(later);
        assertThat(open.status()).isEqualTo(QueueProgress.ProgressStatus.OPEN);
        assertThat(open.admissionRatePerMinute()).isEqualTo(600);
        assertThat(open.serving()).isBetween(1L, 5L);
        // a fan whose number is at or below serving is admitted when it asks
        assertThat(room.status(later, "fan-1").status()).isEqualTo(QueueStatus.ADMITTED);
        assertThatThrownBy(() -> progress.of(9_999_999_999L))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EVENT_NOT_FOUND));
    }
}
