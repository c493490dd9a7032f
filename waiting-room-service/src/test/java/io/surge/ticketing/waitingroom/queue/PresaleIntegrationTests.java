package io.surge.ticketing.waitingroom.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;
import io.surge.ticketing.platform.web.DomainException;
import io.surge.ticketing.testsupport.RedisConnections;
import io.surge.ticketing.waitingroom.WaitingRoomProperties;
import io.surge.ticketing.waitingroom.keys.QueueKeys;
import io.surge.ticketing.waitingroom.presale.PresaleCodes;
import io.surge.ticketing.waitingroom.presale.PresaleStore;
import io.surge.ticketing.waitingroom.settings.SettingsStore;

/**
 * Presales against the real Redis of the local stack: only code holders enter the presale line, a code's uses are
 * counted atomically (twenty fans racing on a single-use code: one place), unknown and used-up codes are refused, and
 * the presale line admits at its own pace inside its window. Each test uses its own random event id.
 */
class PresaleIntegrationTests {

    private static final String SECRET = "presale-test-secret-of-32-bytes-or-more!!!!";
    private static LettuceConnectionFactory connections;
    private static StringRedisTemplate redis;

    private final List<Long> events = new ArrayList<>();
    private final AdmissionTokenCodec codec = AdmissionTokenCodec.fromSecret(SECRET, Clock.systemUTC());
    private SettingsStore settings;
    private PresaleStore presales;
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

    @BeforeEach
    void wire() {
        WaitingRoomProperties properties = new WaitingRoomProperties(Duration.ofSeconds(120),
                Duration.ofSeconds(5), 1000, Duration.ofMillis(250),
                new WaitingRoomProperties.Defaults(Duration.ofMinutes(30), 600, 900, 600, 8),
                new WaitingRoomProperties.Adaptive(false, "booking-commands", 5000, 500, 0.1, 0.1, Duration.ofSeconds(5)),
                Duration.ofSeconds(2), "waiting-room-inventory", "waiting-room-availability");
        settings = new SettingsStore(redis, properties);
        redis.opsForValue().setIfAbsent(SettingsStore.SENTINEL, "set by PresaleIntegrationTests");
        presales = new PresaleStore(redis);
        room = new WaitingRoom(new QueueScripts(redis), settings, presales, event -> false, codec, Clock.systemUTC(),
                new SimpleMeterRegistry());
    }

    @AfterEach
    void forgetEvents() {
        for (long event : events) {
            redis.delete(QueueKeys.everything(event));
            redis.delete(List.of(QueueKeys.presaleCodes(event), QueueKeys.presaleUsed(event)));
            redis.opsForSet().remove(QueueKeys.EVENTS, Long.toString(event));
        }
    }

    /** An event whose general sale starts in two hours (its pre-queue opens in 90 minutes). */
    private long newEvent() {
        long event = 7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        events.add(event);
        settings.learn(event, Instant.now().plus(Duration.ofHours(2)));
        return event;
    }

    private void presale(long event, Instant startsAt, Instant endsAt, int rate, int maxUses, String... codes) {
        List<String> hashes = new ArrayList<>();
        for (String code : codes) {
            hashes.add(PresaleCodes.hash(event, code));
        }
        presales.configure(event, startsAt, endsAt, rate, maxUses, hashes);
    }

    private static ErrorCode refusal(Runnable call) {
        try {
            call.run();
        } catch (DomainException e) {
            return e.code();
        }
        throw new AssertionError("expected a refusal");
    }

