package io.surge.ticketing.payment;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.admin.AdminClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.surge.ticketing.payment.provider.PaymentProvider;
import io.surge.ticketing.testsupport.TestInfrastructure;

/**
 * payment-service in-process against the local stack's PostgreSQL (schemas of its own), Kafka (topics and groups of
 * its own, the refund-requests consumer on) and Redis, with WireMock standing in for booking-service's internal API
 * (whose refund endpoint may not exist yet), and a provider whose refunds a test can take down. One test class
 * extends it (its {@code @AfterAll} drops what the run made).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(StubbedBookingServiceContext.Provider.class)
public abstract class StubbedBookingServiceContext {

    protected static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    protected static final String SCHEMA = "payment_it_" + RUN;
    protected static final String PROVIDER_SCHEMA = "payment_it_provider_" + RUN;
    protected static final String REFUND_REQUESTS = "booking.refund-requests.it-" + RUN;
    protected static final String REFUND_DEAD_LETTERS = REFUND_REQUESTS + ".dlt";
    protected static final String REFUND_GROUP = "payment-refunds-it-" + RUN;
    private static final String PAYMENT_REQUESTS = "payment.requests.it-" + RUN;
    private static final String PAYMENT_EVENTS = "payment.events.it-" + RUN;

    /** booking-service's internal API, as far as payment-service uses it. */
    protected static final WireMockServer bookingService = new WireMockServer(options().dynamicPort());

    static {
        bookingService.start();
        Runtime.getRuntime().addShutdownHook(new Thread(bookingService::stop));
    }

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.postgres().jdbcUrl("payment", SCHEMA));
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("ticketing.payment.provider.simulated.schema", () -> PROVIDER_SCHEMA);
        registry.add("ticketing.payment.booking.base-url", bookingService::baseUrl);
        registry.add("ticketing.payment.checkout.requests-topic", () -> PAYMENT_REQUESTS);
        registry.add("ticketing.payment.checkout.events-topic", () -> PAYMENT_EVENTS);
        registry.add("ticketing.payment.checkout.consumer-group", () -> "payment-it-" + RUN);
        registry.add("ticketing.payment.refund.requests-topic", () -> REFUND_REQUESTS);
        registry.add("ticketing.payment.refund.dead-letter-topic", () -> REFUND_DEAD_LETTERS);
        registry.add("ticketing.payment.refund.consumer-group", () -> REFUND_GROUP);
        registry.add("ticketing.payment.refund.auto-startup", () -> "true");
        // The reconciler is driven by the tests, not by the clock.
        registry.add("ticketing.payment.checkout.reconcile-interval", () -> "1h");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Provider {

        @Bean
        @Primary
        SwitchableProvider switchableProvider(@Qualifier("simulatedPaymentProvider") PaymentProvider simulator) {
            return new SwitchableProvider(simulator);
        }
    }

    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    private KafkaAdmin kafkaAdmin;

    @AfterAll
    void dropWhatThisRunMade() {
        jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
        jdbc.sql("DROP SCHEMA IF EXISTS " + PROVIDER_SCHEMA + " CASCADE").update();
        try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
            admin.deleteTopics(List.of(PAYMENT_REQUESTS, PAYMENT_EVENTS, REFUND_REQUESTS, REFUND_DEAD_LETTERS)).all().get();
        } catch (Exception e) {
            System.err.println("could not delete this run's topics: " + e);
        }
    }
}
