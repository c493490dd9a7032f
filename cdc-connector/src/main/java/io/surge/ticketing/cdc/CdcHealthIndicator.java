package io.surge.ticketing.cdc;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import io.surge.ticketing.cdc.engine.CdcEngine;
import io.surge.ticketing.cdc.lag.SlotLagMonitor;

/**
 * "cdc" in the readiness group: UP while the engine streams, or while this replica stands by for the one that does;
 * shows back-pressure and slot lag.
 */
@Component("cdc")
class CdcHealthIndicator extends AbstractHealthIndicator {

    private final CdcEngine engine;
    private final SlotLagMonitor lag;

    CdcHealthIndicator(CdcEngine engine, SlotLagMonitor lag) {
        this.engine = engine;
        this.lag = lag;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        if (engine.standby()) {
            // another replica streams the slot; this one is ready to take over
            builder.up().withDetail("role", "standby").withDetail("slotLagBytes", lag.lagBytes());
            return;
        }
        (engine.streaming() ? builder.up() : builder.down())
                .withDetail("role", "active")
                .withDetail("streaming", engine.streaming())
                .withDetail("elasticsearchBackPressure", engine.backPressure())
                .withDetail("slotLagBytes", lag.lagBytes())
                .withDetail("restarts", (long) engine.restarts());
        engine.lastBatchAt().ifPresent(t -> builder.withDetail("lastBatchAt", t.toString()));
        engine.lastError().ifPresent(e -> builder.withDetail("lastError", e));
    }
}
