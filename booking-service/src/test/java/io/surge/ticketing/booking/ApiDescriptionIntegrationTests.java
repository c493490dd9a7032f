package io.surge.ticketing.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The OpenAPI description names the public after-the-sale endpoints and none of the internal API. */
class ApiDescriptionIntegrationTests extends AfterTheSaleIntegrationTest {

    @Test
    void describesThePublicEndpointsAndHidesTheInternalOnes() throws Exception {
        HttpResponse<String> response = get("/v3/api-docs", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode paths = json(response).get("paths");
        List<String> names = new ArrayList<>(paths.propertyNames());
        assertThat(names).contains("/api/v1/bookings", "/api/v1/bookings/{booking_id}/tickets",
                "/api/v1/bookings/{booking_id}/tickets/{ticket_id}/qr", "/api/v1/admin/events/{event_id}/check-ins",
                "/api/v1/admin/events/{event_id}/sales");
        assertThat(names).noneMatch(path -> path.startsWith("/internal"));
        assertThat(paths.get("/api/v1/admin/events/{event_id}/check-ins").get("post").get("responses").has("422")).isTrue();
        assertThat(paths.get("/api/v1/bookings/{booking_id}/tickets/{ticket_id}/qr").get("get").get("responses").get("200")
                .get("content").has("image/png")).isTrue();
    }
}
