package io.surge.ticketing.payment.idempotency;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * HTTP requests parked until the request they duplicate is settled, without holding a servlet thread. A settlement
 * in this instance answers them at once; a settlement anywhere else (another replica, the reconciler) is found by
 * {@link #poll}, which each feature calls on a short schedule with its own way to read settled outcomes, so no
 * replica depends on another's memory.
 */
public final class ParkedRequests {

    private static final Logger log = LoggerFactory.getLogger(ParkedRequests.class);

    private final Map<UUID, Queue<DeferredResult<ResponseEntity<String>>>> waiting = new ConcurrentHashMap<>();

    /** A result that resolves with the request's outcome, or with {@code onTimeout} after {@code wait}. */
    public DeferredResult<ResponseEntity<String>> await(UUID requestId, Duration wait, StoredResponse onTimeout) {
        DeferredResult<ResponseEntity<String>> result = new DeferredResult<>(wait.toMillis(), onTimeout::toEntity);
        waiting.computeIfAbsent(requestId, id -> new ConcurrentLinkedQueue<>()).add(result);
        result.onCompletion(() -> waiting.computeIfPresent(requestId, (id, queue) -> {
            queue.remove(result);
            return queue.isEmpty() ? null : queue;
        }));
        return result;
    }

    /** A result already resolved with {@code response} (a replay, or an outcome known at once). */
    public static DeferredResult<ResponseEntity<String>> answered(StoredResponse response) {
        DeferredResult<ResponseEntity<String>> result = new DeferredResult<>();
        result.setResult(response.toEntity());
        return result;
    }

    public void settled(UUID requestId, StoredResponse response) {
        Queue<DeferredResult<ResponseEntity<String>>> queue = waiting.remove(requestId);
        if (queue != null) {
            queue.forEach(result -> result.setResult(response.toEntity()));
        }
    }

    public int size() {
        return waiting.size();
    }

    /**
     * Answers the parked requests whose outcome {@code settledAmong} reports (request id -> response) for the
     * requests parked now; a request it does not report stays parked.
     */
    public void poll(Function<Collection<UUID>, Map<UUID, StoredResponse>> settledAmong) {
        if (waiting.isEmpty()) {
            return;
        }
        try {
            settledAmong.apply(waiting.keySet()).forEach(this::settled);
        } catch (RuntimeException e) {
            log.warn("could not poll settled outcomes: {}", e.toString());
        }
    }
}
