package io.surge.ticketing.waitingroom.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import io.surge.ticketing.contracts.messages.EventAvailabilityChanged;
import io.surge.ticketing.platform.web.DomainException;
import io.surge.ticketing.testsupport.RedisConnections;
import io.surge.ticketing.waitingroom.WaitingRoomProperties;
import io.surge.ticketing.waitingroom.availability.AvailabilityStore;
import io.surge.ticketing.waitingroom.keys.QueueKeys;
import io.surge.ticketing.waitingroom.settings.EventLifecycle;
import io.surge.ticketing.waitingroom.settings.SettingsStore;

/**
 * The event's lifecycle (DRAFT, cancelled, the show's start) and booking's sold-out state as the line sees them,
 * against the real Redis of the local stack through the use case behind the endpoints. Each test uses its own random
 * event ids and deletes their keys afterwards, so the running service is not disturbed.
 */
class EventLifecycleIntegrationTests {

    private static final String SECRET = "integration-test-secret-of-32-bytes-or-more!!";
    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    private final List<Long> events = new ArrayList<>();
    private final AdmissionTokenCodec codec = AdmissionTokenCodec.fromSecret(SECRET, Clock.systemUTC());
    private WaitingRoomProperties properties;
    private SettingsStore settings;
    private AvailabilityStore availability;
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

    private void wire(int ratePerMinute) {
        properties = new WaitingRoomProperties(Duration.ofSeconds(120), Duration.ofSeconds(5), 1000,
                Duration.ofMillis(250), new WaitingRoomProperties.Defaults(Duration.ofMinutes(30), ratePerMinute, 900, 600, 8),
                new WaitingRoomProperties.Adaptive(false, "booking-commands", 5000, 500, 0.1, 0.1, Duration.ofSeconds(5)),
                Duration.ofSeconds(2), "waiting-room-inventory", "waiting-room-availability");
        settings = new SettingsStore(redis, properties);
        redis.opsForValue().setIfAbsent(SettingsStore.SENTINEL, "set by EventLifecycleIntegrationTests");
        availability = new AvailabilityStore(redis);
        scripts = new QueueScripts(redis);
        room = new WaitingRoom(scripts, settings, new io.surge.ticketing.waitingroom.presale.PresaleStore(redis), event -> false, codec, Clock.systemUTC(), new SimpleMeterRegistry());
    }

    private long freshEvent() {
        long event = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        events.add(event);
        return event;
    }

    /** An event whose sale started a moment ago. */
    private long onSaleNow() {
        long event = freshEvent();
        settings.learn(event, EventLifecycle.onSale(Instant.now().minusMillis(1)));
        return event;
    }

    private void cancel(long event) {
        settings.learn(event, new EventLifecycle(settings.find(event).orElseThrow().onSaleAt(), null, true, true));
    }

    private boolean soldOut(long event, boolean soldOut, Instant asOf) {
        return availability.apply(new EventAvailabilityChanged(event, soldOut, soldOut ? 0 : 3, 100, asOf));
    }

    private long serving(long event) {
        return scripts.progress(event).serving();
    }

