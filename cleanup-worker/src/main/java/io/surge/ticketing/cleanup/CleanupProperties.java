package io.surge.ticketing.cleanup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cleanup worker's pace.
 *
 * @param pollInterval      how often the delay queue is polled; with the release time this bounds the lateness
 * @param claimBatch        holds claimed (and released in one transaction) per poll
 * @param inflightRetry     a hold whose payment is in flight is looked at again this much later
 * @param sweepInterval     how often Postgres is swept for expired holds the queue lost
 * @param sweepGrace        the sweep leaves holds this recently expired to the queue
 * @param sweepBatch        holds per sweep transaction
 * @param bitfieldInterval  how often every event's bitfield is compared with Postgres
 * @param requeueInterval   how often the worker checks whether Redis lost the delay queue (and refills it)
 */
@ConfigurationProperties("cleanup")
public record CleanupProperties(
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("500") int claimBatch,
        @DefaultValue("3s") Duration inflightRetry,
        @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("2s") Duration sweepGrace,
        @DefaultValue("500") int sweepBatch,
        @DefaultValue("30s") Duration bitfieldInterval,
        @DefaultValue("2s") Duration requeueInterval) {
}
