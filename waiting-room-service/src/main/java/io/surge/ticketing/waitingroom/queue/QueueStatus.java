package io.surge.ticketing.waitingroom.queue;

/** Where a user stands. */
enum QueueStatus {
    /** Joined before the sale: no place yet, the raffle at T0 gives one. */
    PRE_QUEUE,
    /** Has a queue number that is not served yet. */
    QUEUED,
    /** Served: may use the booking API with the admission token. */
    ADMITTED
}
