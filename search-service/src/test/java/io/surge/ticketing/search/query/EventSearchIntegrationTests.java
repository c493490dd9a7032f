package io.surge.ticketing.search.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.http.HttpHost;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.surge.ticketing.search.SearchProperties;
import io.surge.ticketing.testsupport.ElasticsearchRestClients;

/**
 * Against the real local Elasticsearch, on an index of its own created with the connector's mapping (the one
 * the platform uses), so typo and prefix matching are checked on the real analyzers of the stripped build.
 */
class EventSearchIntegrationTests {

    static final String INDEX = "events-search-it-" + UUID.randomUUID().toString().substring(0, 8);
    static RestClient rest;
    static EventSearch search;
    static final Instant FUTURE = Instant.now().plus(Duration.ofDays(30));

    @BeforeAll
    static void indexSomeEvents() throws IOException {
        rest = ElasticsearchRestClients.open();
        String mapping = Files.readString(Path.of("../cdc-connector/src/main/resources/search/events-index.json"));
        put("/" + INDEX, mapping);
        doc(1, "The Eras Tour", "Taylor Swift", "Surge Stadium", "Las Vegas", "concert", "SCHEDULED", FUTURE);
        doc(2, "Mathematics Tour", "Ed Sheeran", "Harbor Hall", "New York", "concert", "SCHEDULED", FUTURE.plusSeconds(60));
        doc(3, "Comedy Night", "Ali Wong", "Harbor Hall", "New York", "comedy", "SCHEDULED", FUTURE.plusSeconds(120));
        doc(4, "Taylor Past Show", "Taylor Swift", "Old Hall", "Austin", "concert", "SCHEDULED", Instant.now().minusSeconds(86400));
        doc(5, "Taylor Cancelled", "Taylor Swift", "Old Hall", "Austin", "concert", "CANCELLED", FUTURE);
        doc(6, "Second Eras Night", "Taylor Swift", "Surge Stadium", "Las Vegas", "concert", "SCHEDULED", FUTURE);
        // as the catalog writes them (catalog's SearchDocument): on sale since yesterday, one of them sold out
        catalogDoc(7, "Lifecycle Sold Out", "PUBLISHED", Instant.now().minus(Duration.ofDays(1)), true);
        catalogDoc(8, "Lifecycle On Sale", "PUBLISHED", Instant.now().minus(Duration.ofDays(1)), false);
        catalogDoc(9, "Lifecycle Draft", "DRAFT", Instant.now().minus(Duration.ofDays(1)), false);
        rest.performRequest(new Request("POST", "/" + INDEX + "/_refresh"));

        ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        search = new EventSearch(client, new EventQueryBuilder(Clock.systemUTC()), CircuitBreaker.ofDefaults("it"),
                properties(INDEX), new SimpleMeterRegistry(), Clock.systemUTC());
    }

    static SearchProperties properties(String alias) {
        return new SearchProperties(alias, Duration.ofSeconds(5), 50, 4, 2, Duration.ofSeconds(30), Duration.ofSeconds(2));
    }

    @AfterAll
    static void dropIndex() throws IOException {
        rest.performRequest(new Request("DELETE", "/" + INDEX));
        rest.close();
    }

    static void put(String path, String json) throws IOException {
        Request r = new Request("PUT", path);
        r.setEntity(new NStringEntity(json, ContentType.APPLICATION_JSON));
        rest.performRequest(r);
    }

    static void doc(long id, String name, String performer, String venue, String city, String category, String status,
            Instant startsAt) throws IOException {
        put("/" + INDEX + "/_doc/" + id, """
                {"event_id":%d,"name":"%s","performer":"%s","venue":"%s","city":"%s","category":"%s","status":"%s",
                 "starts_at":"%s","on_sale_at":"%s","min_price_cents":5000}""".formatted(id, name, performer, venue,
                city, category, status, startsAt, startsAt.minusSeconds(3600)));
    }

    static void catalogDoc(long id, String name, String status, Instant onSaleAt, boolean soldOut) throws IOException {
        Instant startsAt = FUTURE.plus(Duration.ofDays(1));
        put("/" + INDEX + "/_doc/" + id, """
                {"event_id":%d,"name":"%s","performer":"The Lifecycles","venue":"Cycle Hall","venue_id":3,
                 "city":"Lifecycle City","country":"US","category":"concert","status":"%s","starts_at":"%s",
                 "on_sale_at":"%s","refund_deadline":"%s","sold_out":%s,"min_price_cents":5000,"seat_count":4,
                 "version":2}""".formatted(id, name, status, startsAt, onSaleAt, startsAt, soldOut));
    }

    private static SearchPage q(String text) {
        return search.search(new SearchCriteria(text, null, null, null, null, 1, 20));
    }

