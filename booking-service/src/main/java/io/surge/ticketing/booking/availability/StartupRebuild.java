package io.surge.ticketing.booking.availability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** After a restart (maybe Redis restarted too), every event's missing bitfield is rebuilt from Postgres. */
@Component
class StartupRebuild {

    private static final Logger log = LoggerFactory.getLogger(StartupRebuild.class);

    private final AvailabilityRebuilder rebuilder;

    StartupRebuild(AvailabilityRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildMissing() {
        try {
            int rebuilt = rebuilder.ensureAll();
            if (rebuilt > 0) {
                log.info("rebuilt {} missing availability bitfields at start-up", rebuilt);
            }
        } catch (RuntimeException e) {
            log.warn("start-up rebuild of availability failed (will happen on demand): {}", e.toString());
        }
    }
}
