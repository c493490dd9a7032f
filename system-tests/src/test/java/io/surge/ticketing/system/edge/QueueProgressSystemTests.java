package io.surge.ticketing.system.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.system.Platform;
import io.surge.ticketing.system.Platform.Response;

/**
 * A waiting-room page as the contract describes it, through the gateway: it polls the public progress (no token, the
 * same cacheable answer for everyone), learns its own number once the sale opens, and collects its admission token
 * once the number is served. And the edge answers public reads conditionally from its cache.
 */
class QueueProgressSystemTests {

    private static final Platform platform = Platform.get();

    @Test
    void aPagePollsThePublicProgressAndCallsItsOwnStatusOnlyToLearnItsNumberAndCollectItsToken() {
        EdgeSale sale = EdgeSale.create(platform, Instant.now().plus(Duration.ofMinutes(10)));
        String progressPath = "/api/v1/waiting-room/" + sale.eventId() + "/progress";
        String admin = platform.adminToken();
        assertThat(platform.put("/api/v1/admin/events/" + sale.eventId() + "/waiting-room", admin,
                Map.of("admission_rate_per_minute", 120)).status()).isEqualTo(200);
        String jwt = platform.token("page-" + Long.toString(System.nanoTime(), 36));
        assertThat(platform.post(sale.joinPath(), jwt, null).json().get("status").asString()).isEqualTo("PRE_QUEUE");

        Response before = platform.get(progressPath, null);
        assertThat(before.status()).as("%s", before).isEqualTo(200);
        assertThat(before.header("Cache-Control")).contains("public").contains("max-age=1");
        assertThat(before.json().get("event_id").asLong()).isEqualTo(sale.eventId());
        assertThat(before.json().get("status").asString()).isEqualTo("PRE_QUEUE");
        assertThat(before.json().get("serving").asLong()).isZero();
        assertThat(before.json().get("admission_rate_per_minute").asInt()).isEqualTo(120);
        assertThat(Instant.parse(before.json().get("as_of").asString())).isBefore(Instant.now().plusSeconds(5));

        platform.patch("/api/v1/admin/events/" + sale.eventId(), admin, Map.of("on_sale_at", Instant.now().toString()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.get(progressPath, null).json(), p -> "OPEN".equals(p.path("status").asString()));
        JsonNode mine = platform.get(sale.statusPath(), jwt).json();
        long number = mine.get("queue_number").asLong();
        assertThat(number).isPositive();

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> platform.get(progressPath, null).json(), p -> p.path("serving").asLong() >= number);
        JsonNode admitted = platform.get(sale.statusPath(), jwt).json();
        assertThat(admitted.get("status").asString()).isEqualTo("ADMITTED");
        assertThat(admitted.get("admission_token").asString()).isNotBlank();

        // the answer is the same for everyone and kept at the edge for its second: a fan's token changes nothing
        Response anonymous = platform.get(progressPath, null);
        Response withToken = platform.get(progressPath, jwt);
        assertThat(withToken.status()).isEqualTo(200);
        assertThat(withToken.json().get("event_id").asLong()).isEqualTo(anonymous.json().get("event_id").asLong());
        assertThat(platform.get("/api/v1/waiting-room/987654321012/progress", null).json().get("code").asString())
                .isEqualTo("EVENT_NOT_FOUND");
    }

    @Test
    void publicReadsAreAnsweredConditionallyAtTheEdge_andPrivateOnesNeverCarryAnAge() {
        EdgeSale sale = EdgeSale.create(platform, Instant.now().minusSeconds(1));
        String availability = "/api/v1/events/" + sale.eventId() + "/availability";
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> platform.get(availability, null).status() == 200);

        Response first = platform.get(availability, null);
        String etag = first.header("ETag");
        Response again = platform.get(availability, null, "If-None-Match", etag);

        assertThat(etag).isNotBlank();
        assertThat(first.header("Age")).isNotNull();
        assertThat(again.status()).isIn(200, 304); // 200 only if the bitfield changed in between
        if (again.status() == 304) {
            assertThat(again.bytes()).isEmpty();
            assertThat(again.header("ETag")).isEqualTo(etag);
        }
        String jwt = platform.token("private-" + Long.toString(System.nanoTime(), 36));
        platform.post(sale.joinPath(), jwt, null);
        Response status = platform.get(sale.statusPath(), jwt);
        assertThat(status.header("Cache-Control")).contains("no-store");
        assertThat(status.header("Age")).isNull();
    }
}
