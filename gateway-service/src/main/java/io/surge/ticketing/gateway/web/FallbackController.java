package io.surge.ticketing.gateway.web;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

import java.util.concurrent.TimeoutException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.surge.ticketing.contracts.ErrorCode;
import io.swagger.v3.oas.annotations.Hidden;
import reactor.core.publisher.Mono;

/**
 * Where every route's circuit breaker forwards when the call fails or the breaker is open: a slow service is a
 * 504, an unreachable or tripped one a 503, both problem+json so clients can back off instead of hammering it.
 * Refusals the edge itself raised while streaming the body (413) keep their own answer.
 */
@Hidden
@RestController
class FallbackController {

    @RequestMapping("/fallback/{route}")
    Mono<Void> fallback(ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause instanceof EdgeRefusal refusal) {
            return Problems.write(exchange, refusal.status(), refusal.code(), refusal.getMessage());
        }
        if (cause instanceof org.springframework.core.io.buffer.DataBufferLimitException) {
            return Problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE,
                    "request body is larger than allowed");
        }
        if (isTimeout(cause)) {
            // a 503 the client retries after Retry-After, not a 504 failure: a slow dependency is an outage to ride out
            exchange.getResponse().getHeaders().set("Retry-After", "2");
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.UPSTREAM_TIMEOUT,
                    "the service behind this route did not answer in time; retry later");
        }
        if (!(cause instanceof CallNotPermittedException) && cause != null) {
            logAtMostOncePerSecond(exchange, cause);
        }
        String detail = cause instanceof CallNotPermittedException
                ? "the service behind this route is failing; retry later"
                : "the service behind this route is unavailable";
        exchange.getResponse().getHeaders().set("Retry-After", "5");
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE, detail);
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FallbackController.class);
    private static final java.util.concurrent.atomic.AtomicLong lastLog = new java.util.concurrent.atomic.AtomicLong();

    /** Upstream failures are worth a line in the log, but a surge of them must not flood it. */
    private static void logAtMostOncePerSecond(ServerWebExchange exchange, Throwable cause) {
        long now = System.currentTimeMillis();
        long last = lastLog.get();
        if (now - last >= 1000 && lastLog.compareAndSet(last, now)) {
            log.warn("upstream failure on {}: {}", exchange.getRequest().getPath(), cause.toString());
        }
    }

    private static boolean isTimeout(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof io.netty.handler.timeout.ReadTimeoutException
                    || t instanceof ResponseStatusException rse && rse.getStatusCode().value() == 504) {
                return true;
            }
        }
        return false;
    }
}
