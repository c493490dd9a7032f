package io.surge.ticketing.gateway.observability;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import reactor.core.publisher.Mono;

/**
 * Answers every request with {@code X-Trace-Id}: the trace this request started (or continued, when the caller
 * sent a W3C {@code traceparent}). The same id is in the JSON logs of every service the request reached,
 * including the Kafka consumers that decided it, so a fan's support ticket or a load-test failure leads straight
 * to the logs. Runs first, so refusals (401, 403, 429) carry it too.
 */
@Component
class TraceIdResponseFilter implements WebFilter, Ordered {

    static final String HEADER = "X-Trace-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan)
                .map(Span::context)
                .ifPresent(span -> exchange.getResponse().getHeaders().set(HEADER, span.traceId()));
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
