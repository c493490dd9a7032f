package io.surge.ticketing.system.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.surge.ticketing.system.Platform;
import io.surge.ticketing.system.Platform.Response;

/**
 * A graceful Redis restart keeps what Redis wrote to its append-only file: the waiting room's queue (written by Lua
 * scripts, which the AOF records as MULTI/EXEC) and the sale's settings. With the default user switched off and no
 * permissions, Redis 7 replays those transactions as the default user and silently drops every one of them
 * (redis/redis#14541): fans who had joined vanished from the queue after a restart.
 * <p>
 * It restarts the shared Redis, so it only runs when {@code TICKETING_ALLOW_FLUSHALL=true} is set (the stack serves
 * nothing else).
 */
class RedisRestartSystemTests {

    private static final Platform platform = Platform.get();

    @Test
    void fansWhoJoinedAreStillQueuedAfterRedisRestarts() {
        Assumptions.assumeTrue("true".equals(System.getenv("TICKETING_ALLOW_FLUSHALL")),
                "set TICKETING_ALLOW_FLUSHALL=true to run the Redis restart test (it restarts the shared Redis)");
        EdgeSale sale = EdgeSale.create(platform, Instant.now().plus(Duration.ofMinutes(10)));
        String admin = platform.adminToken();
        assertThat(platform.put("/api/v1/admin/events/" + sale.eventId() + "/waiting-room", admin,
                Map.of("admission_rate_per_minute", 240)).status()).isEqualTo(200);
        List<String> fans = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String jwt = platform.token("restart-" + i + "-" + Long.toString(System.nanoTime(), 36));
            Response joined = platform.post(sale.joinPath(), jwt, null);
            assertThat(joined.status()).as("join: %s", joined).isEqualTo(200);
            fans.add(jwt);
        }

        assertThat(platform.launcher("restart", "redis")).isZero();

        for (String jwt : fans) {
            Response status = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> platform.get(sale.statusPath(), jwt), r -> r.status() != 503);
            assertThat(status.status()).as("after the restart: %s", status).isEqualTo(200);
            assertThat(status.json().get("status").asString()).isEqualTo("PRE_QUEUE");
        }
        Response progress = platform.get("/api/v1/waiting-room/" + sale.eventId() + "/progress", null);
        assertThat(progress.json().get("admission_rate_per_minute").asInt()).isEqualTo(240);
    }
}
