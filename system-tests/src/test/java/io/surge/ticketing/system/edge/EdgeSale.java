package io.surge.ticketing.system.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import io.surge.ticketing.system.Platform;
import io.surge.ticketing.system.Platform.Response;

/** An event created through the admin API, known to the waiting room, and fans let in through it. */
record EdgeSale(Platform platform, long eventId) {

    /** A small venue and an event whose sale starts at {@code onSaleAt}; returns once the waiting room knows it. */
    static EdgeSale create(Platform platform, Instant onSaleAt) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long venueId = platform.createVenue("Edge Hall " + tag, "Edgeville", Map.of("A", new int[] {2, 10}));
        long eventId = platform.createEvent("Edge Night " + tag, "The Gatekeepers", venueId, onSaleAt, Map.of("A", 4_000L));
        EdgeSale sale = new EdgeSale(platform, eventId);
        String probe = platform.token("probe-" + tag);
        // catalog -> Kafka -> waiting room: unknown events are EVENT_NOT_FOUND, known ones NOT_IN_QUEUE for a stranger
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> platform.get(sale.statusPath(), probe), r -> r.status() == 404
                        && "NOT_IN_QUEUE".equals(r.json().path("code").asString()));
        return sale;
    }

    String joinPath() {
        return "/api/v1/waiting-room/" + eventId + "/join";
    }

    String statusPath() {
        return "/api/v1/waiting-room/" + eventId + "/status";
    }

    /** Joins as {@code userId} and polls until admitted; returns the admission token. */
    String admit(String userId) {
        String jwt = platform.token(userId);
        Response joined = platform.post(joinPath(), jwt, null);
        assertThat(joined.status()).as("join: %s", joined).isEqualTo(200);
        Response admitted = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> platform.get(statusPath(), jwt),
                        r -> r.status() == 200 && "ADMITTED".equals(r.json().path("status").asString()));
        return admitted.json().get("admission_token").asString();
    }
}
