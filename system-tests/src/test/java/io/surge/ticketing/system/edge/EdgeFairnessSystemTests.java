package io.surge.ticketing.system.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.system.Platform;
import io.surge.ticketing.system.Platform.Response;

/**
 * The raffle end to end, through the gateway: fans join the pre-queue in a known order, the admin moves the sale to
 * now (catalog -> Kafka -> waiting room), and every pre-queue fan gets a distinct place that does not follow the
 * join order, with later arrivals behind all of them in arrival order. The 10,000-fan statistics run against the
 * service's Redis path in waiting-room-service's WaitingRoomIntegrationTests; here the size fits a shared CI box.
 */
class EdgeFairnessSystemTests {

    private static final Platform platform = Platform.get();

    @Test
    void preQueueFansGetShuffledPlacesAtT0AndLaterFansQueueBehindInArrivalOrder() {
        EdgeSale sale = EdgeSale.create(platform, Instant.now().plus(Duration.ofMinutes(10)));
        String admin = platform.adminToken();
        Response settings = platform.put("/api/v1/admin/events/" + sale.eventId() + "/waiting-room", admin,
                Map.of("admission_rate_per_minute", 6));
        assertThat(settings.status()).as("%s", settings).isEqualTo(200);
        assertThat(settings.json().get("admission_rate_per_minute").asInt()).isEqualTo(6);

        int n = 300;
        String run = Long.toString(System.nanoTime(), 36);
        List<String> jwts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            jwts.add(platform.token("fair-" + run + "-" + i));
        }
        for (int i = 0; i < n; i++) {
            Response joined = platform.post(sale.joinPath(), jwts.get(i), null, "X-Forwarded-For", "10.50." + (i / 200) + "." + (i % 200 + 1));
            assertThat(joined.status()).as("%s", joined).isEqualTo(200);
            assertThat(joined.json().get("status").asString()).isEqualTo("PRE_QUEUE");
            assertThat(joined.json().get("position").isNull()).isTrue();
        }

        Response moved = platform.patch("/api/v1/admin/events/" + sale.eventId(), admin,
                Map.of("on_sale_at", Instant.now().plusSeconds(2).toString()));
        assertThat(moved.status()).as("%s", moved).isBetween(200, 204);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> platform.get(sale.statusPath(), jwts.get(0)).json(), s -> !s.path("queue_number").isNull());

        long[] place = new long[n];
        for (int i = 0; i < n; i++) {
            JsonNode status = platform.get(sale.statusPath(), jwts.get(i)).json();
            assertThat(status.get("status").asString()).isIn("QUEUED", "ADMITTED");
            place[i] = status.get("queue_number").asLong();
            if (status.get("status").asString().equals("QUEUED")) {
                assertThat(status.get("position").asLong()).isPositive();
                assertThat(status.get("eta_seconds").asLong()).isPositive();
            }
        }
        List<Long> lateNumbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Response late = platform.post(sale.joinPath(), platform.token("late-" + run + "-" + i), null);
            lateNumbers.add(late.json().get("queue_number").asLong());
        }

        HashSet<Long> distinct = new HashSet<>();
        for (long p : place) {
            distinct.add(p);
        }
        assertThat(distinct).hasSize(n);
        assertThat(distinct).allMatch(p -> p >= 1 && p <= n);
        // n = 300: the standard deviation of rho under the null is about 0.058, so 0.25 is over 4 sigma
        assertThat(Math.abs(spearman(place))).isLessThan(0.25);
        assertThat(lateNumbers).containsExactly(n + 1L, n + 2L, n + 3L, n + 4L, n + 5L);
    }

    private static double spearman(long[] place) {
        int n = place.length;
        double sumD2 = 0;
        for (int i = 0; i < n; i++) {
            double d = (i + 1) - place[i];
            sumD2 += d * d;
        }
        return 1 - 6 * sumD2 / ((double) n * ((double) n * n - 1));
    }
}
