package io.surge.ticketing.cleanup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cleanup worker's pace ({@code ticketing.cleanup.*}). The intervals {@code @Scheduled} reads through placeholders
 * have no default here: placeholders resolve against the environment, so their one default is in application.yml.
 *
 * @param pollInterval      how often the delay queue is polled; with the release time this bounds the lateness
 * @param claimBatch        holds claimed (and released in one transaction) per poll
 * @param inflightRetry     a hold whose payment is in flight is looked at again this much later
 * @param sweepInterval     how often Postgres is swept for expired holds the queue lost
 * @param sweepGrace        the sweep leaves holds this recently expired to the queue
 * @param sweepBatch        holds per sweep transaction
 * @param bitfieldInterval  how often every event's bitfield is compared with Postgres
 * @param requeueInterval   how often the worker checks whether Redis lost the delay queue (and refills it)
 * @param redisKeyPrefix    put before every Redis key, only so integration tests can run a worker beside the real one
 *                          without either touching the other's keys; unset everywhere else
 */
@ConfigurationProperties("ticketing.cleanup")
public record CleanupProperties(
        Duration pollInterval,
        @DefaultValue("500") int claimBatch,
        @DefaultValue("3s") Duration inflightRetry,
        Duration sweepInterval,
        @DefaultValue("2s") Duration sweepGrace,
        @DefaultValue("500") int sweepBatch,
        Duration bitfieldInterval,
        Duration requeueInterval,
        String redisKeyPrefix) {
}
