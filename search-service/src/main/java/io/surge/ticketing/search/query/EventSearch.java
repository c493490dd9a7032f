package io.surge.ticketing.search.query;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.surge.ticketing.search.SearchProperties;

/** Runs searches through the circuit breaker; Elasticsearch is the only source (never the catalog DB). */
@Service
public class EventSearch {

    private static final Logger log = LoggerFactory.getLogger(EventSearch.class);

    private final ElasticsearchClient es;
    private final EventQueryBuilder queries;
    private final CircuitBreaker breaker;
    private final String alias;
    private final Timer latency;
    private final Clock clock;

    public EventSearch(ElasticsearchClient es, EventQueryBuilder queries, CircuitBreaker elasticsearchBreaker,
            SearchProperties properties, MeterRegistry meters, Clock clock) {
        this.es = es;
        this.clock = clock;
        this.queries = queries;
        this.breaker = elasticsearchBreaker;
        this.alias = properties.alias();
        this.latency = Timer.builder("search.queries").publishPercentiles(0.5, 0.99).register(meters);
    }

    public SearchPage search(SearchCriteria criteria) {
        try {
            return latency.record(() -> breaker.executeSupplier(() -> execute(criteria)));
        } catch (CallNotPermittedException e) {
            throw new SearchUnavailableException("search is temporarily unavailable (Elasticsearch circuit open)");
        }
    }

    private SearchPage execute(SearchCriteria criteria) {
        SearchResponse<IndexedEvent> response;
        try {
            response = es.search(queries.build(alias, criteria), IndexedEvent.class);
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                // no index yet: nothing has been indexed, which is an empty answer, not an outage
                return new SearchPage(criteria.page(), criteria.size(), 0, List.of());
            }
            if (isClientError(e.status())) {
                log.warn("Elasticsearch rejected a search: {} {}", e.status(), e.error().type());
                throw new SearchRejectedException();
            }
            throw new SearchUnavailableException("search failed: " + e.error().type());
        } catch (IOException | RuntimeException e) {
            throw new SearchUnavailableException("search is temporarily unavailable");
        }
        long total = response.hits().total() != null ? response.hits().total().value() : response.hits().hits().size();
        Instant now = clock.instant();
        List<SearchPage.Result> results = response.hits().hits().stream()
                .map(Hit::source)
                .map(event -> event.toResult(now))
                .toList();
        return new SearchPage(criteria.page(), criteria.size(), total, results);
    }

    /** A 4xx is the request's fault; 408 and 429 (overloaded, its own circuit breakers) are Elasticsearch's. */
    static boolean isClientError(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }
}
