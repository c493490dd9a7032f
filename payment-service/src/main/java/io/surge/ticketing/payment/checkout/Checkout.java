package io.surge.ticketing.payment.checkout;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.async.DeferredResult;

import io.surge.ticketing.payment.booking.BookingClient;
import io.surge.ticketing.payment.booking.BookingUnavailableException;
import io.surge.ticketing.payment.booking.BookingView;
import io.surge.ticketing.payment.idempotency.IdempotencyKeys;
import io.surge.ticketing.payment.idempotency.IdempotencyKeys.IdempotencyKey;
import io.surge.ticketing.payment.idempotency.Operation;
import io.surge.ticketing.payment.idempotency.ParkedRequests;

/**
 * Paying for a booking. The API records the attempt and claims the client's key in one transaction, buffers
 * the charge in Kafka (so a surge reaches the provider at a bounded rate) and parks the HTTP request until the
 * outcome is settled or {@code responseWait} passes. Requests with the same key and body are parked on the same
 * attempt and get the same answer; a wait that runs out answers 409 IDEMPOTENCY_KEY_IN_USE, and a retry with
 * the same key then returns the stored outcome.
 */
@Service
class Checkout {

    private static final Logger log = LoggerFactory.getLogger(Checkout.class);

    private final IdempotencyKeys keys;
    private final PaymentAttempts attempts;
    private final BookingClient bookings;
    private final AdmissionCheck admission;
    private final OutcomeWaiters waiters;
    private final Responses responses;
    private final Settlements settlements;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate tx;
    private final CheckoutProperties properties;
    private final Clock clock;

    Checkout(IdempotencyKeys keys, PaymentAttempts attempts, BookingClient bookings, AdmissionCheck admission,
            OutcomeWaiters waiters, Responses responses, Settlements settlements, KafkaTemplate<String, String> kafka,
            TransactionTemplate tx, CheckoutProperties properties, Clock clock) {
        this.keys = keys;
        this.attempts = attempts;
        this.bookings = bookings;
        this.admission = admission;
        this.waiters = waiters;
        this.responses = responses;
        this.settlements = settlements;
        this.kafka = kafka;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    record PayCommand(UUID bookingId, String userId, String idempotencyKey, String admissionToken,
            PaymentRequest request) {
    }

    DeferredResult<ResponseEntity<String>> pay(PayCommand command) {
        String fingerprint = RequestFingerprint.of(command.bookingId(), command.request());
        // A known key is answered from the store before anything else: replays never reach booking or provider.
        Optional<IdempotencyKey> known = keys.find(Operation.PAYMENT, command.userId(), command.idempotencyKey());
        if (known.isPresent()) {
            return answerKnown(known.get(), fingerprint, command.bookingId());
        }
        BookingView booking;
        try {
            booking = readOwnBooking(command);
        } catch (CheckoutRefusal refusal) {
            // A concurrent request with the same key may have got further: its answer is the one to share.
            return answerKnownOrRefuse(command, fingerprint, refusal);
        }
        if (booking.eventIsCancelled()) {
            // Payments stop with the event (its holds are, or are about to be, cancelled by booking-service).
            return answerKnownOrRefuse(command, fingerprint, CheckoutRefusal.eventCancelled());
        }
        boolean holdLive = booking.holdLiveAt(clock.instant());
        admission.verify(command.admissionToken(), command.userId(), booking.eventId(), holdLive);
        if (!holdLive) {
            // Nothing recorded: the hold cannot come back, so a retry gets the same 409 anyway.
            return answerKnownOrRefuse(command, fingerprint, CheckoutRefusal.holdExpired());
        }
        PaymentAttempt attempt = new PaymentAttempt(UUID.randomUUID(), booking.bookingId(), command.userId(),
                booking.eventId(), booking.totalCents(), command.request().paymentToken(), booking.expiresAt(),
                PaymentAttempt.State.REQUESTED, null);
        Boolean claimed = tx.execute(status -> {
            if (!keys.claim(Operation.PAYMENT, command.userId(), command.idempotencyKey(), fingerprint, attempt.attemptId())) {
                return false;
            }
            attempts.insertRequested(attempt, properties.republishAfter());
            return true;
        });
        if (!Boolean.TRUE.equals(claimed)) {
            // A concurrent request with the same key won the claim: answer like any duplicate.
            return keys.find(Operation.PAYMENT, command.userId(), command.idempotencyKey())
                    .map(key -> answerKnown(key, fingerprint, command.bookingId()))
                    .orElseGet(() -> pay(command));
        }
        DeferredResult<ResponseEntity<String>> result = waiters.await(attempt.attemptId(), properties.responseWait(),
                responses.inUse(attempt.bookingId()));
        publish(attempt);
        return result;
    }

    /** A concurrent request with this key may have got further (paid the booking): its answer wins over the refusal. */
    private DeferredResult<ResponseEntity<String>> answerKnownOrRefuse(PayCommand command, String fingerprint,
            CheckoutRefusal refusal) {
        return keys.find(Operation.PAYMENT, command.userId(), command.idempotencyKey())
                .map(key -> answerKnown(key, fingerprint, command.bookingId()))
                .orElseThrow(() -> refusal);
    }

    private DeferredResult<ResponseEntity<String>> answerKnown(IdempotencyKey key, String fingerprint, UUID bookingId) {
        if (!key.requestHash().equals(fingerprint)) {
            throw CheckoutRefusal.keyReused();
        }
        if (key.completed()) {
            return ParkedRequests.answered(key.response());
        }
        return waiters.await(key.requestId(), properties.responseWait(), responses.inUse(bookingId));
    }

    private BookingView readOwnBooking(PayCommand command) {
        try {
            return bookings.find(command.bookingId())
                    .filter(booking -> booking.ownedBy(command.userId()))
                    .orElseThrow(CheckoutRefusal::bookingNotFound);
        } catch (BookingUnavailableException e) {
            log.warn("cannot read booking {}: {}", command.bookingId(), e.getMessage());
            throw CheckoutRefusal.bookingUnavailable();
        }
    }

    private void publish(PaymentAttempt attempt) {
        String payload = Messages.write(new PaymentRequested(attempt.attemptId(), attempt.bookingId()));
        try {
            kafka.send(properties.requestsTopic(), attempt.bookingId().toString(), payload)
                    .whenComplete((sent, failure) -> {
                        if (failure != null) {
                            abandon(attempt, failure);
                        }
                    });
        } catch (RuntimeException e) {
            abandon(attempt, e);
        }
    }

    /** Kafka refused the request: nothing was charged, so answer 503 and free the key (guarded: REQUESTED only). */
    private void abandon(PaymentAttempt attempt, Throwable failure) {
        log.warn("payment request {} not buffered: {}", attempt.attemptId(), failure.toString());
        try {
            settlements.settle(attempt, Settlements.Outcome.SERVICE_UNAVAILABLE);
        } catch (RuntimeException e) {
            log.warn("could not abandon attempt {} (the reconciler republishes it): {}", attempt.attemptId(), e.toString());
        }
    }
}
