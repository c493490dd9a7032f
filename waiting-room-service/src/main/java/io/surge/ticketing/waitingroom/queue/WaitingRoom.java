package io.surge.ticketing.waitingroom.queue;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.LongPredicate;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.admission.AdmissionToken;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;
import io.surge.ticketing.waitingroom.settings.EventLookup;
import io.surge.ticketing.waitingroom.settings.SettingsStore;

/**
 * Join and status. The raffle costs nothing at T0: each pre-queue joiner gets a SecureRandom key when joining, and
 * after T0 a user's number is the rank of that key (computed once, then stored). Later arrivals get FIFO numbers
 * behind the pre-queue. Admission is a global "serving" counter moving at the event's rate, so a poll is a
 * constant amount of Redis work whatever the queue length. The counter stands still while the event is sold out
 * (fans keep and take places, told SOLD_OUT) and for good once it is cancelled or the show started (CLOSED).
 */
@Service
class WaitingRoom {

    /** 53 bits: exactly representable as a sorted-set score (a double), so no two keys collapse by rounding. */
    private static final long RANDOM_KEY_MASK = (1L << 53) - 1;

    private final QueueScripts scripts;
    private final SettingsStore settings;
    private final LongPredicate learnUnknownEvent;
    private final AdmissionTokenCodec codec;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Counter joined;
    private final Counter admitted;

    @Autowired
    WaitingRoom(QueueScripts scripts, SettingsStore settings, EventLookup events, AdmissionTokenCodec codec, Clock clock,
            MeterRegistry meters) {
        this(scripts, settings, events::learnForFan, codec, clock, meters);
    }

    /**
     * @param learnUnknownEvent asked when a fan joins an event the waiting room has not heard of: learns it (from
     *                          the catalog) and answers true if it exists
     */
    WaitingRoom(QueueScripts scripts, SettingsStore settings, LongPredicate learnUnknownEvent, AdmissionTokenCodec codec,
            Clock clock, MeterRegistry meters) {
        this.scripts = scripts;
        this.settings = settings;
        this.learnUnknownEvent = learnUnknownEvent;
        this.codec = codec;
        this.clock = clock;
        this.joined = Counter.builder("waitingroom.joined").description("new waiting-room entries").register(meters);
        this.admitted = Counter.builder("waitingroom.admitted").description("admission tokens issued").register(meters);
    }

    QueueView join(long eventId, String userId) {
        QueueScripts.EnterResult r = enter(eventId, userId, "join");
        if (r.outcome() == -1 && !settings.recovering() && learnUnknownEvent.test(eventId)) {
            // an event created a moment ago, not in Kafka yet: the catalog knew it, so it is known now
            r = enter(eventId, userId, "join");
        }
        return switch (r.outcome()) {
            case -4 -> throw QueueRefusals.cancelled(eventId);
            case -5 -> throw QueueRefusals.saleClosed(eventId);
            default -> view(eventId, userId, r);
        };
    }

    QueueView status(long eventId, String userId) {
        QueueScripts.EnterResult r = enter(eventId, userId, "status");
        return switch (r.outcome()) {
            // a fan who was in line learns why it closed; anyone else was never in it
            case -4 -> closedOrNotInQueue(eventId, r, ErrorCode.EVENT_CANCELLED);
            case -5 -> closedOrNotInQueue(eventId, r, ErrorCode.SALE_CLOSED);
            default -> view(eventId, userId, r);
        };
    }

    private QueueScripts.EnterResult enter(long eventId, String userId, String mode) {
        QueueScripts.EnterResult r = scripts.enter(eventId, mode, userId, random.nextLong() & RANDOM_KEY_MASK);
        if (r.joined()) {
            joined.increment();
        }
        return r;
    }

    private QueueView view(long eventId, String userId, QueueScripts.EnterResult r) {
        return switch (r.outcome()) {
            case -1 -> throw settings.recovering() ? QueueRefusals.recovering(eventId) : QueueRefusals.eventNotFound(eventId);
            case -2 -> throw QueueRefusals.notOpen(eventId);
            case -3 -> throw QueueRefusals.notInQueue(eventId);
            case 0 -> QueueView.of(QueueStatus.PRE_QUEUE, 0, 0, r.ratePerMinute(), null);
            case 1 -> QueueView.of(QueueStatus.QUEUED, r.number(), r.serving(), r.ratePerMinute(), null);
            case 2 -> admittedView(eventId, userId, r);
            case 3 -> QueueView.of(QueueStatus.SOLD_OUT, r.number(), r.serving(), r.ratePerMinute(), null);
            default -> throw new IllegalStateException("unexpected queue outcome " + r.outcome());
        };
    }

    private static QueueView closedOrNotInQueue(long eventId, QueueScripts.EnterResult r, ErrorCode reason) {
        if (!r.member()) {
            throw QueueRefusals.notInQueue(eventId);
        }
        return QueueView.closed(reason.name());
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
