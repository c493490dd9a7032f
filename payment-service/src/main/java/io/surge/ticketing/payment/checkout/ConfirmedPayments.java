package io.surge.ticketing.payment.checkout;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The charge behind a confirmed booking's payment id, for refunding it. */
@Repository
public class ConfirmedPayments {

    private final JdbcClient jdbc;

    ConfirmedPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The provider charge of the CONFIRMED attempt whose payment id (= attempt id) booking-service recorded, or
     * empty when this service made no such payment.
     */
    public Optional<PaidCharge> find(String paymentId) {
        UUID attemptId;
        try {
            attemptId = UUID.fromString(paymentId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT provider_charge_id, amount_cents FROM payment_attempts
                WHERE attempt_id = :id AND state = 'CONFIRMED' AND provider_charge_id IS NOT NULL
                """)
                .param("id", attemptId)
                .query((rs, n) -> new PaidCharge(rs.getString("provider_charge_id"), rs.getLong("amount_cents")))
                .optional();
    }

    /** A charge that paid for a booking: what the provider calls it, and how much it took. */
    public record PaidCharge(String chargeId, long amountCents) {
    }
}
