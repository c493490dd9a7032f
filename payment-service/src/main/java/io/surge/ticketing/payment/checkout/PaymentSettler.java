package io.surge.ticketing.payment.checkout;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.payment.booking.BookingClient;
import io.surge.ticketing.payment.booking.BookingUnavailableException;
import io.surge.ticketing.payment.booking.ConfirmResult;
import io.surge.ticketing.payment.checkout.Settlements.Outcome;
import io.surge.ticketing.payment.provider.Charge;
import io.surge.ticketing.payment.provider.PaymentProvider;
import io.surge.ticketing.payment.provider.ProviderUnavailableException;
import io.surge.ticketing.payment.provider.RefundRefusedException;

/**
 * Charges an attempt this worker owns and confirms its booking, or refunds when the hold is gone.
 * Every step is repeatable: the provider dedupes by our key, booking confirm is a guarded transition that
 * accepts the same payment id twice, refunds are idempotent by their key ({@code void-<attempt id>}). So a crash at
 * any point is finished by the reconciler calling the same steps again.
 */
@Component
class PaymentSettler {

    private static final Logger log = LoggerFactory.getLogger(PaymentSettler.class);

    private final PaymentProvider provider;
    private final BookingClient bookings;
    private final PaymentAttempts attempts;
    private final Settlements settlements;
    private final InflightMarker inflight;
    private final ChargeRateLimiter rateLimiter;
    private final Clock clock;
    private final AtomicInteger charging = new AtomicInteger();

    PaymentSettler(PaymentProvider provider, BookingClient bookings, PaymentAttempts attempts, Settlements settlements,
            InflightMarker inflight, CheckoutProperties properties, Clock clock, MeterRegistry meters) {
        this.provider = provider;
        this.bookings = bookings;
        this.attempts = attempts;
        this.settlements = settlements;
        this.inflight = inflight;
        this.rateLimiter = ChargeRateLimiter.perSecond(properties.maxChargesPerSecond());
        this.clock = clock;
        Gauge.builder("payments.inflight", charging, AtomicInteger::get)
                .description("payments between the provider call and their settlement in this instance")
                .register(meters);
    }

    /** Charges a freshly claimed attempt (state CHARGING) and settles it. */
    void chargeAndSettle(PaymentAttempt attempt) {
        if (attempt.holdExpiredAt(clock.instant())) {
            // Waited too long in the buffer: never charge a hold that is already gone.
            settlements.settle(attempt, Outcome.HOLD_EXPIRED);
            return;
        }
        if (!inflight.mark(attempt.bookingId(), attempt.attemptId())) {
            settlements.settle(attempt, Outcome.SERVICE_UNAVAILABLE);
            return;
        }
        charging.incrementAndGet();
        try {
            rateLimiter.acquire();
            Charge charge;
            try {
                charge = provider.charge(attempt.providerKey(), attempt.amountCents(), attempt.paymentToken());
            } catch (ProviderUnavailableException e) {
                // The outcome is unknown: the charge may have landed before the failure. Ask before giving up.
                Optional<Charge> landed = lookupQuietly(attempt);
                if (landed.isEmpty()) {
                    log.info("provider failed for attempt {}: {}", attempt.attemptId(), e.getMessage());
                    settlements.settle(attempt, Outcome.PAYMENT_PROVIDER_ERROR);
                    return;
                }
                charge = landed.get();
            }
            afterCharge(attempt, charge);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            charging.decrementAndGet();
            inflight.clear(attempt.bookingId(), attempt.attemptId());
        }
    }

    /** Finishes an attempt whose worker is gone (the reconciler owns it now). */
    void resume(PaymentAttempt attempt) {
        switch (attempt.state()) {
            case CHARGING -> {
                Optional<Charge> charge = provider.lookup(attempt.providerKey());
                if (charge.isEmpty()) {
                    // Nobody charged it and nobody will (its lease ran out): free the key for a retry.
                    settlements.settle(attempt, Outcome.PAYMENT_PROVIDER_ERROR);
                } else {
                    withMarker(attempt, () -> afterCharge(attempt, charge.get()));
                }
            }
            case CHARGED -> withMarker(attempt, () -> confirmOrRefund(attempt, attempt.providerChargeId()));
            default -> throw new IllegalStateException("cannot resume an attempt in state " + attempt.state());
        }
    }

    private void afterCharge(PaymentAttempt attempt, Charge charge) {
        switch (charge.status()) {
            case DECLINED -> settlements.settle(attempt, Outcome.PAYMENT_DECLINED);
            case REFUNDED -> settlements.settle(attempt, Outcome.HOLD_EXPIRED);
            case SUCCEEDED -> {
                attempts.markCharged(attempt.attemptId(), charge.chargeId());
                confirmOrRefund(attempt, charge.chargeId());
            }
        }
    }

    private void confirmOrRefund(PaymentAttempt attempt, String chargeId) {
        ConfirmResult result;
        try {
            result = bookings.confirm(attempt.bookingId(), attempt.paymentId());
        } catch (BookingUnavailableException e) {
            // Charged but not confirmed: the attempt stays CHARGED and the reconciler retries after the lease.
            log.warn("attempt {} charged but booking-service did not confirm: {}", attempt.attemptId(), e.getMessage());
            return;
        }
        if (result == ConfirmResult.CONFIRMED) {
            settlements.settle(attempt, Outcome.CONFIRMED);
            return;
        }
        try {
            provider.refund(attempt.voidKey(), chargeId, attempt.amountCents());
        } catch (ProviderUnavailableException e) {
            log.warn("refund of attempt {} failed, the reconciler retries: {}", attempt.attemptId(), e.getMessage());
            return;
        } catch (RefundRefusedException e) {
            // Nothing of the fan's is kept (no such charge, or refunded already): the hold is gone all the same.
            log.error("provider refused to refund attempt {} ({}): check charge {}", attempt.attemptId(), e.getMessage(),
                    chargeId);
        }
        log.info("attempt {} refunded: booking {} answered {}", attempt.attemptId(), attempt.bookingId(), result);
        settlements.settle(attempt, Outcome.HOLD_EXPIRED);
    }

    private Optional<Charge> lookupQuietly(PaymentAttempt attempt) {
        try {
            return provider.lookup(attempt.providerKey());
        } catch (RuntimeException e) {
            // Unknown: leave the attempt CHARGING; the reconciler asks again after the lease.
            throw new ProviderUnavailableException("charge outcome unknown for " + attempt.attemptId(), e);
        }
    }

    private void withMarker(PaymentAttempt attempt, Runnable work) {
        inflight.mark(attempt.bookingId(), attempt.attemptId());
        charging.incrementAndGet();
        try {
            work.run();
        } finally {
            charging.decrementAndGet();
            inflight.clear(attempt.bookingId(), attempt.attemptId());
        }
    }
}
