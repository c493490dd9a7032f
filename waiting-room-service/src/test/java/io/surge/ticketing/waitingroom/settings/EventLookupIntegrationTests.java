package io.surge.ticketing.waitingroom.settings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.contracts.messages.MessageJson;
import io.surge.ticketing.contracts.web.ServiceCredential;
import io.surge.ticketing.waitingroom.keys.QueueKeys;

/**
 * The waiting room in-process (its own port, its Kafka listeners off, publishing stubbed) over the local stack's
 * Redis, with WireMock standing in for catalog-service's internal API: an event the waiting room has not heard of
 * through Kafka yet is looked up in the catalog, so its line can be configured (and joined) right after it was created.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EventLookupIntegrationTests {

    private static final WireMockServer catalog = new WireMockServer(options().dynamicPort());
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static {
        catalog.start();
    }

    @DynamicPropertySource
    static void catalogStub(DynamicPropertyRegistry registry) {
        registry.add("ticketing.waiting-room.catalog.base-url", catalog::baseUrl);
        registry.add("ticketing.waiting-room.catalog.read-timeout", () -> "2s");
    }

    @AfterAll
    static void stopCatalog() {
        catalog.stop();
    }

    @MockitoBean
    SettingsPublisher publisher;
    @Autowired
    StringRedisTemplate redis;
    @Value("${local.server.port}")
    int port;
    @Value("${ticketing.service-auth.secret}")
    String serviceSecret;

    private final List<Long> events = new ArrayList<>();

    @AfterEach
    void forget() {
        catalog.resetAll();
        for (long event : events) {
            redis.delete(List.of("cfg", "pre", "frozen", "seq", "num", "state", "turns", "claimed", "adm", "gone").stream()
                    .map(suffix -> "wr:{" + event + "}:" + suffix).toList());
            redis.opsForSet().remove(QueueKeys.EVENTS, Long.toString(event));
        }
    }

    private long freshEvent() {
        long event = 6_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        events.add(event);
        return event;
    }

    private static void catalogKnows(long event, Instant onSaleAt, boolean published) {
        catalog.stubFor(get("/internal/events/" + event).willReturn(okJson("""
                {"event_id": %d, "on_sale_at": "%s", "starts_at": "%s", "refund_deadline": "%s",
                 "published": %s, "cancelled": false}""".formatted(event, onSaleAt, onSaleAt.plus(Duration.ofDays(30)),
                onSaleAt.plus(Duration.ofDays(29)), published))));
    }

    @Test
    void anAdminConfiguresTheLineOfAnEventCreatedAMomentAgo() throws Exception {
        long event = freshEvent();
        Instant onSaleAt = Instant.parse("2031-05-01T18:00:00Z");
        catalogKnows(event, onSaleAt, true);

        HttpResponse<String> put = putSettings(event, "{\"admission_rate_per_minute\": 120, \"hold_seconds\": 300}");

        assertThat(put.statusCode()).isEqualTo(200);
        JsonNode body = json(put);
        assertThat(body.get("admission_rate_per_minute").asInt()).isEqualTo(120);
        assertThat(body.get("hold_seconds").asInt()).isEqualTo(300);
        assertThat(Instant.parse(body.get("on_sale_at").asString())).isEqualTo(onSaleAt);
        assertThat(Instant.parse(body.get("prequeue_opens_at").asString())).isEqualTo(onSaleAt.minus(Duration.ofMinutes(30)));
        verify(publisher, atLeastOnce()).publish(any(SaleSettings.class));
        String credential = catalog.getAllServeEvents().get(0).getRequest().getHeader(ServiceCredential.HEADER);
        assertThat(new ServiceCredential(serviceSecret, Clock.systemUTC()).verify(credential, null, null))
                .as("the catalog is called with our service credential").isTrue();

        HttpResponse<String> again = request("GET", "/api/v1/admin/events/" + event + "/waiting-room", null, "admin");
        assertThat(json(again).get("admission_rate_per_minute").asInt()).isEqualTo(120);
        catalog.verify(1, getRequestedFor(urlEqualTo("/internal/events/" + event)));
    }

    @Test
    void aDraftCreatedAMomentAgoIsConfigurableButFansDoNotSeeIt() throws Exception {
        long event = freshEvent();
        catalogKnows(event, Instant.now().minusSeconds(5), false);

        assertThat(putSettings(event, "{\"max_tickets_per_user\": 2}").statusCode()).isEqualTo(200);

        HttpResponse<String> join = request("POST", "/api/v1/waiting-room/" + event + "/join", "fan-1", "");
        assertThat(join.statusCode()).isEqualTo(404);
        assertThat(json(join).get("code").asString()).isEqualTo("EVENT_NOT_FOUND");
        catalog.verify(1, getRequestedFor(urlEqualTo("/internal/events/" + event)));
    }

    @Test
    void anEventTheCatalogDoesNotKnowIsNotFound() throws Exception {
        long event = freshEvent();
        catalog.stubFor(get("/internal/events/" + event).willReturn(aResponse().withStatus(404)));

        HttpResponse<String> put = putSettings(event, "{\"hold_seconds\": 300}");
        HttpResponse<String> join = request("POST", "/api/v1/waiting-room/" + event + "/join", "fan-1", "");

        assertThat(put.statusCode()).isEqualTo(404);
        assertThat(json(put).get("code").asString()).isEqualTo("EVENT_NOT_FOUND");
        assertThat(join.statusCode()).isEqualTo(404);
        assertThat(json(join).get("code").asString()).isEqualTo("EVENT_NOT_FOUND");
    }

    @Test
    void aCatalogThatFailsOrAnswersTooLateIsA503ToRetry() throws Exception {
        long failing = freshEvent();
        long slow = freshEvent();
        catalog.stubFor(get("/internal/events/" + failing).willReturn(aResponse().withStatus(500)));
        catalog.stubFor(get("/internal/events/" + slow).willReturn(okJson("{}").withFixedDelay(5_000)));

        for (HttpResponse<String> answer : List.of(putSettings(failing, "{\"hold_seconds\": 300}"),
                putSettings(slow, "{\"hold_seconds\": 300}"),
                request("POST", "/api/v1/waiting-room/" + failing + "/join", "fan-1", ""))) {
            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            assertThat(json(answer).get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        }
        assertThat(redis.opsForHash().hasKey(QueueKeys.config(failing), "on_sale_at")).isFalse();
    }

    @Test
    void aFanJoiningAnEventCreatedAMomentAgoTakesItsPlace() throws Exception {
        long event = freshEvent();
        catalogKnows(event, Instant.now().minusSeconds(1), true);

        HttpResponse<String> join = request("POST", "/api/v1/waiting-room/" + event + "/join", "fan-1", "");

        assertThat(join.statusCode()).isEqualTo(200);
        assertThat(json(join).get("status").asString()).isIn("QUEUED", "ADMITTED");
        assertThat(json(join).get("queue_number").asLong()).isEqualTo(1);
        verify(publisher).publish(any(SaleSettings.class));
    }

    @Test
    void theCountsOfALineAreAnsweredToThePlatformsServices_andAnUnknownEventIsNotFound() throws Exception {
        long event = freshEvent();
        catalogKnows(event, Instant.now().plus(Duration.ofMinutes(5)), true);
        request("POST", "/api/v1/waiting-room/" + event + "/join", "fan-1", "");
        request("POST", "/api/v1/waiting-room/" + event + "/join", "fan-2", "");

        HttpResponse<String> counts = request("GET", "/internal/waiting-room/" + event + "/counts", null, null);
        HttpResponse<String> unknown = request("GET", "/internal/waiting-room/" + freshEvent() + "/counts", null, null);

        assertThat(counts.statusCode()).isEqualTo(200);
        assertThat(json(counts).get("waiting").asLong()).isEqualTo(2);
        assertThat(json(counts).get("admitted").asLong()).isZero();
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("code").asString()).isEqualTo("EVENT_NOT_FOUND");
    }

    private HttpResponse<String> putSettings(long event, String body) throws Exception {
        return request("PUT", "/api/v1/admin/events/" + event + "/waiting-room", body, "admin");
    }

    private HttpResponse<String> request(String method, String path, String bodyOrUser, String roles) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if ("PUT".equals(method)) {
            request.header("Content-Type", "application/json").header("X-User-Id", "admin-1")
                    .method(method, HttpRequest.BodyPublishers.ofString(bodyOrUser));
        } else {
            if (bodyOrUser != null) {
                request.header("X-User-Id", bodyOrUser);
            }
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (roles != null) {
            request.header("X-User-Roles", roles);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return MessageJson.mapper().readTree(response.body());
    }
}
