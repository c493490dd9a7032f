package io.surge.ticketing.payment.refund;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.surge.ticketing.payment.booking.BookingView;
import io.surge.ticketing.payment.checkout.ConfirmedPayments;
import io.surge.ticketing.payment.checkout.ConfirmedPayments.PaidCharge;
import io.surge.ticketing.payment.provider.Charge;
import io.surge.ticketing.payment.provider.PaymentProvider;
import io.surge.ticketing.payment.provider.ProviderUnavailableException;

/**
 * Refunding a paid booking exactly once, whoever asks (a fan, the event's cancellation): the booking's one refund is
 * opened (or the existing one joined) and carried to its end by {@link RefundSteps}. Callers decide who may ask.
 */
@Service
class Refunds {

    private final BookingRefunds refunds;
    private final RefundSteps steps;
    private final ConfirmedPayments payments;
    private final PaymentProvider provider;
    private final RefundProperties properties;

    Refunds(BookingRefunds refunds, RefundSteps steps, ConfirmedPayments payments, PaymentProvider provider,
            RefundProperties properties) {
        this.refunds = refunds;
        this.steps = steps;
        this.payments = payments;
        this.provider = provider;
        this.properties = properties;
    }

    /** A booking's refund, and whether the caller opened it (then it holds the lease and works on it). */
    record Opened(BookingRefund refund, boolean leased) {
    }

    Optional<BookingRefund> existing(UUID bookingId) {
        return refunds.findByBooking(bookingId);
    }

    /**
     * The charge that paid for the booking: our confirmed attempt with the booking's payment id, or else the provider's
     * charge made with that key.
     *
     * @throws NoPaymentFound             when neither knows one (nothing can be refunded)
     * @throws ProviderUnavailableException when the provider cannot be asked now
     */
    PaidCharge chargeOf(BookingView booking) {
        Optional<PaidCharge> ours = payments.find(booking.paymentId());
        if (ours.isPresent()) {
            return ours.get();
        }
        if (booking.paymentId() == null || booking.paymentId().isBlank()) {
            throw new NoPaymentFound(booking.bookingId());
        }
        return provider.lookup(booking.paymentId())
                .filter(charge -> charge.status() == Charge.Status.SUCCEEDED)
                .map(charge -> new PaidCharge(charge.chargeId(), charge.amountCents()))
                .orElseThrow(() -> new NoPaymentFound(booking.bookingId()));
    }

    /** Opens the refund of a CONFIRMED booking, or joins the one it has; may run inside the caller's transaction. */
    Opened open(BookingView booking, PaidCharge charge, String reason, String requestedBy) {
        BookingRefund fresh = new BookingRefund(UUID.randomUUID(), booking.bookingId(), booking.eventId(),
                booking.userId(), booking.paymentId(), charge.chargeId(), charge.amountCents(), reason, requestedBy,
                BookingRefund.State.REQUESTED, null, null);
        return refunds.insertLeased(fresh, properties.lease())
                .map(inserted -> new Opened(inserted, true))
                .orElseGet(() -> new Opened(refunds.findByBooking(booking.bookingId()).orElseThrow(), false));
    }

    /** See {@link RefundSteps#complete}. */
    BookingRefund carryOut(Opened opened, Duration wait) {
        return steps.complete(opened.refund(), opened.leased(), wait);
    }

    /** Neither this service nor the provider knows a payment of the booking: there is nothing to refund. */
    static class NoPaymentFound extends RuntimeException {

        NoPaymentFound(UUID bookingId) {
            super("no payment of booking " + bookingId + " is known");
        }
    }
}
