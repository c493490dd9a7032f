package io.surge.ticketing.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.search.query.EventQueryBuilder;
import io.surge.ticketing.search.query.EventSearch;
import io.surge.ticketing.search.query.SearchCriteria;
import io.surge.ticketing.search.query.SearchRejectedException;
import io.surge.ticketing.search.query.SearchUnavailableException;

/**
 * The production circuit breaker ({@link SearchConfiguration}, application.yml's settings) around an
 * {@link EventSearch} whose Elasticsearch client is a mock that fails the way Elasticsearch does.
 */
class SearchBreakerUnitTests {

    static final SearchProperties PROPERTIES = new SearchProperties("events", Duration.ofSeconds(1), 50, 10, 20,
            Duration.ofSeconds(5), Duration.ofMillis(1500));
    static final SearchCriteria ANY = new SearchCriteria("taylor", null, null, null, null, 1, 20);

    private final ElasticsearchClient es = mock(ElasticsearchClient.class);
    private final CircuitBreaker breaker = new SearchConfiguration().elasticsearchBreaker(PROPERTIES,
            new SimpleMeterRegistry());
    private final EventSearch search = new EventSearch(es, new EventQueryBuilder(Clock.systemUTC()), breaker,
            PROPERTIES, new SimpleMeterRegistry(), Clock.systemUTC());

    static ElasticsearchException answered(int status, String type) {
        return new ElasticsearchException("search", ErrorResponse.of(r -> r.status(status)
                .error(e -> e.type(type).reason("failed"))));
    }

    @Test
    void searchesElasticsearchRefusesAsInvalidAre400sAndNeverOpenTheBreaker() throws IOException {
        when(es.search(any(SearchRequest.class), any())).thenThrow(answered(400, "search_phase_execution_exception"));

        for (int i = 0; i < 30; i++) {
            assertThatThrownBy(() -> search.search(ANY)).isInstanceOfSatisfying(SearchRejectedException.class, e -> {
                assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            });
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = { 500, 503, 429 })
    void elasticsearchsOwnFailuresStillOpenIt(int status) throws IOException {
        when(es.search(any(SearchRequest.class), any())).thenThrow(answered(status, "failure"));

        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> search.search(ANY)).isInstanceOf(SearchUnavailableException.class);
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> search.search(ANY)).isInstanceOf(SearchUnavailableException.class)
                .hasMessageContaining("circuit open");
    }

    @Test
    void timeoutsStillOpenIt() throws IOException {
        when(es.search(any(SearchRequest.class), any())).thenThrow(new SocketTimeoutException("read timed out"));

        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> search.search(ANY)).isInstanceOf(SearchUnavailableException.class);
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void aHandfulOfFailuresCannotOpenIt() throws IOException {
        when(es.search(any(SearchRequest.class), any())).thenThrow(answered(500, "failure"));

        for (int i = 0; i < 19; i++) {
            assertThatThrownBy(() -> search.search(ANY)).isInstanceOf(SearchUnavailableException.class);
        }

        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getCircuitBreakerConfig().getSlidingWindowType()).isEqualTo(SlidingWindowType.TIME_BASED);
    }
}
