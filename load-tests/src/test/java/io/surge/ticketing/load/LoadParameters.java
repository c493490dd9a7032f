package io.surge.ticketing.load;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.surge.ticketing.invariants.LocalStack;

/**
 * Every knob of the simulations, read from system properties ({@code -Dfans=10000}), so the same scripts aim at
 * the local stack or at a Kubernetes ingress ({@code -DbaseUrl=https://tickets.example.com}).
 *
 * @param baseUrl            the gateway
 * @param fans               fans in a surge (or users in the read/write path simulations)
 * @param seats              seats of the event the simulation creates
 * @param rampSeconds        fans arrive over this many seconds
 * @param preQueueSeconds    the sale opens (T0) this long after the event is created; fans arriving before wait in
 *                           the pre-queue and get a random position at T0
 * @param admissionPerMinute the waiting room's admission rate
 * @param holdSeconds        how long a reservation holds its seats
 * @param abandonRatio       share of fans holding seats who walk away instead of paying (their holds expire)
 * @param chosenRatio        share of fans picking seats on the map (the rest ask for the best available)
 * @param maxTickets         a fan asks for 1..maxTickets seats
 * @param ratePerSecond      arrival rate of the read/write path simulations
 * @param durationSeconds    how long the read/write path simulations inject users
 * @param p99Millis          assertion: 99th percentile of all requests below this
 * @param maxKoPercent       assertion: failed requests below this share
 */
public record LoadParameters(
        String baseUrl,
        int fans,
        int seats,
        int rampSeconds,
        int preQueueSeconds,
        int admissionPerMinute,
        int holdSeconds,
        double abandonRatio,
        double chosenRatio,
        int maxTickets,
        double ratePerSecond,
        int durationSeconds,
        int p99Millis,
        double maxKoPercent) {

    public static LoadParameters fromSystemProperties() {
        LocalStack stack = LocalStack.load();
        return new LoadParameters(
                System.getProperty("baseUrl", stack.get("TICKETING_GATEWAY_URL", "http://127.0.0.1:8080")),
                Integer.getInteger("fans", 500),
                Integer.getInteger("seats", 150),
                Integer.getInteger("ramp", 20),
                Integer.getInteger("preQueue", 25),
                Integer.getInteger("admissionPerMinute", 3_000),
                Integer.getInteger("holdSeconds", 60),
                Double.parseDouble(System.getProperty("abandon", "0.3")),
                Double.parseDouble(System.getProperty("chosen", "0.5")),
                Integer.getInteger("maxTickets", 2),
                Double.parseDouble(System.getProperty("rate", "50")),
                Integer.getInteger("duration", 30),
                Integer.getInteger("p99", 8_000),
                Double.parseDouble(System.getProperty("maxKoPercent", "1.0")));
    }

    /** The gateway (or ingress) as every simulation talks to it: JSON, no client cache, pooled connections. */
    public HttpProtocolBuilder protocol() {
        return http.baseUrl(baseUrl).acceptHeader("application/json").disableCaching().shareConnections();
    }

    /** The pass/fail criteria of a run: the share of failed requests and the p99 of all requests. */
    public Assertion[] assertions() {
        return new Assertion[] {
                global().failedRequests().percent().lte(maxKoPercent),
                global().responseTime().percentile(99.0).lt(p99Millis)};
    }

    public Duration maxQueueWait() {
        // the whole queue drains in fans / rate; a fan gives up after twice that (and at least two minutes)
        return Duration.ofSeconds(Math.max(120, 2L * fans * 60 / Math.max(1, admissionPerMinute) + preQueueSeconds));
    }

    @Override
    public String toString() {
        return "baseUrl=" + baseUrl + " fans=" + fans + " seats=" + seats + " ramp=" + rampSeconds + "s preQueue="
                + preQueueSeconds + "s admission=" + admissionPerMinute + "/min hold=" + holdSeconds + "s abandon="
                + abandonRatio + " chosen=" + chosenRatio + " maxTickets=" + maxTickets + " p99<" + p99Millis
                + "ms KO<" + maxKoPercent + "%";
    }
}
