package io.surge.ticketing.waitingroom.settings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

import io.surge.ticketing.contracts.web.ServiceCredential;

/** The catalog client against WireMock answering as catalog-service's internal API would (and as it fails). */
class CatalogClientIntegrationTests {

    private static final String SECRET = "a-service-secret-of-at-least-32-bytes-for-tests";
    private static final WireMockServer catalog = new WireMockServer(options().dynamicPort());
    private static CatalogClient client;

    @BeforeAll
    static void start() {
        catalog.start();
        client = new CatalogClient(RestClient.builder(),
                // generous for a loaded 2-core test box; the slow stub answers well after it
                new CatalogClient.Properties(catalog.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(2)),
                new ServiceCredential(SECRET, Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        catalog.stop();
    }

    @Test
    void anEventTheCatalogKnowsIsAnsweredWithItsLifecycle_askedWithOurServiceCredential() {
        catalog.stubFor(get("/internal/events/41").willReturn(okJson("""
                {"event_id": 41, "on_sale_at": "2031-05-01T18:00:00Z", "starts_at": "2031-06-01T20:00:00Z",
                 "refund_deadline": "2031-05-31T20:00:00Z", "published": false, "cancelled": true, "status": "DRAFT"}""")));

        EventLifecycle lifecycle = client.find(41).orElseThrow().lifecycle();

        assertThat(lifecycle).isEqualTo(new EventLifecycle(Instant.parse("2031-05-01T18:00:00Z"),
                Instant.parse("2031-06-01T20:00:00Z"), false, true));
        String credential = catalog.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/internal/events/41")))
                .get(0).getHeader(ServiceCredential.HEADER);
        assertThat(new ServiceCredential(SECRET, Clock.systemUTC()).verify(credential, null, null)).isTrue();
    }

    @Test
    void anAnswerWithoutPublishedOrCancelledIsAPublishedEventOnSale() {
        catalog.stubFor(get("/internal/events/42").willReturn(okJson("""
                {"event_id": 42, "on_sale_at": "2031-05-01T18:00:00Z"}""")));

        assertThat(client.find(42).orElseThrow().lifecycle())
                .isEqualTo(EventLifecycle.onSale(Instant.parse("2031-05-01T18:00:00Z")));
    }

    @Test
    void aNotFoundIsNoEvent() {
        catalog.stubFor(get("/internal/events/43").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"code\":\"EVENT_NOT_FOUND\"}")));

        assertThat(client.find(43)).isEmpty();
    }

    @Test
    void aFailingSlowOrUnreachableCatalogIsUnavailableNeverNotFound() {
        catalog.stubFor(get("/internal/events/44").willReturn(aResponse().withStatus(503)));
        catalog.stubFor(get("/internal/events/45").willReturn(okJson("{}").withFixedDelay(5_000)));
        catalog.stubFor(get("/internal/events/46").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        catalog.stubFor(get("/internal/events/47").willReturn(aResponse().withStatus(401)));
        CatalogClient unreachable = new CatalogClient(RestClient.builder(),
                new CatalogClient.Properties("http://127.0.0.1:1", Duration.ofMillis(500), Duration.ofMillis(500)),
                new ServiceCredential(SECRET, Clock.systemUTC()));

        for (long event : new long[] {44, 45, 46, 47}) {
            assertThatThrownBy(() -> client.find(event)).as("event %d", event)
                    .isInstanceOf(CatalogClient.CatalogUnavailableException.class);
        }
        assertThatThrownBy(() -> unreachable.find(48)).isInstanceOf(CatalogClient.CatalogUnavailableException.class);
    }
}
