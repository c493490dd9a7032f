package io.surge.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DashboardUnitTests {

    private static final String DASHBOARD = "observability/grafana/surge-dashboard.json";

    private final DashboardRules rules = new DashboardRules(Builds.repository());

    @Test
    void theSurgeDashboardPlotsOnlyMetricsAndTagsTheServicesExport() {
        assertThat(rules.check(Builds.repository().read(DASHBOARD))).isEmpty();
    }

    @Test
    void theMetersAndTheirTagsAreReadFromTheServicesCode() {
        assertThat(rules.meters()).containsKeys("booking_reservations", "payments_outcome", "cdc_slot_lag_bytes")
                .hasEntrySatisfying("payments_outcome", tags -> assertThat(tags).containsExactly("result"))
                .hasEntrySatisfying("gateway_ratelimit_rejected", tags -> assertThat(tags).contains("scope", "group"))
                .hasEntrySatisfying("booking_reservations", tags -> assertThat(tags).contains("outcome"));
    }

    @Test
    void aMetricNoServiceExportsIsReported() {
        assertThat(rules.check(dashboard("sum(rate(booking_reservation_total[1m]))")))
                .anySatisfy(p -> assertThat(p).contains("booking_reservation_total is exported by no service"));
    }

    @Test
    void aTagTheMeterDoesNotHaveIsReported() {
        assertThat(rules.check(dashboard("sum by (outcome) (rate(payments_outcome_total[1m]))")))
                .anySatisfy(p -> assertThat(p).contains("payments_outcome_total has no tag outcome (its tags: [result])"));
    }

    @Test
    void aKeyMetricMissingFromTheDashboardIsReported() {
        assertThat(rules.check(dashboard("max(booking_commands_lag)")))
                .anySatisfy(p -> assertThat(p).contains("no panel shows cdc_slot_lag_bytes"));
    }

    private static String dashboard(String expr) {
        return """
                {"panels": [{"id": 1, "title": "t", "targets": [{"expr": "%s"}]}]}
                """.formatted(expr.replace("\"", "\\\""));
    }
}
