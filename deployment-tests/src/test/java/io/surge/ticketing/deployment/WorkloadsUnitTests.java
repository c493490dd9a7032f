package io.surge.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apps.Deployment;

class WorkloadsUnitTests {

    private final WorkloadRules rules = new WorkloadRules(Builds.repository());

    @Test
    void everyServiceDeploymentOfEveryOverlayFollowsThePlatformRules() {
        for (Manifests overlay : Builds.overlays()) {
            assertThat(rules.check(overlay)).as(overlay.name()).isEmpty();
        }
    }

    @Test
    void everyOverlayDeploysEachServiceModuleOnce() {
        for (Manifests overlay : Builds.overlays()) {
            assertThat(overlay.all(Deployment.class)).extracting(d -> d.getMetadata().getName())
                    .as(overlay.name()).containsExactlyInAnyOrderElementsOf(Builds.repository().serviceModules());
        }
    }

    @Test
    void theCdcConnectorIsASingleReplicaReplacedWithRecreateAndNeverAutoscaled() {
        for (Manifests overlay : Builds.overlays()) {
            Deployment cdc = overlay.find(Deployment.class, "cdc-connector").orElseThrow();
            assertThat(cdc.getSpec().getReplicas()).isEqualTo(1);
            assertThat(cdc.getSpec().getStrategy().getType()).isEqualTo("Recreate");
            assertThat(WorkloadRules.autoscaledDeployments(overlay)).doesNotContain("cdc-connector");
        }
    }

    @Test
    void productionRunsSeveralCleanupWorkersAndAutoscalesTheSurgePaths() {
        Manifests prod = Builds.prod();
        assertThat(prod.find(Deployment.class, "cleanup-worker").orElseThrow().getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(WorkloadRules.autoscaledDeployments(prod)).containsExactlyInAnyOrder("gateway-service",
                "catalog-service", "search-service", "booking-service", "payment-service", "waiting-room-service");
        assertThat(Builds.local().all(Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));
    }

    @Test
    void theFixtureFollowsTheRules() {
        assertThat(rules.check(Manifests.of(Fixtures.BOOKING))).isEmpty();
    }

    @Test
    void aProbeOffTheActuatorGroupsOrOnAnUndeclaredPortIsReported() {
        assertThat(check(Fixtures.booking("path: /actuator/health/readiness", "path: /actuator/health")))
                .anySatisfy(p -> assertThat(p).contains("readinessProbe probes /actuator/health,"));
        String liveness = """
                livenessProbe:
                  httpGet:
                    path: /actuator/health/liveness
                    port: management
                """.indent(10);
        assertThat(check(Fixtures.booking(liveness, liveness.replace("port: management", "port: 9090"))))
                .anySatisfy(p -> assertThat(p).contains("livenessProbe port 9090 is not a port the container declares"));
    }

    @Test
    void aContainerPortOtherThanTheServicesServerPortIsReported() {
        assertThat(check(Fixtures.booking("containerPort: 8084", "containerPort: 8080")))
                .anySatisfy(p -> assertThat(p).contains("booking-service listens on 8084 (server.port)"));
    }

    @Test
    void anImageThatIsNoModuleOrNotTheProjectVersionIsReported() {
        assertThat(check(Fixtures.booking("ghcr.io/surge-ticketing/booking-service:", "ghcr.io/surge-ticketing/bookings:")))
                .anySatisfy(p -> assertThat(p).contains("names no Maven module"));
        assertThat(check(Fixtures.booking(":" + Builds.repository().projectVersion(), ":latest")))
                .anySatisfy(p -> assertThat(p).contains("is not the project version"));
    }

    @Test
    void missingResourcesOrAWritableRootOrNoTmpAreReported() {
        assertThat(check(Fixtures.booking("""
                limits:
                  memory: 768Mi
                """.indent(12), ""))).anySatisfy(p -> assertThat(p).contains("resources.limits needs memory"));
        assertThat(check(Fixtures.booking("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false")))
                .anySatisfy(p -> assertThat(p).contains("readOnlyRootFilesystem: true"));
        assertThat(check(Fixtures.booking("mountPath: /tmp", "mountPath: /scratch")))
                .anySatisfy(p -> assertThat(p).contains("/tmp must be an emptyDir"));
    }

    @Test
    void aGracePeriodShorterThanThePreStopSleepAndTheShutdownPhaseIsReported() {
        assertThat(check(Fixtures.booking("terminationGracePeriodSeconds: 45", "terminationGracePeriodSeconds: 25")))
                .anySatisfy(p -> assertThat(p).contains("terminationGracePeriodSeconds 25 must exceed the preStop sleep (10 s)"
                        + " plus spring.lifecycle.timeout-per-shutdown-phase (20 s)"));
    }

    @Test
    void aServiceWithoutGracefulShutdownIsReported() {
        assertThat(check(Fixtures.booking("TICKETING_BIND_ADDRESS: \"0.0.0.0\"",
                "TICKETING_BIND_ADDRESS: \"0.0.0.0\"\n  SERVER_SHUTDOWN: \"immediate\"")))
                .anySatisfy(p -> assertThat(p).contains("set SERVER_SHUTDOWN=graceful"));
    }

    @Test
    void aSingleWriterWithSeveralReplicasOrRollingUpdatesIsReported() {
        String tmp = """
                - name: tmp
                  emptyDir: {}
                """.indent(8);
        String withVolume = Fixtures.booking(tmp, tmp + """
                - name: state
                  persistentVolumeClaim:
                    claimName: state
                """.indent(8));
        assertThat(check(withVolume)).anySatisfy(p -> assertThat(p).contains("exactly 1 replica, strategy Recreate"));
    }

    @Test
    void anAutoscaledDeploymentThatPinsItsReplicasIsReported() {
        String hpa = """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: booking-service
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: booking-service}
                  minReplicas: 2
                  maxReplicas: 4
                """;
        assertThat(check(Fixtures.bookingWith(hpa))).anySatisfy(p -> assertThat(p).contains("an autoscaler owns its replicas"));
    }

    private List<String> check(String yaml) {
        return rules.check(Manifests.of(yaml));
    }
}
