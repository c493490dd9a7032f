package io.surge.ticketing.payment.checkout;

import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * HTTP requests parked until their attempt is settled, without holding a servlet thread. A settlement in
 * this instance answers them at once; a settlement anywhere else (another replica's consumer, the
 * reconciler) is found by a short poll of the attempts table, so no replica depends on another's memory.
 */
@Component
class OutcomeWaiters {

    private static final Logger log = LoggerFactory.getLogger(OutcomeWaiters.class);

    private final Map<UUID, Queue<DeferredResult<ResponseEntity<String>>>> waiting = new ConcurrentHashMap<>();
    private final PaymentAttempts attempts;
    private final Responses responses;

    OutcomeWaiters(PaymentAttempts attempts, Responses responses) {
        this.attempts = attempts;
        this.responses = responses;
    }

    /** A result that resolves with the attempt's outcome, or with {@code onTimeout} after {@code wait}. */
    DeferredResult<ResponseEntity<String>> await(UUID attemptId, Duration wait, StoredResponse onTimeout) {
        DeferredResult<ResponseEntity<String>> result = new DeferredResult<>(wait.toMillis(), onTimeout::toEntity);
        waiting.computeIfAbsent(attemptId, id -> new ConcurrentLinkedQueue<>()).add(result);
        result.onCompletion(() -> waiting.computeIfPresent(attemptId, (id, queue) -> {
            queue.remove(result);
            return queue.isEmpty() ? null : queue;
        }));
        return result;
    }

    void settled(UUID attemptId, StoredResponse response) {
        Queue<DeferredResult<ResponseEntity<String>>> queue = waiting.remove(attemptId);
        if (queue != null) {
            queue.forEach(result -> result.setResult(response.toEntity()));
        }
    }

    int size() {
        return waiting.size();
    }

    @Scheduled(fixedDelayString = "${payment.checkout.waiter-poll-interval:100ms}")
    void pollSettledElsewhere() {
        if (waiting.isEmpty()) {
            return;
        }
        try {
            for (PaymentAttempts.SettledOutcome outcome : attempts.settledAmong(waiting.keySet())) {
                settled(outcome.attemptId(),
                        responses.forOutcome(outcome.outcomeCode(), outcome.bookingId(), outcome.attemptId().toString()));
            }
        } catch (RuntimeException e) {
            log.warn("could not poll payment outcomes: {}", e.toString());
        }
    }
}
