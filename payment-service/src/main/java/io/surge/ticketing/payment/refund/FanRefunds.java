package io.surge.ticketing.payment.refund;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.async.DeferredResult;

import io.surge.ticketing.payment.booking.BookingClient;
import io.surge.ticketing.payment.booking.BookingUnavailableException;
import io.surge.ticketing.payment.booking.BookingView;
import io.surge.ticketing.payment.checkout.ConfirmedPayments.PaidCharge;
import io.surge.ticketing.payment.idempotency.Fingerprint;
import io.surge.ticketing.payment.idempotency.IdempotencyKeys;
import io.surge.ticketing.payment.idempotency.IdempotencyKeys.IdempotencyKey;
import io.surge.ticketing.payment.idempotency.Operation;
import io.surge.ticketing.payment.idempotency.ParkedRequests;
import io.surge.ticketing.payment.idempotency.StoredResponse;
import io.surge.ticketing.payment.provider.ProviderUnavailableException;

/**
 * A fan refunds their CONFIRMED booking before the event's refund deadline, with an Idempotency-Key and the same key
 * semantics as payments: a replay gets the stored answer, the same key for another request 422, the same key while
 * the first request works waits for its answer (409 IDEMPOTENCY_KEY_IN_USE if that takes longer than the wait).
 * <p>
 * The refund itself is the booking's one refund: a second key, or the event's cancellation, joins it rather than
 * refunding again, and a booking already REFUNDED answers 200 with its refund.
 */
@Service
class FanRefunds {

    private static final Logger log = LoggerFactory.getLogger(FanRefunds.class);

    private final IdempotencyKeys keys;
    private final BookingClient bookings;
    private final Refunds refunds;
    private final BookingRefunds rows;
    private final RefundWaiters waiters;
    private final RefundResponses responses;
    private final TransactionTemplate tx;
    private final RefundProperties properties;
    private final Clock clock;

