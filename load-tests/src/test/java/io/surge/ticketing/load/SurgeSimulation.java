package io.surge.ticketing.load;

import static io.gatling.javaapi.core.CoreDsl.rampUsers;

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

        ScenarioBuilder fans = new FanJourney(parameters, sale, report).scenario("fans");

        setUp(fans.injectOpen(rampUsers(parameters.fans()).during(Duration.ofSeconds(parameters.rampSeconds()))))
                .protocols(parameters.protocol())
                .assertions(parameters.assertions());
    }

    @Override
    public void after() {
        System.out.println("Fans: " + report.describe());
    }
}
