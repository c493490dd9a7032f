package io.surge.ticketing.gateway.shield;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.surge.ticketing.gateway.web.EdgeProperties;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

class InFlightLimitFilterUnitTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final InFlightLimitFilter filter = new InFlightLimitFilter(
            new EdgeProperties(List.of(), DataSize.ofKilobytes(16), List.of(), List.of(), 2, 4096), meters);

    @Test
    void shedsWithRetryAfterOnceTheLimitIsReachedAndAdmitsAgainWhenARequestEnds() {
        Sinks.Empty<Void> first = Sinks.empty();
        Sinks.Empty<Void> second = Sinks.empty();
        filter.filter(exchange("/api/v1/events/1/availability"), e -> first.asMono()).subscribe();
        filter.filter(exchange("/api/v1/events/1/availability"), e -> second.asMono()).subscribe();

        MockServerWebExchange third = exchange("/api/v1/events/1/availability");
        filter.filter(third, e -> Mono.empty()).block();

        assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(third.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(meters.get("gateway.requests.shed").counter().count()).isEqualTo(1.0);

        first.tryEmitEmpty();
        MockServerWebExchange fourth = exchange("/api/v1/events/1/availability");
        filter.filter(fourth, e -> Mono.empty()).block();

        assertThat(fourth.getResponse().getStatusCode()).as("not shed").isNull();
        assertThat(meters.get("gateway.requests.in_flight").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void neverShedsHealthChecks() {
        filter.filter(exchange("/api/v1/a"), e -> Mono.never()).subscribe();
        filter.filter(exchange("/api/v1/b"), e -> Mono.never()).subscribe();

        MockServerWebExchange health = exchange("/actuator/health/readiness");
        filter.filter(health, e -> Mono.empty()).block();

        assertThat(health.getResponse().getStatusCode()).isNull();
    }

    private static MockServerWebExchange exchange(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.get(path));
    }
}
