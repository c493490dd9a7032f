package io.surge.ticketing.gateway.shield;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.gateway.web.EdgeProperties;
import io.surge.ticketing.gateway.web.Problems;
import reactor.core.publisher.Mono;

/**
 * The gateway's own load shedding: at most {@code ticketing.gateway.edge.max-in-flight} requests are worked on at once by
 * this instance; the next ones are answered 503 with {@code Retry-After} at once, costing almost nothing. Without
 * it, a surge (10,000 fans polling at T0) queues requests in the gateway until its heap is exhausted and the edge
 * dies for everybody. Health and metrics are never shed, so the orchestrator keeps seeing a live instance.
 */
@Component
class InFlightLimitFilter implements WebFilter, Ordered {

    static final String RETRY_AFTER_SECONDS = "2";

    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter shed;

    InFlightLimitFilter(EdgeProperties properties, MeterRegistry meters) {
        this.maxInFlight = properties.maxInFlight();
        Gauge.builder("gateway.requests.in_flight", inFlight, AtomicInteger::get)
                .description("requests the gateway is working on").register(meters);
        this.shed = Counter.builder("gateway.requests.shed")
                .description("requests answered 503 because max-in-flight was reached").register(meters);
    }

    @Override
    public int getOrder() {
        return -300;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            shed.increment();
            exchange.getResponse().getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.SERVICE_UNAVAILABLE,
                    "the gateway is at capacity; retry after " + RETRY_AFTER_SECONDS + " s");
        }
        return chain.filter(exchange).doFinally(signal -> inFlight.decrementAndGet());
    }
}
