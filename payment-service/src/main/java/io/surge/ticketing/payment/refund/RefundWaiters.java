package io.surge.ticketing.payment.refund;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.DeferredResult;

import io.surge.ticketing.payment.idempotency.IdempotencyKeys;
import io.surge.ticketing.payment.idempotency.ParkedRequests;
import io.surge.ticketing.payment.idempotency.StoredResponse;

/**
 * Refund requests parked while the first request with the same key works. The first one answers them at once in this
 * instance; elsewhere (another replica, the reconciler finishing after a crash) their key is completed or freed in the
 * keys table, which a short poll reads.
 */
@Component
class RefundWaiters {

    private final ParkedRequests parked = new ParkedRequests();
    private final IdempotencyKeys keys;
    private final RefundResponses responses;

    RefundWaiters(IdempotencyKeys keys, RefundResponses responses) {
        this.keys = keys;
        this.responses = responses;
    }

    DeferredResult<ResponseEntity<String>> await(UUID requestId, Duration wait, StoredResponse onTimeout) {
        return parked.await(requestId, wait, onTimeout);
    }

    void settled(UUID requestId, StoredResponse response) {
        parked.settled(requestId, response);
    }

    @Scheduled(fixedDelayString = "${ticketing.payment.checkout.waiter-poll-interval}")
    void pollSettledElsewhere() {
        parked.poll(this::settledAmong);
    }

    private Map<UUID, StoredResponse> settledAmong(Collection<UUID> requestIds) {
        Map<UUID, StoredResponse> settled = new HashMap<>();
        // a freed key (null) was a 5xx outcome, never stored: the client retries with the same key
        keys.settledAmong(requestIds).forEach((id, response) -> settled.put(id, response != null ? response
                : responses.retryLater()));
        return settled;
    }
}