    FanRefunds(IdempotencyKeys keys, BookingClient bookings, Refunds refunds, BookingRefunds rows, RefundWaiters waiters,
            RefundResponses responses, TransactionTemplate tx, RefundProperties properties, Clock clock) {
        this.keys = keys;
        this.bookings = bookings;
        this.refunds = refunds;
        this.rows = rows;
        this.waiters = waiters;
        this.responses = responses;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /** @param reason the fan's optional reason (part of the request: another reason with the same key is a 422) */
    record RefundCommand(UUID bookingId, String userId, String idempotencyKey, String reason) {

        String fingerprint() {
            return Fingerprint.of("refund", bookingId.toString(), reason == null ? "" : reason);
        }
    }

    DeferredResult<ResponseEntity<String>> refund(RefundCommand command) {
        String fingerprint = command.fingerprint();
        // A known key is answered from the store before anything else: replays never reach booking or provider.
        Optional<IdempotencyKey> known = keys.find(Operation.REFUND, command.userId(), command.idempotencyKey());
        if (known.isPresent()) {
            return answerKnown(known.get(), fingerprint, command.bookingId());
        }
        BookingView booking;
        Optional<BookingRefund> existing;
        PaidCharge charge = null;
        try {
            booking = readOwnBooking(command);
            existing = refunds.existing(command.bookingId());
            if (existing.isEmpty()) {
                if (BookingView.REFUNDED.equals(booking.status())) {
                    // Refunded without a refund of ours (recorded before this service kept them): answer what booking says.
                    return ParkedRequests.answered(responses.refunded(booking.bookingId(), booking.refundId(),
                            booking.refundedCents() != null ? booking.refundedCents() : booking.totalCents()));
                }
                checkRefundable(booking);
                charge = chargeOf(booking);
            }
        } catch (RefundRefusal refusal) {
            // A concurrent request with the same key may have got further: its answer is the one to share.
            return answerKnownOrRefuse(command, fingerprint, refusal);
        }
        UUID requestId = UUID.randomUUID();
        PaidCharge paid = charge;
        Refunds.Opened opened = tx.execute(status -> {
            if (!keys.claim(Operation.REFUND, command.userId(), command.idempotencyKey(), fingerprint, requestId)) {
                return null;
            }
            Refunds.Opened refund = existing.map(row -> new Refunds.Opened(row, false))
                    .orElseGet(() -> refunds.open(booking, paid, RefundMetrics.CUSTOMER, command.userId()));
            rows.addRequest(requestId, refund.refund().refundId());
            return refund;
        });
        if (opened == null) {
            // A concurrent request with the same key won the claim: answer like any duplicate.
            return keys.find(Operation.REFUND, command.userId(), command.idempotencyKey())
                    .map(key -> answerKnown(key, fingerprint, command.bookingId()))
                    .orElseGet(() -> refund(command));
        }
        StoredResponse response = carryOut(opened, requestId);
        waiters.settled(requestId, response);
        return ParkedRequests.answered(response);
    }

    private StoredResponse carryOut(Refunds.Opened opened, UUID requestId) {
        UUID bookingId = opened.refund().bookingId();
        try {
            BookingRefund done = refunds.carryOut(opened, properties.responseWait());
            if (done.state() == BookingRefund.State.RECORDED) {
                StoredResponse refunded = responses.refunded(done);
                keys.complete(requestId, refunded); // done already unless the refund finished before our request joined
                return refunded;
            }
            keys.release(requestId);
            return responses.refused(bookingId);
        } catch (RefundDeferred deferred) {
            return switch (deferred.why()) {
                // Someone else works on it and finishes it: our key stays in progress and gets their answer.
                case BUSY -> responses.inUse(bookingId);
                case PROVIDER_UNAVAILABLE -> {
                    keys.release(requestId);
                    yield responses.providerUnavailable(bookingId);
                }
                case BOOKING_UNAVAILABLE -> {
                    keys.release(requestId);
                    yield responses.bookingUnavailable(bookingId);
                }
            };
        }
    }

    private void checkRefundable(BookingView booking) {
        if (!BookingView.CONFIRMED.equals(booking.status())) {
            throw RefundRefusal.notConfirmed(booking.status());
        }
        if (!booking.refundWindowOpenAt(clock.instant())) {
            throw RefundRefusal.windowClosed();
        }
    }

    private PaidCharge chargeOf(BookingView booking) {
        try {
            return refunds.chargeOf(booking);
        } catch (Refunds.NoPaymentFound e) {
            log.error("CONFIRMED booking {} has no payment known here (payment id {})", booking.bookingId(),
                    booking.paymentId());
            throw RefundRefusal.noPayment();
        } catch (ProviderUnavailableException e) {
            throw RefundRefusal.providerUnavailable();
        }
    }

    private BookingView readOwnBooking(RefundCommand command) {
        try {
            return bookings.find(command.bookingId())
                    .filter(booking -> booking.ownedBy(command.userId()))
                    .orElseThrow(RefundRefusal::bookingNotFound);
        } catch (BookingUnavailableException e) {
            log.warn("cannot read booking {}: {}", command.bookingId(), e.getMessage());
            throw RefundRefusal.bookingUnavailable();
        }
    }

    private DeferredResult<ResponseEntity<String>> answerKnownOrRefuse(RefundCommand command, String fingerprint,
            RefundRefusal refusal) {
        return keys.find(Operation.REFUND, command.userId(), command.idempotencyKey())
                .map(key -> answerKnown(key, fingerprint, command.bookingId()))
                .orElseThrow(() -> refusal);
    }

    private DeferredResult<ResponseEntity<String>> answerKnown(IdempotencyKey key, String fingerprint, UUID bookingId) {
        if (!key.requestHash().equals(fingerprint)) {
            throw RefundRefusal.keyReused();
        }
        if (key.completed()) {
            return ParkedRequests.answered(key.response());
        }
        return waiters.await(key.requestId(), properties.responseWait(), responses.inUse(bookingId));
    }
}
