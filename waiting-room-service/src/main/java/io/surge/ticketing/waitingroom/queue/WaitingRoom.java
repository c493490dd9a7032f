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
import io.surge.ticketing.waitingroom.keys.QueueKeys;
import io.surge.ticketing.waitingroom.keys.QueueKeys.Line;
import io.surge.ticketing.waitingroom.presale.PresaleCodes;
import io.surge.ticketing.waitingroom.presale.PresaleStore;
import io.surge.ticketing.waitingroom.settings.EventLookup;
import io.surge.ticketing.waitingroom.settings.SettingsStore;

/**
 * Join and status. The raffle costs nothing at T0: each pre-queue joiner gets a SecureRandom key when joining, and
 * after T0 a user's number is the rank of that key (computed once, then stored). Later arrivals get FIFO numbers
 * behind the pre-queue. Admission is a global "serving" counter moving at the event's rate, so a poll is a
 * constant amount of Redis work whatever the queue length. The counter stands still while the event is sold out
 * (fans keep and take places, told SOLD_OUT) and for good once it is cancelled or the show started (CLOSED).
 * An event with a presale has a second line run the same way: code holders only, inside the presale window, at its
 * own pace; a fan's code use is counted in the same script that gives it its place.
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
    private final PresaleStore presales;
    private final Counter joined;
    private final Counter admitted;
    private final Counter presaleJoined;
    private final Counter refusedCodes;
    private final Counter exhaustedCodes;

    @Autowired
    WaitingRoom(QueueScripts scripts, SettingsStore settings, PresaleStore presales, EventLookup events,
            AdmissionTokenCodec codec, Clock clock, MeterRegistry meters) {
        this(scripts, settings, presales, events::learnForFan, codec, clock, meters);
    }

    /**
     * @param learnUnknownEvent asked when a fan joins an event the waiting room has not heard of: learns it (from
     *                          the catalog) and answers true if it exists
     */
    WaitingRoom(QueueScripts scripts, SettingsStore settings, PresaleStore presales, LongPredicate learnUnknownEvent,
            AdmissionTokenCodec codec, Clock clock, MeterRegistry meters) {
        this.scripts = scripts;
        this.settings = settings;
        this.presales = presales;
        this.learnUnknownEvent = learnUnknownEvent;
        this.codec = codec;
        this.clock = clock;
        this.joined = Counter.builder("waitingroom.joined").description("new waiting-room entries").register(meters);
        this.admitted = Counter.builder("waitingroom.admitted").description("admission tokens issued").register(meters);
        this.presaleJoined = Counter.builder("waitingroom.presale.codes.used")
                .description("places taken in a presale line, each with one use of a code").register(meters);
        this.refusedCodes = Counter.builder("waitingroom.presale.codes.refused").tag("reason", "invalid")
                .description("presale joins refused").register(meters);
        this.exhaustedCodes = Counter.builder("waitingroom.presale.codes.refused").tag("reason", "exhausted")
                .description("presale joins refused").register(meters);
    }

    QueueView join(long eventId, String userId) {
        return join(eventId, userId, null);
    }

    /**
     * Joins the event's line. With a presale code, while the presale is on or still to come, the fan joins the
     * presale line (one use of the code the first time); once the presale is over the code is not needed and the fan
     * joins the general line.
     */
    QueueView join(long eventId, String userId, String presaleCode) {
        if (presaleCode != null) {
            QueueView presale = joinPresale(eventId, userId, presaleCode);
            if (presale != null) {
                return presale;
            }
        }
        QueueScripts.EnterResult r = enter(eventId, Line.GENERAL, userId, "join");
        if (r.outcome() == -1 && !settings.recovering() && learnUnknownEvent.test(eventId)) {
            // an event created a moment ago, not in Kafka yet: the catalog knew it, so it is known now
            r = enter(eventId, Line.GENERAL, userId, "join");
        }
        return switch (r.outcome()) {
            case -4 -> throw QueueRefusals.cancelled(eventId);
            case -5 -> throw QueueRefusals.saleClosed(eventId);
            default -> view(eventId, userId, Line.GENERAL, r);
        };
    }

    /** The presale line's answer, or null when the general line decides (the presale is over, or the event unknown). */
    private QueueView joinPresale(long eventId, String userId, String code) {
        QueueScripts.EnterResult r = scripts.presaleJoin(eventId, userId, random.nextLong() & RANDOM_KEY_MASK,
                PresaleCodes.hash(eventId, code));
        if (r.joined()) {
            joined.increment();
            presaleJoined.increment();
        }
        return switch (r.outcome()) {
            // no presale line: an event without a presale has no valid code; an unknown one (or a DRAFT) is the
            // general line's to answer
            case -1 -> {
                if (settings.knows(eventId) && presales.find(eventId).isEmpty() && !settings.recovering()) {
                    refusedCodes.increment();
                    throw QueueRefusals.invalidPresaleCode(eventId);
                }
                yield null;
            }
            case -4 -> throw QueueRefusals.cancelled(eventId);
            case -5 -> null;
            case -6 -> {
                refusedCodes.increment();
                throw QueueRefusals.invalidPresaleCode(eventId);
            }
            case -7 -> {
                exhaustedCodes.increment();
                throw QueueRefusals.presaleCodeExhausted(eventId);
            }
            default -> view(eventId, userId, Line.PRESALE, r).inPresale();
        };
    }

    /**
     * Where the fan stands: in the presale line if it holds a place there while the presale is on (or an admission
     * from it that is still valid after it ended), else in the general line. The general line answers first and says
     * whether the event has a presale at all, so the status of an event without one is one script call.
     */
    QueueView status(long eventId, String userId) {
        QueueScripts.EnterResult r = enter(eventId, Line.GENERAL, userId, "status");
        if (r.presale()) {
            QueueView presale = presaleStatus(eventId, userId);
            if (presale != null) {
                return presale;
            }
        }
        return switch (r.outcome()) {
            // a fan who was in line learns why it closed; anyone else was never in it
            case -4 -> closedOrNotInQueue(eventId, r, ErrorCode.EVENT_CANCELLED);
            case -5 -> closedOrNotInQueue(eventId, r, ErrorCode.SALE_CLOSED);
            default -> view(eventId, userId, Line.GENERAL, r);
        };
    }

    /** The fan's place in the presale line, or null when it has none there (the general line answers). */
    private QueueView presaleStatus(long eventId, String userId) {
        QueueScripts.EnterResult p = enter(eventId, Line.PRESALE, userId, "status");
        return switch (p.outcome()) {
            case 0, 1, 2, 3 -> view(eventId, userId, Line.PRESALE, p).inPresale();
            case -4 -> p.member() ? QueueView.closed(ErrorCode.EVENT_CANCELLED.name()) : null;
            case -5 -> p.member() ? presaleAdmissionStillValid(eventId, userId) : null;
            default -> null; // not in the presale line
        };
    }

    /** After the presale: a fan it admitted keeps its token until its session ends. */
    private QueueView presaleAdmissionStillValid(long eventId, String userId) {
        String token = scripts.token(eventId, Line.PRESALE, userId);
        if (token == null) {
            return null;
        }
        AdmissionTokenCodec.Verification existing = codec.decode(token);
        if (!existing.valid() || !existing.token().expiresAt().isAfter(Instant.now(clock))) {
            return null;
        }
        return QueueView.of(QueueStatus.ADMITTED, 0, 0, 0, token).inPresale();
    }

    private QueueScripts.EnterResult enter(long eventId, Line line, String userId, String mode) {
        QueueScripts.EnterResult r = scripts.enter(eventId, line, mode, userId, random.nextLong() & RANDOM_KEY_MASK);
        if (r.joined()) {
            joined.increment();
        }
        return r;
    }

    private QueueView view(long eventId, String userId, Line line, QueueScripts.EnterResult r) {
        return switch (r.outcome()) {
            case -1 -> throw settings.recovering() ? QueueRefusals.recovering(eventId) : QueueRefusals.eventNotFound(eventId);
            case -2 -> throw QueueRefusals.notOpen(eventId);
            case -3 -> throw QueueRefusals.notInQueue(eventId);
            case 0 -> QueueView.of(QueueStatus.PRE_QUEUE, 0, 0, r.ratePerMinute(), null);
            case 1 -> QueueView.of(QueueStatus.QUEUED, r.number(), r.serving(), r.ratePerMinute(), null);
            case 2 -> admittedView(eventId, userId, line, r);
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
    private QueueView admittedView(long eventId, String userId, Line line, QueueScripts.EnterResult r) {
        String token = r.token();
        if (token != null) {
            AdmissionTokenCodec.Verification existing = codec.decode(token);
            if (!existing.valid() || !existing.token().expiresAt().isAfter(Instant.now(clock))) {
                scripts.endSession(eventId, line, userId, token);
                throw QueueRefusals.notInQueue(eventId);
            }
        } else {
            Instant now = Instant.now(clock);
            int session = settings.find(eventId).map(s -> s.admittedSessionSeconds())
                    .orElseThrow(() -> QueueRefusals.eventNotFound(eventId));
            String fresh = codec.encode(new AdmissionToken(userId, eventId, now, now.plusSeconds(session),
                    UUID.randomUUID().toString()));
            token = scripts.storeToken(eventId, line, userId, fresh);
            if (token.equals(fresh)) {
                admitted.increment();
            }
        }
        return QueueView.of(QueueStatus.ADMITTED, r.number(), r.serving(), r.ratePerMinute(), token);
    }
}
