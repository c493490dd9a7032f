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

/**
 * A provider that behaves like a real one for the test tokens of API.md: {@code tok_visa} succeeds,
 * {@code tok_declined} (and any unknown token) declines, {@code tok_slow} succeeds but answers only after
 * {@code slowDelay}, {@code tok_error} fails retryably. Refunds are idempotent by key like Stripe's: the same key
 * answers the same refund, and a charge is refunded at most once. Its ledger is two tables ({@code charges},
 * {@code refunds}), so a kill -9 of payment-service neither loses nor duplicates a charge or a refund, and tests can
 * count both. It refuses to start under the {@code prod} profile unless
 * {@code ticketing.payment.provider.simulated.insecure-allowed-in-prod} says so.
 */
class SimulatedPaymentProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(SimulatedPaymentProvider.class);

    private final JdbcClient jdbc;
    private final SimulatedProviderProperties properties;
    private final String charges;
    private final String refunds;

    SimulatedPaymentProvider(JdbcClient jdbc, SimulatedProviderProperties properties, Environment environment) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod") && !properties.insecureAllowedInProd()) {
            throw new IllegalStateException("the simulated payment provider confirms bookings for free (tok_visa) and"
                    + " must not run under the prod profile: plug in a real PaymentProvider, or set"
                    + " ticketing.payment.provider.simulated.insecure-allowed-in-prod=true for a demo deployment");
        }
        this.jdbc = jdbc;
        this.properties = properties;
        // The schema name is validated as an identifier by the properties, so interpolating it is safe.
        this.charges = properties.schema() + ".charges";
        this.refunds = properties.schema() + ".refunds";
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
    public Refund refund(String idempotencyKey, String chargeId, long amountCents) {
        pause(properties.latency());
        if (properties.refundFailureRate() > 0 && ThreadLocalRandom.current().nextDouble() < properties.refundFailureRate()) {
            throw new ProviderUnavailableException("simulated random provider failure of a refund");
        }
        if (amountCents <= 0) {
            throw new RefundRefusedException("a refund must be of a positive amount, not " + amountCents);
        }
        // One statement: the charge turns REFUNDED and the refund is recorded under our key, or nothing happens. A
        // concurrent call with the same key waits for the charge's row lock and then finds it REFUNDED.
        jdbc.sql("WITH refunded AS (UPDATE " + charges + " SET status = 'REFUNDED', refunded_at = now() "
                        + "WHERE charge_id = :charge AND status = 'SUCCEEDED' AND amount_cents >= :amount "
                        + "AND NOT EXISTS (SELECT 1 FROM " + refunds + " WHERE idempotency_key = :key) RETURNING charge_id) "
                        + "INSERT INTO " + refunds + " (refund_id, idempotency_key, charge_id, amount_cents) "
                        + "SELECT :id, :key, charge_id, :amount FROM refunded ON CONFLICT (idempotency_key) DO NOTHING")
                .param("id", "re_" + UUID.randomUUID().toString().replace("-", ""))
                .param("key", idempotencyKey)
                .param("charge", chargeId)
                .param("amount", amountCents)
                .update();
        Optional<Refund> made = jdbc.sql("SELECT refund_id, idempotency_key, charge_id, amount_cents FROM " + refunds
                        + " WHERE idempotency_key = :key")
                .param("key", idempotencyKey)
                .query((rs, n) -> new Refund(rs.getString("refund_id"), rs.getString("idempotency_key"),
                        rs.getString("charge_id"), rs.getLong("amount_cents")))
                .optional();
        if (made.isPresent()) {
            if (!made.get().chargeId().equals(chargeId) || made.get().amountCents() != amountCents) {
                // Stripe answers 400 idempotency_error when a key is reused with other parameters.
                throw new RefundRefusedException("idempotency key " + idempotencyKey + " was used for another refund");
            }
            return made.get();
        }
        Charge charge = jdbc.sql("SELECT charge_id, idempotency_key, amount_cents, status FROM " + charges
                        + " WHERE charge_id = :id")
                .param("id", chargeId)
                .query(SimulatedPaymentProvider::charge)
                .optional()
                .orElseThrow(() -> new RefundRefusedException("no such charge " + chargeId));
        throw new RefundRefusedException(switch (charge.status()) {
            case REFUNDED -> "charge " + chargeId + " is already refunded";
            case DECLINED -> "charge " + chargeId + " did not succeed";
            case SUCCEEDED -> "refund of " + amountCents + " exceeds charge " + chargeId + " of " + charge.amountCents();
        });
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
