package io.surge.ticketing.waitingroom.queue;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of join and status: small and the same for both. {@code position} is how many numbers are still to be
 * served before this one ({@code queue_number - serving}); it is null in the pre-queue, where nobody has a place.
 *
 * @param etaSeconds     null where no estimate can be made (pre-queue, sold out, closed)
 * @param queueNumber    the user's fixed place in line (null in the pre-queue)
 * @param admissionToken only when ADMITTED
 * @param reason         only when CLOSED: {@code EVENT_CANCELLED} or {@code SALE_CLOSED}
 */
@Schema(description = "A fan's entry in an event's waiting room")
record QueueView(
        @Schema(description = "where the fan stands", requiredMode = Schema.RequiredMode.REQUIRED)
        QueueStatus status,
        @Schema(description = "how many numbers are still to be served before the fan's (queue_number - serving); "
                + "0 when admitted; null in the pre-queue and once closed", example = "1520", nullable = true)
        Long position,
        @Schema(description = "estimated seconds until the fan's turn at the current pace; null where no estimate "
                + "can be made (pre-queue, sold out, closed)", example = "76", nullable = true)
        Long etaSeconds,
        @Schema(description = "the fan's fixed place in line: admitted once `serving` of the progress reaches it; "
                + "null in the pre-queue and once closed", example = "48213", nullable = true)
        Long queueNumber,
        @Schema(description = "only when ADMITTED: the signed token naming this fan and event, sent as "
                + "`X-Admission-Token` to reserve and pay; it expires with the admitted session",
                example = "v2.3f9a1c0e.eyJ1IjoidS0xIiwiZSI6NDJ9.q1v8nV3wq0f3b2cXyZ")
        @JsonInclude(JsonInclude.Include.NON_NULL) String admissionToken,
        @Schema(description = "only when CLOSED: why the line closed", allowableValues = {"EVENT_CANCELLED",
                "SALE_CLOSED"}, example = "EVENT_CANCELLED")
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
        @Schema(description = "only for a place in the presale line: PRESALE (poll `status`, not the general "
                + "`progress`, whose numbers are the general line's)", allowableValues = {"PRESALE"},
                example = "PRESALE")
        @JsonInclude(JsonInclude.Include.NON_NULL) String line) {

    QueueView(QueueStatus status, Long position, Long etaSeconds, Long queueNumber, String admissionToken,
            String reason) {
        this(status, position, etaSeconds, queueNumber, admissionToken, reason, null);
    }

    /** The same entry, in the presale line. */
    QueueView inPresale() {
        return new QueueView(status, position, etaSeconds, queueNumber, admissionToken, reason, "PRESALE");
    }

    /** The pure mapping from a queue number and the serving counter to what the user sees. */
    static QueueView of(QueueStatus status, long number, long serving, int ratePerMinute, String token) {
        return switch (status) {
            case PRE_QUEUE -> new QueueView(QueueStatus.PRE_QUEUE, null, null, null, null, null);
            case ADMITTED -> new QueueView(QueueStatus.ADMITTED, 0L, 0L, number, token, null);
            case QUEUED -> {
                long position = Math.max(1, number - serving);
                yield new QueueView(QueueStatus.QUEUED, position, etaSeconds(position, ratePerMinute), number, null, null);
            }
            // the line keeps its order while paused; a fan served just before the pause stands at the front (0)
            case SOLD_OUT -> new QueueView(QueueStatus.SOLD_OUT, Math.max(0, number - serving), null, number, null, null);
            case CLOSED -> throw new IllegalArgumentException("a closed line has a reason: use closed(reason)");
        };
    }

    /** The line closed for good: no place, no token, only why. */
    static QueueView closed(String reason) {
        return new QueueView(QueueStatus.CLOSED, null, null, null, null, reason);
    }

    static long etaSeconds(long position, int ratePerMinute) {
        if (ratePerMinute <= 0) {
            return Long.MAX_VALUE;
        }
        return (position * 60 + ratePerMinute - 1) / ratePerMinute;
    }
}
