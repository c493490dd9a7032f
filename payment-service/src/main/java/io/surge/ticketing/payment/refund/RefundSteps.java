package io.surge.ticketing.payment.refund;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.surge.ticketing.payment.booking.BookingClient;
import io.surge.ticketing.payment.booking.BookingUnavailableException;
import io.surge.ticketing.payment.booking.RefundRecordResult;
import io.surge.ticketing.payment.idempotency.IdempotencyKeys;
import io.surge.ticketing.payment.provider.PaymentProvider;
import io.surge.ticketing.payment.provider.ProviderUnavailableException;
import io.surge.ticketing.payment.provider.Refund;
import io.surge.ticketing.payment.provider.RefundRefusedException;
import io.surge.ticketing.payment.refund.BookingRefund.State;
import io.surge.ticketing.payment.refund.RefundDeferred.Why;

/**
 * Carries a refund to its end: REQUESTED -> the provider refunds (key {@code refund-<booking id>}) -> PROVIDER_REFUNDED
 * -> booking-service records it -> RECORDED. Every step is repeatable: the provider answers a repeated key with the
 * first refund, booking-service answers a booking already REFUNDED with 200, every transition is guarded. So a crash
 * at any point is finished by whoever takes the refund next (a retry, a redelivery, the reconciler), and the money
 * moves once.
 * <p>
 * Finishing a refund completes, in the same transaction, every idempotency key that waits for it: a fan who retries
 * after a crash gets the stored answer.
 */
@Component
class RefundSteps {

    private static final Logger log = LoggerFactory.getLogger(RefundSteps.class);

    private final BookingRefunds refunds;
    private final PaymentProvider provider;
    private final BookingClient bookings;
    private final IdempotencyKeys keys;
    private final RefundResponses responses;
    private final RefundMetrics metrics;
    private final TransactionTemplate tx;
    private final RefundProperties properties;

    RefundSteps(BookingRefunds refunds, PaymentProvider provider, BookingClient bookings, IdempotencyKeys keys,
            RefundResponses responses, RefundMetrics metrics, TransactionTemplate tx, RefundProperties properties) {
        this.refunds = refunds;
        this.provider = provider;
        this.bookings = bookings;
        this.keys = keys;
        this.responses = responses;
        this.metrics = metrics;
        this.tx = tx;
        this.properties = properties;
    }

    /**
     * Finishes the refund, working on it when nobody else does, or waiting up to {@code wait} for whoever does.
     *
     * @param leased whether the caller holds the lease already (it just inserted the refund)
     * @return the refund RECORDED or FAILED
     * @throws RefundDeferred when it cannot finish now (it is retried later; nothing is lost)
     */
    BookingRefund complete(BookingRefund refund, boolean leased, Duration wait) {
        if (leased) {
            return finish(refund);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        BookingRefund current = refund;
        while (!current.state().finished()) {
            Optional<BookingRefund> mine = refunds.tryLease(current.refundId(), properties.lease());
            if (mine.isPresent()) {
                return finish(mine.get());
            }
            if (System.nanoTime() > deadline) {
                throw new RefundDeferred(Why.BUSY, "refund " + current.refundId() + " is being worked on elsewhere", null);
            }
            pause(properties.joinPollInterval());
            current = refunds.get(current.refundId());
        }
        return current;
    }

    /** Works on a refund whose lease the caller holds. */
    BookingRefund finish(BookingRefund refund) {
        BookingRefund current = refund;
        if (current.state() == State.REQUESTED) {
            Refund made;
            try {
                made = provider.refund(current.providerKey(), current.providerChargeId(), current.amountCents());
            } catch (ProviderUnavailableException e) {
                throw defer(current, Why.PROVIDER_UNAVAILABLE, RefundMetrics.Cause.PROVIDER_UNAVAILABLE, e);
            } catch (RefundRefusedException e) {
                return fail(current, "the provider refused the refund: " + e.getMessage());
            }
            refunds.markProviderRefunded(current.refundId(), made.refundId());
            current = current.providerRefunded(made.refundId());
        }
        if (current.state() == State.PROVIDER_REFUNDED) {
            RefundRecordResult result;
            try {
                result = bookings.recordRefund(current.bookingId(), current.refundId().toString(), current.amountCents());
            } catch (BookingUnavailableException e) {
                throw defer(current, Why.BOOKING_UNAVAILABLE, RefundMetrics.Cause.BOOKING_UNAVAILABLE, e);
            }
            if (result != RefundRecordResult.RECORDED) {
                // The money is back with the fan but the booking refuses the record: a person must reconcile them.
                log.error("refund {} of booking {} was made at the provider ({}) but booking-service answered {}",
                        current.refundId(), current.bookingId(), current.providerRefundId(), result);
                return fail(current, "booking-service refused to record the refund: " + result);
            }
            return record(current);
        }
        return refunds.get(current.refundId());
    }

    private BookingRefund record(BookingRefund refund) {
        Boolean recorded = tx.execute(status -> {
            if (!refunds.markRecorded(refund.refundId())) {
                return false;
            }
            keys.completeAll(refunds.requestsOf(refund.refundId()), responses.refunded(refund));
            return true;
        });
        if (Boolean.TRUE.equals(recorded)) {
            metrics.made(refund.reason());
            log.info("booking {} refunded: refund {} of {} cents ({})", refund.bookingId(), refund.refundId(),
                    refund.amountCents(), refund.reason());
        }
        return refunds.get(refund.refundId());
    }

    private BookingRefund fail(BookingRefund refund, String failure) {
        Boolean failed = tx.execute(status -> {
            if (!refunds.markFailed(refund.refundId(), failure)) {
                return false;
            }
            // 5xx answers are never stored: a key that waited for this refund is freed
            keys.releaseAll(refunds.requestsOf(refund.refundId()));
            return true;
        });
        if (Boolean.TRUE.equals(failed)) {
            metrics.failed(RefundMetrics.Cause.REFUSED);
            log.error("refund {} of booking {} failed for good: {}", refund.refundId(), refund.bookingId(), failure);
        }
        return refunds.get(refund.refundId());
    }

    private RefundDeferred defer(BookingRefund refund, Why why, RefundMetrics.Cause cause, RuntimeException e) {
        metrics.failed(cause);
        try {
            refunds.backOff(refund.refundId(), properties.retryBackoff(), properties.maxRetryBackoff());
        } catch (RuntimeException backOffFailed) {
            log.warn("could not back refund {} off (its lease runs out anyway): {}", refund.refundId(),
                    backOffFailed.toString());
        }
        log.warn("refund {} of booking {} deferred ({}): {}", refund.refundId(), refund.bookingId(), why, e.getMessage());
        return new RefundDeferred(why, why + ": " + e.getMessage(), e);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RefundDeferred(Why.BUSY, "interrupted while waiting for a refund", e);
        }
    }
}
