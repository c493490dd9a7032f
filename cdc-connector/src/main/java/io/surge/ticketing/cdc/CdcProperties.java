package io.surge.ticketing.cdc;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The connector's settings ({@code ticketing.cdc.*}). {@code lagPollInterval} is read by {@code @Scheduled} through a
 * placeholder, which resolves against the environment: its one default is in application.yml. The database is the
 * datasource's ({@code spring.datasource.*}).
 *
 * @param slotName     replication slot (lowercase letters, digits and _ only); one per connector
 * @param publication  pgoutput publication, created "filtered" on {@code table} (the role owns the table)
 * @param table        the search projection table streamed, schema-qualified
 * @param offsetFile   durable offsets: a restart resumes here without a new snapshot
 * @param pollInterval Debezium's poll interval; it dominates commit-to-index latency
 * @param index        the concrete index created with the mapping; {@code alias} is what readers use
 * @param lagPollInterval how often the replication slot's lag is read
 */
@ConfigurationProperties("ticketing.cdc")
public record CdcProperties(
        @DefaultValue("ticketing_catalog_search") String slotName,
        @DefaultValue("ticketing_catalog_search") String publication,
        @DefaultValue("public.event_search") String table,
        Path offsetFile,
        @DefaultValue("20ms") Duration pollInterval,
        @DefaultValue("1s") Duration offsetFlushInterval,
        @DefaultValue("2048") int maxBatchSize,
        @DefaultValue("events-v1") String index,
        @DefaultValue("events") String alias,
        @DefaultValue("200ms") Duration retryInitialBackoff,
        @DefaultValue("10s") Duration retryMaxBackoff,
        @DefaultValue("1s") Duration restartInitialBackoff,
        @DefaultValue("30s") Duration restartMaxBackoff,
        Duration lagPollInterval,
        @DefaultValue("true") boolean autoStart) {
}