    @Test
    void beforeThePresaleStartsCodeHoldersWaitInItsPreQueue_andFansWithoutACodeCannotJoinTheGeneralLineYet() {
        long event = newEvent();
        presale(event, Instant.now().plus(Duration.ofMinutes(10)), Instant.now().plus(Duration.ofHours(1)), 600, 1,
                "FAN-CLUB-0001");

        QueueView holder = room.join(event, "holder", "fan-club-0001");
        QueueView again = room.join(event, "holder", "FAN CLUB 0001");

        assertThat(holder.status()).isEqualTo(QueueStatus.PRE_QUEUE);
        assertThat(holder.line()).isEqualTo("PRESALE");
        assertThat(again).isEqualTo(holder); // the same place, and no second use of the single-use code
        assertThat(room.status(event, "holder")).isEqualTo(holder);
        assertThat(presales.find(event).orElseThrow().codesUsed()).isEqualTo(1);
        assertThat(refusal(() -> room.join(event, "no-code"))).isEqualTo(ErrorCode.WAITING_ROOM_NOT_OPEN);
        assertThat(refusal(() -> room.status(event, "no-code"))).isEqualTo(ErrorCode.NOT_IN_QUEUE);
    }

    @Test
    void fromThePresalesStartAFanWithoutACodeTakesAPlaceInTheGeneralPreQueue_andIsNotAdmittedBeforeTheSale() {
        long event = newEvent();
        presale(event, Instant.now().minusSeconds(1), Instant.now().plus(Duration.ofHours(1)), 600_000, 1, "EARLY-0001");

        QueueView general = room.join(event, "no-code");
        room.join(event, "holder", "EARLY-0001");

        assertThat(general.status()).isEqualTo(QueueStatus.PRE_QUEUE);
        assertThat(general.line()).isNull();
        assertThat(room.status(event, "no-code").status()).isEqualTo(QueueStatus.PRE_QUEUE);
        assertThat(room.status(event, "holder").status()).isEqualTo(QueueStatus.ADMITTED);
    }

    @Test
    void duringThePresaleCodeHoldersAreAdmittedAtItsPace_withATokenForThisFanAndEvent() {
        long event = newEvent();
        presale(event, Instant.now().minusSeconds(1), Instant.now().plus(Duration.ofHours(1)), 600_000, 2,
                "PRE1-AAAA-BBBB");

        room.join(event, "first", "PRE1-AAAA-BBBB");
        QueueView admitted = room.status(event, "first");

        assertThat(admitted.status()).isEqualTo(QueueStatus.ADMITTED);
        assertThat(admitted.line()).isEqualTo("PRESALE");
        AdmissionTokenCodec.Verification token = codec.decode(admitted.admissionToken());
        assertThat(token.valid()).isTrue();
        assertThat(token.token().userId()).isEqualTo("first");
        assertThat(token.token().eventId()).isEqualTo(event);
        assertThat(room.status(event, "first").admissionToken()).isEqualTo(admitted.admissionToken());
        // the general line knows nothing of this fan and has not started
        assertThat(QueueScriptsProbe.generalStatus(redis, event, "first")).isEqualTo(-3);
    }

    @Test
    void unknownCodesAndCodesOfAnotherEventAreInvalid_andAUsedUpCodeIsExhausted() {
        long event = newEvent();
        long other = newEvent();
        presale(event, Instant.now().minusSeconds(1), Instant.now().plus(Duration.ofHours(1)), 600, 2, "TWICE-0001");
        presale(other, Instant.now().minusSeconds(1), Instant.now().plus(Duration.ofHours(1)), 600, 1, "OTHER-0001");

        assertThat(refusal(() -> room.join(event, "guesser", "NOPE-0000"))).isEqualTo(ErrorCode.INVALID_PRESALE_CODE);
        assertThat(refusal(() -> room.join(event, "wrong-event", "OTHER-0001")))
                .isEqualTo(ErrorCode.INVALID_PRESALE_CODE);
        room.join(event, "a", "TWICE-0001");
        room.join(event, "b", "TWICE-0001");
        assertThat(refusal(() -> room.join(event, "c", "TWICE-0001"))).isEqualTo(ErrorCode.PRESALE_CODE_EXHAUSTED);
        assertThat(room.join(event, "a", "TWICE-0001").line()).isEqualTo("PRESALE"); // a's own place, kept
        assertThat(presales.find(event).orElseThrow().codesUsed()).isEqualTo(2);
    }

