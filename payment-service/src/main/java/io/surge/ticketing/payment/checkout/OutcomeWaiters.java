package io.surge.ticketing.payment.checkout;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

import io.surge.ticketing.payment.idempotency.ParkedRequests;
import io.surge.ticketing.payment.idempotency.StoredResponse;

/**
 * Payment requests parked until their attempt is settled. A settlement elsewhere (another replica's consumer, the
 * reconciler) is found by a short poll of the attempts table: it knows the outcome even of answers that are not
 * stored under the key (5xx).
 */
@Component
class OutcomeWaiters {

    private final ParkedRequests parked = new ParkedRequests();
    private final PaymentAttempts attempts;
    private final Responses responses;

    OutcomeWaiters(PaymentAttempts attempts, Responses responses) {
        this.attempts = attempts;
        this.responses = responses;
    }

    /** A result that resolves with the attempt's outcome, or with {@code onTimeout} after {@code wait}. */
    DeferredResult<ResponseEntity<String>> await(UUID attemptId, Duration wait, StoredResponse onTimeout) {
        return parked.await(attemptId, wait, onTimeout);
    }

    void settled(UUID attemptId, StoredResponse response) {
        parked.settled(attemptId, response);
    }

    int size() {
        return parked.size();
    }

    @Scheduled(fixedDelayString = "${ticketing.payment.checkout.waiter-poll-interval}")
    void pollSettledElsewhere() {
        parked.poll(this::settledAmong);
    }

    private Map<UUID, StoredResponse> settledAmong(Collection<UUID> attemptIds) {
        return attempts.settledAmong(attemptIds).stream().collect(Collectors.toMap(PaymentAttempts.SettledOutcome::attemptId,
                outcome -> responses.forOutcome(outcome.outcomeCode(), outcome.bookingId(), outcome.attemptId().toString())));
    }
}
