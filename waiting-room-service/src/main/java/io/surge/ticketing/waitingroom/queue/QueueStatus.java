package io.surge.ticketing.waitingroom.queue;

import io.swagger.v3.oas.annotations.media.Schema;

/** Where a user stands. */
@Schema(description = "PRE_QUEUE: joined before the sale, no place yet (a random one at the sale start); QUEUED: has a "
        + "queue number not served yet; ADMITTED: may reserve with the admission token; SOLD_OUT: has a place, but "
        + "admission is paused while every seat is held or sold; CLOSED: the line closed for good (see reason)",
        example = "QUEUED")
enum QueueStatus {
    /** Joined before the sale: no place yet, the raffle at T0 gives one. */
    PRE_QUEUE,
    /** Has a queue number that is not served yet. */
    QUEUED,
    /** Served: may use the booking API with the admission token. */
    ADMITTED,
    /** Has a place, but every seat is held or sold: admission is paused until seats come back. */
    SOLD_OUT,
    /** The line is closed for good (the event was cancelled, or the show started): nobody more is admitted. */
    CLOSED
}
