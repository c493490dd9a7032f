package io.surge.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

class ManagementUnitTests {

    private final ManagementRules rules = new ManagementRules(Builds.repository());

    @Test
    void everyServiceServesActuatorOnItsOwnManagementPortProbedAndScrapedThere() {
        for (Manifests overlay : Builds.overlays()) {
            assertThat(rules.check(overlay)).as(overlay.name()).isEmpty();
        }
    }

    @Test
    void theManagementPortIsTheApiPortPlus1000AndPinnedByItsVariable() {
        Map<String, String> variables = Map.of("gateway-service", "TICKETING_GATEWAY_MANAGEMENT_PORT",
                "waiting-room-service", "TICKETING_WAITING_ROOM_MANAGEMENT_PORT", "catalog-service",
                "TICKETING_CATALOG_MANAGEMENT_PORT", "search-service", "TICKETING_SEARCH_MANAGEMENT_PORT",
                "booking-service", "TICKETING_BOOKING_MANAGEMENT_PORT", "payment-service",
                "TICKETING_PAYMENT_MANAGEMENT_PORT", "cleanup-worker", "TICKETING_CLEANUP_MANAGEMENT_PORT",
                "cdc-connector", "TICKETING_CDC_MANAGEMENT_PORT");
        for (Manifests overlay : Builds.overlays()) {
            assertThat(overlay.all(Deployment.class)).hasSize(8).allSatisfy(deployment -> {
                Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
                int http = port(container, "http");
                int management = port(container, ManagementRules.PORT);
                assertThat(management).as(deployment.getMetadata().getName()).isEqualTo(http + 1000);
                assertThat(overlay.environment(container))
                        .containsEntry(variables.get(deployment.getMetadata().getName()), String.valueOf(management));
                assertThat(List.of(container.getReadinessProbe(), container.getLivenessProbe(), container.getStartupProbe()))
                        .allSatisfy(probe -> assertThat(probe.getHttpGet().getPort()).isEqualTo(new IntOrString("management")));
            });
            assertThat(overlay.all(Service.class)).allSatisfy(service -> assertThat(service.getSpec().getPorts())
                    .anySatisfy(p -> assertThat(p.getName()).isEqualTo("management")));
        }
    }

    @Test
    void prometheusScrapesAndReachesOnlyTheManagementPort() {
        Manifests prod = Builds.prod();
        assertThat(prod.custom("ServiceMonitor")).singleElement().satisfies(monitor -> assertThat(
                ComposeRules.list(KubernetesObjects.spec(monitor).get("endpoints")))
                .extracting(e -> ComposeRules.map(e).get("port")).containsOnly("management"));
        NetworkPolicy scrape = prod.find(NetworkPolicy.class, "allow-prometheus-scrape").orElseThrow();
        assertThat(scrape.getSpec().getIngress()).singleElement().satisfies(rule -> assertThat(rule.getPorts())
                .extracting(p -> p.getPort().getStrVal()).containsExactly("management"));
    }

    @Test
    void theFixtureFollowsTheRules() {
        assertThat(check(Fixtures.BOOKING)).isEmpty();
    }

    @Test
    void actuatorOnTheApiPortOrAnUndeclaredManagementPortIsReported() {
        assertThat(check(Fixtures.booking("containerPort: 9084", "containerPort: 9090")))
                .anySatisfy(p -> assertThat(p).contains("serves Actuator on 9084 (management.server.port): declare it"));
        assertThat(check(Fixtures.booking("value: \"9084\"", "value: \"8084\"")))
                .anySatisfy(p -> assertThat(p).contains("serves Actuator on its API port 8084"));
    }

    @Test
    void aProbeOnTheApiPortIsReported() {
        String readiness = """
                readinessProbe:
                  httpGet:
                    path: /actuator/health/readiness
                    port: management
                """.indent(10);
        assertThat(check(Fixtures.booking(readiness, readiness.replace("port: management", "port: http"))))
                .anySatisfy(p -> assertThat(p).contains("readinessProbe must probe the management port, not http"));
    }

    @Test
    void aServiceWithoutTheManagementPortOrAMonitorScrapingTheApiPortIsReported() {
        String servicePort = """
                - name: management
                  port: 9084
                  targetPort: management
                """.indent(4);
        assertThat(check(Fixtures.booking(servicePort, "")))
                .anySatisfy(p -> assertThat(p).contains("Service/booking-service: no port named management"));
        assertThat(check(Fixtures.bookingWith("""
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata:
                  name: m
                spec:
                  selector: {matchLabels: {app.kubernetes.io/part-of: ticketing}}
                  endpoints: [{port: http, path: /actuator/prometheus}]
                """))).anySatisfy(p -> assertThat(p).contains("ServiceMonitor/m: scrapes port http"));
    }

    @Test
    void aPolicyOpeningTheManagementPortToPodsOfTheNamespaceIsReported() {
        assertThat(check(Fixtures.bookingWith("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: from-anyone-here
                  namespace: ticketing
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: booking-service}}
                  policyTypes: [Ingress]
                  ingress:
                    - from:
                        - podSelector: {}
                """))).anySatisfy(p -> assertThat(p).contains("NetworkPolicy/from-anyone-here opens the management port "
                + "of booking-service to pods of namespace ticketing"));
    }

    private List<String> check(String yaml) {
        return rules.check(Manifests.of(yaml));
    }

    private static int port(Container container, String name) {
        return container.getPorts().stream().filter(p -> name.equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElseThrow();
    }
}
