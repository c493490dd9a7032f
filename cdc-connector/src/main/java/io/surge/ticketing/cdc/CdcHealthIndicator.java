package io.surge.ticketing.cdc;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import io.surge.ticketing.cdc.engine.CdcEngine;
import io.surge.ticketing.cdc.lag.SlotLagMonitor;

/** "cdc" in the readiness group: UP only while the engine streams; shows back-pressure and slot lag. */
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
        (engine.streaming() ? builder.up() : builder.down())
                .withDetail("streaming", engine.streaming())
                .withDetail("elasticsearchBackPressure", engine.backPressure())
                .withDetail("slotLagBytes", lag.lagBytes())
                .withDetail("restarts", (long) engine.restarts());
        engine.lastBatchAt().ifPresent(t -> builder.withDetail("lastBatchAt", t.toString()));
        engine.lastError().ifPresent(e -> builder.withDetail("lastError", e));
    }
}
