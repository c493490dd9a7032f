package io.surge.ticketing.cdc.lag;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.surge.ticketing.cdc.CdcProperties;

/**
 * The replication slot's lag: WAL bytes the server keeps because this connector has not confirmed them yet.
 * A growing value means the index falls behind (or Elasticsearch is down) and the disk fills; alert on it.
 */
@Component
public class SlotLagMonitor {

    private final JdbcClient jdbc;
    private final String slot;
    private final AtomicLong lagBytes = new AtomicLong(-1);

    SlotLagMonitor(JdbcClient jdbc, CdcProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.slot = properties.slotName();
        Gauge.builder("cdc.slot.lag.bytes", lagBytes, AtomicLong::get)
                .description("pg_current_wal_lsn() - confirmed_flush_lsn of the connector's slot (-1: unknown)")
                .baseUnit("bytes").register(meters);
    }

    /** -1 while unknown (no slot yet, or the database unreachable). */
    public long lagBytes() {
        return lagBytes.get();
    }

    @Scheduled(fixedDelayString = "${ticketing.cdc.lag-poll-interval}")
    void poll() {
        try {
            lagBytes.set(jdbc.sql("""
                    SELECT coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::bigint
                    FROM pg_replication_slots WHERE slot_name = :slot""")
                    .param("slot", slot).query(Long.class).optional().orElse(-1L));
        } catch (RuntimeException e) {
            lagBytes.set(-1);
        }
    }
}
