package io.surge.ticketing.payment.refund;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;

import io.surge.ticketing.contracts.messages.MessageJson;
import io.surge.ticketing.contracts.messages.RefundRequested;
import io.surge.ticketing.payment.refund.CancellationRefunds.PoisonRefundRequest;

/**
 * Consumes {@code booking.refund-requests} (group {@code payment-refunds}). A failure is thrown to the container's
 * error handler: technical ones are retried with back-off for as long as they last (the partition waits, nothing is
 * skipped), poison records go to the dead-letter topic. Offsets are committed after each record's work, and the work
 * is idempotent per booking, so a kill -9 mid-job neither skips nor repeats a refund.
 */
@Component
class RefundRequestListener {

    private final CancellationRefunds refunds;

    RefundRequestListener(CancellationRefunds refunds) {
        this.refunds = refunds;
    }

    @KafkaListener(id = "${ticketing.payment.refund.consumer-group}",
            topics = "${ticketing.payment.refund.requests-topic}",
            concurrency = "${ticketing.payment.refund.consumer-concurrency}",
            autoStartup = "${ticketing.payment.refund.auto-startup}",
            containerFactory = RefundKafkaConfiguration.CONTAINER_FACTORY)
    void onRefundRequested(String payload) {
        refunds.refund(read(payload));
    }

    static RefundRequested read(String payload) {
        RefundRequested request;
        try {
            request = MessageJson.mapper().readValue(payload, RefundRequested.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new PoisonRefundRequest("unreadable refund request: " + e.getMessage(), e);
        }
        if (request == null || request.bookingId() == null) {
            throw new PoisonRefundRequest("a refund request without booking_id: " + payload);
        }
        return request;
    }
}
