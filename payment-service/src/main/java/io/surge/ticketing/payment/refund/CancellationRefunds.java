package io.surge.ticketing.payment.refund;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.surge.ticketing.contracts.messages.RefundRequested;
import io.surge.ticketing.payment.booking.BookingClient;
import io.surge.ticketing.payment.booking.BookingUnavailableException;
import io.surge.ticketing.payment.booking.BookingView;
import io.surge.ticketing.payment.checkout.ConfirmedPayments.PaidCharge;
import io.surge.ticketing.payment.provider.ProviderUnavailableException;

/**
 * booking-service asks for the refund of a paid booking (one request per CONFIRMED booking of a cancelled event):
 * the same use case as a fan's refund, by the system, without deadline. Technical failures are thrown to be retried
 * (nothing is skipped); a request that can never be carried out is a {@link PoisonRefundRequest}.
 */
@Service
class CancellationRefunds {

    static final String SYSTEM = "system";
    private static final Logger log = LoggerFactory.getLogger(CancellationRefunds.class);

    private final Refunds refunds;
    private final BookingClient bookings;
    private final RefundProperties properties;

    CancellationRefunds(Refunds refunds, BookingClient bookings, RefundProperties properties) {
        this.refunds = refunds;
        this.bookings = bookings;
        this.properties = properties;
    }

    /**
     * Refunds the booking once (a redelivery finds its refund and only finishes it).
     *
     * @throws RefundDeferred            when the provider or booking-service fails now, or someone else works on it
     * @throws BookingUnavailableException when the booking cannot be read now
     * @throws PoisonRefundRequest       when the request can never be carried out
     */
    void refund(RefundRequested request) {
        Optional<BookingRefund> existing = refunds.existing(request.bookingId());
        Refunds.Opened opened;
        if (existing.isPresent()) {
            opened = new Refunds.Opened(existing.get(), false);
        } else {
            BookingView booking = bookings.find(request.bookingId())
                    .orElseThrow(() -> new PoisonRefundRequest("booking " + request.bookingId() + " does not exist"));
            if (BookingView.REFUNDED.equals(booking.status())) {
                log.info("booking {} was refunded already (refund {})", booking.bookingId(), booking.refundId());
                return;
            }
            if (!BookingView.CONFIRMED.equals(booking.status())) {
                throw new PoisonRefundRequest("booking " + booking.bookingId() + " is " + booking.status()
                        + ", not CONFIRMED: nothing to refund");
            }
            opened = refunds.open(booking, chargeOf(booking), reason(request), SYSTEM);
        }
        BookingRefund done = refunds.carryOut(opened, properties.responseWait());
        if (done.state() == BookingRefund.State.FAILED) {
            throw new PoisonRefundRequest("refund " + done.refundId() + " of booking " + done.bookingId()
                    + " failed: " + done.failure());
        }
    }

    private PaidCharge chargeOf(BookingView booking) {
        try {
            return refunds.chargeOf(booking);
        } catch (Refunds.NoPaymentFound e) {
            throw new PoisonRefundRequest(e.getMessage() + " (payment id " + booking.paymentId() + ")");
        } catch (ProviderUnavailableException e) {
            throw new RefundDeferred(RefundDeferred.Why.PROVIDER_UNAVAILABLE, e.getMessage(), e);
        }
    }

    private static String reason(RefundRequested request) {
        return request.reason() == null || request.reason().isBlank() ? RefundRequested.EVENT_CANCELLED : request.reason();
    }

    /** A refund request that retrying can never carry out: it goes to the dead-letter topic for someone to look at. */
    static class PoisonRefundRequest extends RuntimeException {

        PoisonRefundRequest(String message) {
            super(message);
        }

        PoisonRefundRequest(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
