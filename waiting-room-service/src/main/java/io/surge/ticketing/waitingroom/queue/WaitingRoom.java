package io.surge.ticketing.waitingroom.queue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.contracts.admission.AdmissionToken;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;
import io.surge.ticketing.waitingroom.settings.SettingsStore;

/**
 * Join and status. The raffle costs nothing at T0: each pre-queue joiner gets a SecureRandom key when joining, and
 * after T0 a user's number is the rank of that key (computed once, then stored). Later arrivals get FIFO numbers
 * behind the pre-queue. Admission is a global "serving" counter moving at the event's rate, so a poll is a
 * constant amount of Redis work whatever the queue length.
 */
@Service
class WaitingRoom {

    /** 53 bits: exactly representable as a sorted-set score (a double), so no two keys collapse by rounding. */
    private static final long RANDOM_KEY_MASK = (1L << 53) - 1;

    private final QueueScripts scripts;
    private final SettingsStore settings;
    private final AdmissionTokenCodec codec;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Counter joined;
    private final Counter admitted;

    WaitingRoom(QueueScripts scripts, SettingsStore settings, AdmissionTokenCodec codec, Clock clock, MeterRegistry meters) {
        this.scripts = scripts;
        this.settings = settings;
        this.codec = codec;
        this.clock = clock;
        this.joined = Counter.builder("waitingroom.joined").description("new waiting-room entries").register(meters);
        this.admitted = Counter.builder("waitingroom.admitted").description("admission tokens issued").register(meters);
    }

    QueueView join(long eventId, String userId) {
        return enter(eventId, userId, "join");
    }

    QueueView status(long eventId, String userId) {
        return enter(eventId, userId, "status");
    }

    private QueueView enter(long eventId, String userId, String mode) {
        QueueScripts.EnterResult r = scripts.enter(eventId, mode, userId, random.nextLong() & RANDOM_KEY_MASK);
        if (r.joined()) {
            joined.increment();
        }
        return switch (r.outcome()) {
            case -1 -> throw settings.recovering() ? QueueRefusals.recovering(eventId) : QueueRefusals.eventNotFound(eventId);
            case -2 -> throw QueueRefusals.notOpen(eventId);
            case -3 -> throw QueueRefusals.notInQueue(eventId);
            case 0 -> QueueView.of(QueueStatus.PRE_QUEUE, 0, 0, r.ratePerMinute(), null);
            case 1 -> QueueView.of(QueueStatus.QUEUED, r.number(), r.serving(), r.ratePerMinute(), null);
            default -> admittedView(eventId, userId, r);
        };
    }

    /** The same token on every poll; a new one only the first time, or never again once the session expired. */
    private QueueView admittedView(long eventId, String userId, QueueScripts.EnterResult r) {
        String token = r.token();
        if (token != null) {
            AdmissionTokenCodec.Verification existing = codec.decode(token);
            if (!existing.valid() || !existing.token().expiresAt().isAfter(Instant.now(clock))) {
                scripts.endSession(eventId, userId, token);
                throw QueueRefusals.notInQueue(eventId);
            }
        } else {
            Instant now = Instant.now(clock);
            int session = settings.find(eventId).map(s -> s.admittedSessionSeconds())
                    .orElseThrow(() -> QueueRefusals.eventNotFound(eventId));
            String fresh = codec.encode(new AdmissionToken(userId, eventId, now, now.plusSeconds(session),
                    UUID.randomUUID().toString()));
            token = scripts.storeToken(eventId, userId, fresh);
            if (token.equals(fresh)) {
                admitted.increment();
            }
        }
        return QueueView.of(QueueStatus.ADMITTED, r.number(), r.serving(), r.ratePerMinute(), token);
    }
}
