package io.surge.ticketing.waitingroom.queue;

/** Where a user stands. */
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
