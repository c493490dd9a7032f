package io.surge.ticketing.waitingroom.queue;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of join and status: small and the same for both. {@code position} is how many numbers are still to be
 * served before this one ({@code queue_number - serving}); it is null in the pre-queue, where nobody has a place.
 *
 * @param queueNumber    the user's fixed place in line (null in the pre-queue)
 * @param admissionToken only when ADMITTED
 */
record QueueView(
        QueueStatus status,
        Long position,
        Long etaSeconds,
        Long queueNumber,
        @JsonInclude(JsonInclude.Include.NON_NULL) String admissionToken) {

    /** The pure mapping from a queue number and the serving counter to what the user sees. */
    static QueueView of(QueueStatus status, long number, long serving, int ratePerMinute, String token) {
        return switch (status) {
            case PRE_QUEUE -> new QueueView(QueueStatus.PRE_QUEUE, null, null, null, null);
            case ADMITTED -> new QueueView(QueueStatus.ADMITTED, 0L, 0L, number, token);
            case QUEUED -> {
                long position = Math.max(1, number - serving);
                yield new QueueView(QueueStatus.QUEUED, position, etaSeconds(position, ratePerMinute), number, null);
            }
        };
    }

    static long etaSeconds(long position, int ratePerMinute) {
        if (ratePerMinute <= 0) {
            return Long.MAX_VALUE;
        }
        return (position * 60 + ratePerMinute - 1) / ratePerMinute;
    }
}
