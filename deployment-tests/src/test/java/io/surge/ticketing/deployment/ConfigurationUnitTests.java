package io.surge.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ConfigurationUnitTests {

    private final ConfigurationRules rules = new ConfigurationRules(Builds.repository());

    @Test
    void everyOverlayGivesEachServiceExactlySettingsItReadsAndAllItNeeds() {
        for (Manifests overlay : Builds.overlays()) {
            assertThat(rules.check(overlay)).as(overlay.name()).isEmpty();
        }
    }

    @Test
    void springBootsOwnPropertiesAreKnownByTheirEnvironmentNames() {
        ServiceSettings gateway = ServiceSettings.of(Builds.repository(), "gateway-service");
        assertThat(List.of("SERVER_SHUTDOWN", "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "MANAGEMENT_TRACING_SAMPLING_PROBABILITY",
                "SPRING_PROFILES_ACTIVE", "LOGGING_STRUCTURED_FORMAT_CONSOLE",
                "MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILESHISTOGRAM_HTTP_SERVER_REQUESTS", "JAVA_TOOL_OPTIONS"))
                .allSatisfy(name -> assertThat(gateway.reads(name)).as(name).isTrue());
        assertThat(gateway.reads("TICKETING_JWT_JWK_SET_URI")).isTrue();
        assertThat(gateway.reads("TICKETING_DB_PASSWORD")).as("the gateway has no database").isFalse();
    }

    @Test
    void theProdProfileOfTheGatewayNeedsTheIdentityProvidersKeySet() {
        ServiceSettings gateway = ServiceSettings.of(Builds.repository(), "gateway-service");
        assertThat(gateway.requiredVariables(Set.of("prod"))).contains("TICKETING_JWT_JWK_SET_URI", "TICKETING_ADMISSION_SECRET");
        assertThat(gateway.requiredVariables(Set.of("local"))).doesNotContain("TICKETING_JWT_JWK_SET_URI");
    }

    @Test
    void settingsThatOnlyMakeSenseOnTheLaunchersMachineMustBeOverridden() {
        ServiceSettings payment = ServiceSettings.of(Builds.repository(), "payment-service");
        assertThat(payment.requiredVariables(Set.of("prod")))
                .contains("TICKETING_DB_HOST", "TICKETING_BIND_ADDRESS", "TICKETING_BOOKING_URL", "TICKETING_DB_PASSWORD");
        ServiceSettings cdc = ServiceSettings.of(Builds.repository(), "cdc-connector");
        assertThat(cdc.requiredVariables(Set.of("prod"))).contains("TICKETING_STATE_DIR", "TICKETING_ES_URL");
    }

    @Test
    void aVariableNoPropertyReadsIsReported() {
        assertThat(check(Map.of("TICKETING_DB_HOTS", "db"))).anySatisfy(p -> assertThat(p)
                .contains("TICKETING_DB_HOTS is read by no property of catalog-service"));
        assertThat(check(Map.of("TICKETING_REDIS_HOST", "redis")))
                .as("catalog-service uses no Redis").anySatisfy(p -> assertThat(p).contains("TICKETING_REDIS_HOST is read by no property"));
    }

    @Test
    void aMissingRequiredVariableIsReported() {
        Map<String, String> env = new HashMap<>(catalogEnvironment());
        env.remove("TICKETING_DB_PASSWORD");
        env.remove("TICKETING_DB_HOST");
        assertThat(rules.check("test", "catalog-service", env))
                .anySatisfy(p -> assertThat(p).contains("catalog-service needs TICKETING_DB_PASSWORD"))
                .anySatisfy(p -> assertThat(p).contains("catalog-service needs TICKETING_DB_HOST"));
        assertThat(rules.check("test", "catalog-service", catalogEnvironment())).isEmpty();
    }

    @Test
    void aServiceBoundToLoopbackInAContainerIsReported() {
        Map<String, String> env = new HashMap<>(catalogEnvironment());
        env.put("TICKETING_BIND_ADDRESS", "127.0.0.1");
        assertThat(rules.check("test", "catalog-service", env)).anySatisfy(p -> assertThat(p).contains("must be 0.0.0.0"));
    }

    @Test
    void noServiceShowsHealthDetailsToAnyone() {
        for (String module : Builds.repository().serviceModules()) {
            ServiceSettings settings = ServiceSettings.of(Builds.repository(), module);
            for (Set<String> profiles : List.of(Set.of("prod"), Set.of("local"))) {
                assertThat(settings.resolved("management.endpoint.health.show-details", profiles, Map.of()).orElse("never"))
                        .as(module + " " + profiles).isIn("when-authorized", "never");
            }
        }
    }

    @Test
    void healthDetailsForAnyoneAreReported() {
        assertThat(check(Map.of("MANAGEMENT_ENDPOINT_HEALTH_SHOWDETAILS", "always"))).anySatisfy(p -> assertThat(p)
                .contains("MANAGEMENT_ENDPOINT_HEALTH_SHOWDETAILS=always shows health details to anyone"));
        assertThat(check(Map.of("MANAGEMENT_ENDPOINT_HEALTH_SHOWDETAILS", "when-authorized"))).isEmpty();
    }

    @Test
    void aWholeSecretAsEnvironmentIsReported() {
        String configMap = """
                - configMapRef:
                    name: booking-service-config
                """.indent(12);
        String secret = """
                - secretRef:
                    name: ticketing-secrets
                """.indent(12);
        assertThat(rules.check(Manifests.of(Fixtures.booking(configMap, configMap + secret)))).anySatisfy(p -> assertThat(p).contains("envFrom Secret ticketing-secrets hides which variables"));
    }

    private List<String> check(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(catalogEnvironment());
        env.putAll(extra);
        return rules.check("test", "catalog-service", env);
    }

    private static Map<String, String> catalogEnvironment() {
        return Map.of("TICKETING_BIND_ADDRESS", "0.0.0.0", "TICKETING_DB_HOST", "db", "TICKETING_DB_PASSWORD", "x",
                "TICKETING_KAFKA_BOOTSTRAP", "kafka:9092", "SPRING_PROFILES_ACTIVE", "prod", "TICKETING_SERVICE_SECRET", "x",
                "TICKETING_KAFKA_USERNAME", "catalog-service", "TICKETING_KAFKA_PASSWORD", "x");
    }
}
