package io.surge.ticketing.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The read path of the surge, anonymous as it is for fans: search as they type, then an event's details, seat map
 * and availability. Users arrive at {@code -Drate} per second for {@code -Dduration} seconds, each from its own
 * address. Events come from the live search index (a sale is created when the index is empty).
 */
public class ReadPathSimulation extends Simulation {

    private final LoadParameters parameters = LoadParameters.fromSystemProperties();

    public ReadPathSimulation() {
        Sale.forget();
        List<Map<String, Object>> events = indexedEvents();
        if (events.isEmpty()) {
            Sale sale = new SaleSetup(parameters).create("Read path " + Instant.now().getEpochSecond(), Instant.now());
            events = List.of(Map.of("event", sale.eventId(), "q", "read"));
        }
        System.out.printf("Read path: %d events, %.0f readers/s for %d s; %s%n", events.size(),
                parameters.ratePerSecond(), parameters.durationSeconds(), parameters);
        List<Map<String, Object>> pool = events;

        ScenarioBuilder readers = scenario("readers").exec(session -> {
            Map<String, Object> event = pool.get(ThreadLocalRandom.current().nextInt(pool.size()));
            long n = session.userId();
            return session.setAll(event).set("ip", "10.128." + ((n >> 8) & 0xFF) + "." + (n & 0xFF));
        }).exec(
                exec(http("search").get("/api/v1/events/search?q=#{q}&size=20").header("X-Forwarded-For", "#{ip}")
                        .check(status().is(200), jsonPath("$.total").exists())),
                exec(http("event").get("/api/v1/events/#{event}").header("X-Forwarded-For", "#{ip}")
                        .check(status().is(200))),
                exec(http("seat map").get("/api/v1/events/#{event}/seatmap").header("X-Forwarded-For", "#{ip}")
                        .check(status().is(200))),
                exec(http("availability").get("/api/v1/events/#{event}/availability").header("X-Forwarded-For", "#{ip}")
                        .check(status().is(200), jsonPath("$.bitfield").exists())));

        setUp(readers.injectOpen(constantUsersPerSec(parameters.ratePerSecond())
                .during(Duration.ofSeconds(parameters.durationSeconds()))))
                .protocols(parameters.protocol())
                .assertions(parameters.assertions());
    }

    /**
     * Up to 100 events from search that the catalog serves, each with a query a fan would type to find it (a
     * prefix of its name).
     */
    private List<Map<String, Object>> indexedEvents() {
        List<Map<String, Object>> events = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(parameters.baseUrl() + "/api/v1/events/search?size=100"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return events;
            }
            for (JsonNode result : new ObjectMapper().readTree(response.body()).path("results")) {
                int details = http.send(HttpRequest.newBuilder(URI.create(parameters.baseUrl() + "/api/v1/events/"
                        + result.path("event_id").asLong())).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (details != 200) {
                    continue; // not (or no longer) in the catalog
                }
                String name = result.path("name").asString();
                String word = name.split("\\s+")[0].toLowerCase();
                events.add(Map.of("event", result.path("event_id").asLong(),
                        "q", URLEncoder.encode(word.substring(0, Math.min(word.length(), 5)), StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("search is not answering at " + parameters.baseUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return events;
    }
}