    @Test
    void aQueryWithTyposFindsTheEventItMeans() {
        assertThat(q("tayler swfit").results()).extracting(SearchPage.Result::eventId).containsExactlyInAnyOrder(1L, 6L);
    }

    @Test
    void aPrefixFindsItAsYouType() {
        assertThat(q("tay").results()).extracting(SearchPage.Result::eventId).containsExactlyInAnyOrder(1L, 6L);
        assertThat(q("harb").results()).extracting(SearchPage.Result::eventId).containsExactlyInAnyOrder(2L, 3L);
    }

    @Test
    void pastAndCancelledEventsAreNotFoundByDefault() {
        assertThat(q("taylor").results()).extracting(SearchPage.Result::eventId).doesNotContain(4L, 5L);
        assertThat(search.search(new SearchCriteria("taylor", null, null, Instant.now().minusSeconds(2 * 86400), null,
                1, 20)).results()).extracting(SearchPage.Result::eventId).contains(4L).doesNotContain(5L);
    }

    @Test
    void filtersByCityAndCategoryIgnoringCase() {
        SearchPage page = search.search(new SearchCriteria(null, "new YORK", "Comedy", null, null, 1, 20));

        assertThat(page.total()).isEqualTo(1);
        assertThat(page.results().get(0).performer()).isEqualTo("Ali Wong");
        assertThat(page.results().get(0).venue()).isEqualTo("Harbor Hall");
    }

    @Test
    void pagesDoNotOverlapAndFollowAStableOrder() {
        SearchPage first = search.search(new SearchCriteria(null, null, null, null, null, 1, 2));
        SearchPage second = search.search(new SearchCriteria(null, null, null, null, null, 2, 2));

        assertThat(first.total()).isEqualTo(6);
        assertThat(first.results()).extracting(SearchPage.Result::eventId).containsExactly(1L, 6L);
        assertThat(second.results()).extracting(SearchPage.Result::eventId).containsExactly(2L, 3L);
    }

    @Test
    void aSearchElasticsearchRefusesIsA400NotAnOutage() {
        // past max_result_window: the controller refuses it first, here it gets through to a real 400 answer
        SearchCriteria tooDeep = new SearchCriteria(null, null, null, null, null, 1001, 20);

        assertThatThrownBy(() -> search.search(tooDeep)).isInstanceOf(SearchRejectedException.class)
                .hasMessage("search parameters are invalid");
    }

    @Test
    void anUnreachableElasticsearchIsAQuick503AndThenTheBreakerFailsFast() throws IOException {
        try (RestClient dead = RestClient.builder(HttpHost.create("http://127.0.0.1:1")).build()) {
            EventSearch down = new EventSearch(
                    new ElasticsearchClient(new RestClientTransport(dead, new JacksonJsonpMapper())),
                    new EventQueryBuilder(Clock.systemUTC()),
                    CircuitBreaker.of("down", CircuitBreakerConfig.custom().minimumNumberOfCalls(2).slidingWindowSize(2)
                            .waitDurationInOpenState(Duration.ofMinutes(1)).build()),
                    properties("events"), new SimpleMeterRegistry(), Clock.systemUTC());
            SearchCriteria any = new SearchCriteria("x", null, null, null, null, 1, 20);
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> down.search(any)).isInstanceOf(SearchUnavailableException.class);
            }

            long start = System.nanoTime();
            assertThatThrownBy(() -> down.search(any)).isInstanceOf(SearchUnavailableException.class)
                    .hasMessageContaining("circuit open");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
        }
    }

    @Test
    void eachResultCarriesItsLifecycleStatusAsOfTheSearch() {
        SearchPage lifecycle = search.search(new SearchCriteria(null, "Lifecycle City", null, null, null, 1, 20));
        SearchPage past = search.search(new SearchCriteria("taylor past", null, null,
                Instant.now().minus(Duration.ofDays(2)), null, 1, 20));

        assertThat(lifecycle.results()).extracting(SearchPage.Result::eventId, SearchPage.Result::status)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(7L, "SOLD_OUT"),
                        org.assertj.core.groups.Tuple.tuple(8L, "ON_SALE"));
        assertThat(q("eras").results()).extracting(SearchPage.Result::status).containsOnly("SCHEDULED");
        assertThat(past.results()).filteredOn(r -> r.eventId() == 4L).singleElement()
                .extracting(SearchPage.Result::status).isEqualTo("CLOSED");
    }

    @Test
    void aDraftIsNeverFoundEvenIfItsDocumentWasIndexed() {
        assertThat(q("lifecycle draft").results()).extracting(SearchPage.Result::eventId).doesNotContain(9L);
    }
}
