package io.surge.ticketing.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;

import java.time.Duration;
import java.time.Instant;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The write path at a target rate: an event already on sale, fans arriving at {@code -Drate} per second for
 * {@code -Dduration} seconds, each admitted through the waiting room, reserving and paying (or abandoning).
 */
public class WritePathSimulation extends Simulation {

    private final LoadParameters parameters = LoadParameters.fromSystemProperties();
    private final SurgeReport report = new SurgeReport();

    public WritePathSimulation() {
        Sale.forget();
        Sale sale = new SaleSetup(parameters).create("Write path " + Instant.now().getEpochSecond(),
                Instant.now().minusSeconds(1));
        System.out.printf("Write path: event %d, %d seats, %.0f fans/s for %d s; %s%n", sale.eventId(),
                sale.seatCount(), parameters.ratePerSecond(), parameters.durationSeconds(), parameters);

        ScenarioBuilder fans = new FanJourney(parameters, sale, report).scenario("buyers");

        setUp(fans.injectOpen(constantUsersPerSec(parameters.ratePerSecond())
                .during(Duration.ofSeconds(parameters.durationSeconds()))))
                .protocols(parameters.protocol())
                .assertions(parameters.assertions());
    }

    @Override
    public void after() {
        System.out.println("Fans: " + report.describe());
    }
}