    @Test
    void anEventWithoutAPresaleHasNoValidCode() {
        long event = newEvent();

        assertThat(refusal(() -> room.join(event, "fan", "ANY-CODE-1"))).isEqualTo(ErrorCode.INVALID_PRESALE_CODE);
    }

    @Test
    void twentyFansRacingOnASingleUseCodeGiveOnePlace() throws Exception {
        long event = newEvent();
        presale(event, Instant.now().minusSeconds(1), Instant.now().plus(Duration.ofHours(1)), 600, 1, "ONCE-ONLY-1");
        int fans = 20;
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentHashMap<String, Object> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(fans);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < fans; i++) {
                String fan = "racer-" + i;
                calls.add(pool.submit(() -> {
                    start.await();
                    try {
                        outcomes.put(fan, room.join(event, fan, "ONCE-ONLY-1"));
                    } catch (DomainException e) {
                        outcomes.put(fan, e.code());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes.values().stream().filter(QueueView.class::isInstance).count()).isEqualTo(1);
        assertThat(outcomes.values().stream().filter(ErrorCode.PRESALE_CODE_EXHAUSTED::equals).count())
                .isEqualTo(fans - 1);
        assertThat(redis.opsForHash().size(QueueKeys.presaleUsed(event))).isEqualTo(1);
        assertThat(presales.find(event).orElseThrow().codesUsed()).isEqualTo(1);
    }

    @Test
    void aNewSetOfCodesReplacesTheOld_andFansInTheLineKeepTheirPlace() {
        long event = newEvent();
        Instant starts = Instant.now().minusSeconds(1);
        Instant ends = Instant.now().plus(Duration.ofHours(1));
        presale(event, starts, ends, 600_000, 1, "OLD-CODE-1", "OLD-CODE-2");
        room.join(event, "early", "OLD-CODE-1");

        presale(event, starts, ends, 600_000, 1, "NEW-CODE-1");

        assertThat(refusal(() -> room.join(event, "late", "OLD-CODE-2"))).isEqualTo(ErrorCode.INVALID_PRESALE_CODE);
        assertThat(room.join(event, "late", "NEW-CODE-1").line()).isEqualTo("PRESALE");
        assertThat(room.status(event, "early").status()).isEqualTo(QueueStatus.ADMITTED);
    }

    @Test
    void afterThePresaleACodeIsNotNeeded_theFanJoinsTheGeneralLine_andAPresaleAdmissionIsKeptUntilItExpires() {
        long event = newEvent();
        presale(event, Instant.now().minusSeconds(60), Instant.now().plusMillis(600), 600_000, 1, "ENDS-SOON-1");
        room.join(event, "in-time", "ENDS-SOON-1");
        QueueView admitted = room.status(event, "in-time");
        assertThat(admitted.status()).isEqualTo(QueueStatus.ADMITTED);
        sleep(700);
        settings.learn(event, Instant.now().minusMillis(1)); // the general sale starts

        QueueView late = room.join(event, "late", "ENDS-SOON-1");
        QueueView kept = room.status(event, "in-time");

        assertThat(late.line()).isNull();
        assertThat(late.status()).isIn(QueueStatus.QUEUED, QueueStatus.ADMITTED);
        assertThat(kept.status()).isEqualTo(QueueStatus.ADMITTED);
        assertThat(kept.admissionToken()).isEqualTo(admitted.admissionToken());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads the general line directly, to show the presale left it untouched. */
    static final class QueueScriptsProbe {
        static int generalStatus(StringRedisTemplate redis, long event, String user) {
            return new QueueScripts(redis).enter(event, QueueKeys.Line.GENERAL, "status", user, 1).outcome();
        }
    }
}