    private static void assertRefused(Runnable call, ErrorCode code, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.status().value()).isEqualTo(status);
        });
    }

    @Test
    void aDraftIsUnknownToFansUntilItIsPublished_butItsLineIsConfigurable() {
        wire(600);
        long event = freshEvent();
        Instant onSale = Instant.now().minusMillis(1);
        settings.learn(event, new EventLifecycle(onSale, null, false, false));
        QueueProgress progress = new QueueProgress(scripts, properties, settings);

        assertRefused(() -> room.join(event, "early-bird"), ErrorCode.EVENT_NOT_FOUND, 404);
        assertRefused(() -> room.status(event, "early-bird"), ErrorCode.EVENT_NOT_FOUND, 404);
        assertRefused(() -> progress.of(event), ErrorCode.EVENT_NOT_FOUND, 404);
        assertThat(settings.find(event)).as("the admin sees and sets the line of a draft").isPresent();
        assertThat(scripts.counts(event)).isEqualTo(new QueueScripts.Counts(0, 0));

        settings.learn(event, new EventLifecycle(onSale, null, true, false));

        assertThat(room.join(event, "early-bird").status()).isIn(QueueStatus.QUEUED, QueueStatus.ADMITTED);
        settings.learn(event, new EventLifecycle(onSale, null, false, false));
        assertThat(room.status(event, "early-bird").status())
                .as("a late draft definition never hides a published event")
                .isIn(QueueStatus.QUEUED, QueueStatus.ADMITTED);
    }

    @Test
    void aCancelledEventRefusesJoins_tellsEveryoneInLineWhy_andAdmitsNobodyMore() {
        wire(600);
        long event = onSaleNow();
        for (int i = 1; i <= 30; i++) {
            room.join(event, "fan-" + i);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> room.status(event, "fan-1").status() == QueueStatus.ADMITTED);

        cancel(event);

        assertRefused(() -> room.join(event, "newcomer"), ErrorCode.EVENT_CANCELLED, 409);
        assertRefused(() -> room.join(event, "fan-30"), ErrorCode.EVENT_CANCELLED, 409);
        QueueView queued = room.status(event, "fan-30");
        assertThat(queued.status()).isEqualTo(QueueStatus.CLOSED);
        assertThat(queued.reason()).isEqualTo("EVENT_CANCELLED");
        assertThat(queued.admissionToken()).isNull();
        assertThat(room.status(event, "fan-1")).as("an admitted fan gets no token any more")
                .isEqualTo(QueueView.closed("EVENT_CANCELLED"));
        assertRefused(() -> room.status(event, "stranger"), ErrorCode.NOT_IN_QUEUE, 404);
        assertThat(scripts.progress(event).state()).isEqualTo(3);
        assertThat(new QueueProgress(scripts, properties, settings).of(event).status())
                .isEqualTo(QueueProgress.ProgressStatus.CLOSED);
        long servingAtCancel = serving(event);
        await().during(Duration.ofMillis(1_200)).atMost(Duration.ofSeconds(3))
                .until(() -> serving(event) == servingAtCancel);
        assertThat(scripts.sweep(event, 0, 100)).isEqualTo(new QueueScripts.SweepResult(0, 0));

        settings.learn(event, EventLifecycle.onSale(settings.find(event).orElseThrow().onSaleAt()));
        assertRefused(() -> room.join(event, "newcomer"), ErrorCode.EVENT_CANCELLED, 409);
    }

    @Test
    void fromTheShowsStartTheSaleIsClosedForNewcomersAndForTheLine() {
        wire(1); // nobody is admitted during the test: the line is what is looked at
        long event = freshEvent();
        Instant startsAt = Instant.now().plusMillis(1_500);
        settings.learn(event, new EventLifecycle(Instant.now().minusSeconds(60), startsAt, true, false));
        for (int i = 1; i <= 3; i++) {
            room.join(event, "fan-" + i);
        }
        assertThat(room.status(event, "fan-3").status()).isEqualTo(QueueStatus.QUEUED);

        await().atMost(Duration.ofSeconds(5)).until(() -> scripts.progress(event).state() == 3);

        assertRefused(() -> room.join(event, "late"), ErrorCode.SALE_CLOSED, 409);
        assertThat(room.status(event, "fan-3")).isEqualTo(QueueView.closed("SALE_CLOSED"));
        assertRefused(() -> room.status(event, "late"), ErrorCode.NOT_IN_QUEUE, 404);
    }

    @Test
    void whileSoldOutNobodyIsAdmittedButFansStillQueue_andAdmissionResumesWithoutABurstWhenSeatsComeBack() {
        wire(600); // 10 a second
        long event = onSaleNow();
        room.join(event, "first");
        await().atMost(Duration.ofSeconds(5)).until(() -> room.status(event, "first").status() == QueueStatus.ADMITTED);
        Instant soldOutAt = Instant.now();

        assertThat(soldOut(event, true, soldOutAt)).isTrue();

        QueueView joined = room.join(event, "hopeful-1");
        assertThat(joined.status()).isEqualTo(QueueStatus.SOLD_OUT);
        assertThat(joined.queueNumber()).isEqualTo(2);
        assertThat(joined.position()).isEqualTo(1);
        for (int i = 2; i <= 50; i++) {
            assertThat(room.join(event, "hopeful-" + i).status()).isEqualTo(QueueStatus.SOLD_OUT);
        }
        assertThat(room.status(event, "first").status()).as("a token already issued stays valid")
                .isEqualTo(QueueStatus.ADMITTED);
        assertThat(scripts.progress(event).state()).isEqualTo(2);
        assertThat(new QueueProgress(scripts, properties, settings).of(event).status())
                .isEqualTo(QueueProgress.ProgressStatus.SOLD_OUT);
        long pausedAt = serving(event);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> serving(event) == pausedAt);
        assertThat(room.status(event, "hopeful-1").status()).isEqualTo(QueueStatus.SOLD_OUT);

        assertThat(soldOut(event, false, soldOutAt.minusSeconds(1))).as("an older state changes nothing").isFalse();
        assertThat(scripts.progress(event).state()).isEqualTo(2);
        assertThat(soldOut(event, true, soldOutAt)).as("a redelivery changes nothing").isFalse();

        assertThat(soldOut(event, false, soldOutAt.plusSeconds(1))).isTrue();

        assertThat(serving(event)).as("the two paused seconds release no burst of 20").isLessThanOrEqualTo(pausedAt + 3);
        assertThat(scripts.progress(event).state()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> room.status(event, "hopeful-1").status() == QueueStatus.ADMITTED);
        assertThat(room.status(event, "hopeful-50").status()).isEqualTo(QueueStatus.QUEUED);
    }

    @Test
    void aFanServedJustBeforeTheSellOutKeepsItsTurnThroughThePause() throws Exception {
        wire(30); // one every 2 s
        long event = onSaleNow();
        room.join(event, "served");
        room.join(event, "next");
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> serving(event) >= 1);
        soldOut(event, true, Instant.now());

        QueueView paused = room.status(event, "served");
        assertThat(paused.status()).as("no token while nothing is left").isEqualTo(QueueStatus.SOLD_OUT);
        assertThat(paused.position()).isZero();
        assertThat(scripts.sweep(event, 0, 100).unclaimed()).as("nothing is settled during the pause").isZero();
        Thread.sleep(1_200); // the turn gets older than the grace below while the sale is paused
        soldOut(event, false, Instant.now());

        assertThat(scripts.sweep(event, 1_000, 100).unclaimed())
                .as("the grace to come for a turn counts from the resumption").isZero();
        QueueView admitted = room.status(event, "served");
        assertThat(admitted.status()).isEqualTo(QueueStatus.ADMITTED);
        assertThat(codec.verify(admitted.admissionToken(), "served", event).valid()).isTrue();
    }

    @Test
    void theCountsAreTheFansWaitingAndTheAdmissionsSoFar() {
        wire(600);
        long prequeue = freshEvent();
        settings.learn(prequeue, EventLifecycle.onSale(Instant.now().plus(Duration.ofMinutes(10))));
        for (int i = 1; i <= 3; i++) {
            room.join(prequeue, "early-" + i);
        }
        assertThat(scripts.counts(prequeue)).isEqualTo(new QueueScripts.Counts(3, 0));

        long open = onSaleNow();
        for (int i = 1; i <= 4; i++) {
            room.join(open, "fan-" + i);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> serving(open) == 4);
        room.status(open, "fan-1");
        room.status(open, "fan-1");
        room.status(open, "fan-2");
        room.join(open, "fan-5");
        soldOut(open, true, Instant.now());
        room.join(open, "fan-6");

        assertThat(scripts.counts(open)).as("two admissions (one token each), fans 5 and 6 waiting")
                .isEqualTo(new QueueScripts.Counts(2, 2));
        assertThat(scripts.counts(freshEvent())).isNull();
    }
}
