package io.surge.ticketing.load;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;
import java.time.Instant;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The on-sale: an event opens at T0; fans arrive before and after it, mint tokens, join the waiting room (the
 * early ones get a random position at T0, later ones queue behind), poll until admitted, read availability,
 * reserve chosen or best-available seats and pay or walk away. Run it with
 * {@code ./ticketing load SurgeSimulation -Dfans=10000 -Dseats=2000}; the invariant check follows.
 */
public class SurgeSimulation extends Simulation {

    private final LoadParameters parameters = LoadParameters.fromSystemProperties();
    private final SurgeReport report = new SurgeReport();
    private final Sale sale;

    public SurgeSimulation() {
        Sale.forget();
        // T0 leaves room for the whole ramp before it: the fans who arrive early are the pre-queue
        Instant onSaleAt = Instant.now().plusSeconds(Math.max(parameters.preQueueSeconds(), parameters.rampSeconds() + 5L));
        sale = new SaleSetup(parameters).create("Surge " + Instant.now().getEpochSecond(), onSaleAt);
        System.out.printf("Surge: event %d, %d seats, T0 %s; %s%n", sale.eventId(), sale.seatCount(), onSaleAt, parameters);

        FanJourney fan = new FanJourney(parameters, sale, report);
        ScenarioBuilder fans = scenario("fans").exec(
                fan.arrive(), fan.mintTokenAndJoin(), fan.awaitAdmission(), fan.reserveAndPay());

        setUp(fans.injectOpen(rampUsers(parameters.fans()).during(Duration.ofSeconds(parameters.rampSeconds()))))
                .protocols(http.baseUrl(parameters.baseUrl()).acceptHeader("application/json").disableCaching()
                        .shareConnections())
                .assertions(
                        global().failedRequests().percent().lte(parameters.maxKoPercent()),
                        global().responseTime().percentile(99.0).lt(parameters.p99Millis()));
    }

    @Override
    public void after() {
        System.out.println("Fans: " + report.describe());
    }
}
