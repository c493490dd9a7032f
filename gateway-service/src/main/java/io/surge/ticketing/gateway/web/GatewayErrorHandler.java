package io.surge.ticketing.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import io.surge.ticketing.contracts.ErrorCode;
import reactor.core.publisher.Mono;

/**
 * The reactive side's last word: every failure that escapes the filters or the routes becomes problem+json
 * with a stable code (404 for unknown paths, 405, 413, 503 for an unreachable service, 504 for a slow one),
 * never Spring's default JSON or a stack trace. Ordered before Boot's default handler.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (error instanceof EdgeRefusal refusal) {
            return Problems.write(exchange, refusal.status(), refusal.code(), refusal.getMessage());
        }
        if (error instanceof DataBufferLimitException) {
            return Problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE,
                    "request body is larger than allowed");
        }
        if (error instanceof ResponseStatusException rse) {
            HttpStatusCode status = rse.getStatusCode();
            if (status.value() == 502 || status.value() == 504) {
                // an upstream that failed or answered too late: an outage the client rides out after Retry-After
                exchange.getResponse().getHeaders().set("Retry-After", "2");
                return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                        status.value() == 504 ? ErrorCode.UPSTREAM_TIMEOUT : ErrorCode.SERVICE_UNAVAILABLE,
                        status.value() == 504 ? "the service behind this route did not answer in time; retry later"
                                : "the service behind this route is unavailable; retry later");
            }
            // framework reasons leak internals ("No static resource ..."): only client errors other than 404 keep theirs
            String detail = rse.getReason() != null && status.is4xxClientError() && status.value() != 404
                    ? rse.getReason() : defaultDetail(status);
            return Problems.write(exchange, status, Problems.codeFor(status), detail);
        }
        if (error instanceof java.net.ConnectException || error.getCause() instanceof java.net.ConnectException) {
            exchange.getResponse().getHeaders().set("Retry-After", "2");
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE,
                    "the service behind this route is unavailable; retry later");
        }
        if (error instanceof java.util.concurrent.TimeoutException) {
            exchange.getResponse().getHeaders().set("Retry-After", "2");
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.UPSTREAM_TIMEOUT,
                    "the service behind this route did not answer in time; retry later");
        }
        log.error("unexpected failure at the edge for {} {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), error);
        return Problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR,
                "an unexpected error occurred");
    }

    private static String defaultDetail(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed on this resource";
            case 503 -> "the service behind this route is unavailable";
            case 504 -> "the service behind this route did not answer in time";
            default -> status.is4xxClientError() ? "the request was refused" : "the request failed";
        };
    }
}
