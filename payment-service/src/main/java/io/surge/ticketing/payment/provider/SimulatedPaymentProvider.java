package io.surge.ticketing.payment.provider;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A provider that behaves like a real one for the test tokens of API.md: {@code tok_visa} succeeds,
 * {@code tok_declined} (and any unknown token) declines, {@code tok_slow} succeeds but answers only after
 * {@code slowDelay}, {@code tok_error} fails retryably. Its ledger is a table, so a kill -9 of
 * payment-service neither loses nor duplicates a charge, and tests can count charges. It refuses to start under
 * the {@code prod} profile unless {@code payment.provider.simulated.insecure-allowed-in-prod} says so.
 */
@Component
class SimulatedPaymentProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentProvider.class);

    private final JdbcClient jdbc;
    private final SimulatedProviderProperties properties;
    private final String charges;

    SimulatedPaymentProvider(JdbcClient jdbc, SimulatedProviderProperties properties, Environment environment) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod") && !properties.insecureAllowedInProd()) {
            throw new IllegalStateException("the simulated payment provider confirms bookings for free (tok_visa) and"
                    + " must not run under the prod profile: plug in a real PaymentProvider, or set"
                    + " payment.provider.simulated.insecure-allowed-in-prod=true for a demo deployment");
        }
        this.jdbc = jdbc;
        this.properties = properties;
        // The schema name is validated as an identifier by the properties, so interpolating it is safe.
        this.charges = properties.schema() + ".charges";
    }

    @Override
    public Charge charge(String idempotencyKey, long amountCents, String paymentToken) {
        pause(properties.latency());
        if ("tok_error".equals(paymentToken)) {
            throw new ProviderUnavailableException("simulated provider error for tok_error");
        }
        if (properties.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < properties.failureRate()) {
            throw new ProviderUnavailableException("simulated random provider failure");
        }
        Charge.Status status = switch (paymentToken) {
            case "tok_visa", "tok_slow" -> Charge.Status.SUCCEEDED;
            default -> Charge.Status.DECLINED;
        };
        // Like a real provider's idempotency: the first charge with a key wins, a repeat returns it.
        jdbc.sql("INSERT INTO " + charges + " (charge_id, idempotency_key, amount_cents, payment_token, status) "
                        + "VALUES (:id, :key, :amount, :token, :status) ON CONFLICT (idempotency_key) DO NOTHING")
                .param("id", "ch_" + UUID.randomUUID().toString().replace("-", ""))
                .param("key", idempotencyKey)
                .param("amount", amountCents)
                .param("token", paymentToken)
                .param("status", status.name())
                .update();
        Charge charge = lookup(idempotencyKey).orElseThrow(
                () -> new ProviderUnavailableException("charge vanished for key " + idempotencyKey));
        if ("tok_slow".equals(paymentToken)) {
            // The money has moved but the answer has not arrived: a crash now leaves the payment in doubt.
            pause(properties.slowDelay());
        }
        return charge;
    }

    @Override
    public Charge refund(String chargeId) {
        pause(properties.latency());
        jdbc.sql("UPDATE " + charges + " SET status = 'REFUNDED', refunded_at = now() "
                        + "WHERE charge_id = :id AND status = 'SUCCEEDED'")
                .param("id", chargeId)
                .update();
        return jdbc.sql("SELECT charge_id, idempotency_key, amount_cents, status FROM " + charges + " WHERE charge_id = :id")
                .param("id", chargeId)
                .query(SimulatedPaymentProvider::charge)
                .optional()
                .orElseThrow(() -> new ProviderUnavailableException("no such charge " + chargeId));
    }

    @Override
    public Optional<Charge> lookup(String idempotencyKey) {
        return jdbc.sql("SELECT charge_id, idempotency_key, amount_cents, status FROM " + charges
                        + " WHERE idempotency_key = :key")
                .param("key", idempotencyKey)
                .query(SimulatedPaymentProvider::charge)
                .optional();
    }

    private static Charge charge(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Charge(rs.getString("charge_id"), rs.getString("idempotency_key"), rs.getLong("amount_cents"),
                Charge.Status.valueOf(rs.getString("status")));
    }

    private static void pause(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.debug("simulated provider interrupted");
            throw new ProviderUnavailableException("interrupted while waiting for the provider", e);
        }
    }
}
