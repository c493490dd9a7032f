package io.surge.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

class WiringUnitTests {

    private final WiringRules rules = new WiringRules();

    @Test
    void everyReferenceBetweenObjectsResolvesInEveryBuild() {
        for (Manifests build : List.of(Builds.local(), Builds.prod(), Builds.infrastructure())) {
            assertThat(rules.check(build)).as(build.name()).isEmpty();
        }
    }

    @Test
    void onlyTheGatewayIsReachableFromOutsideAndOnlyInProduction() {
        assertThat(Builds.prod().all(Ingress.class)).hasSize(1);
        assertThat(Builds.local().all(Ingress.class)).as("the local overlay is reached with kubectl port-forward").isEmpty();
    }

    @Test
    void theFixtureIsWiredCorrectly() {
        assertThat(rules.check(Manifests.of(Fixtures.BOOKING))).isEmpty();
    }

    @Test
    void aServiceThatSelectsNoPodsOrTargetsAnUndeclaredPortIsReported() {
        assertThat(check(Fixtures.booking("""
                spec:
                  selector:
                    app.kubernetes.io/name: booking-service
                  ports:""", """
                spec:
                  selector:
                    app.kubernetes.io/name: bookings
                  ports:"""))).anySatisfy(p -> assertThat(p).contains("Service/booking-service: selector"));
        assertThat(check(Fixtures.booking("targetPort: http", "targetPort: web")))
                .anySatisfy(p -> assertThat(p).contains("targetPort web is not declared"));
    }

    @Test
    void anIngressToAServiceOtherThanTheGatewayIsReported() {
        assertThat(check(Fixtures.bookingWith("""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: shortcut
                spec:
                  rules:
                    - http:
                        paths:
                          - path: /
                            pathType: Prefix
                            backend:
                              service:
                                name: booking-service
                                port:
                                  name: http
                """))).anySatisfy(p -> assertThat(p).contains("only gateway-service may be reached from outside"));
    }

    @Test
    void anAutoscalerOrBudgetOrPolicyThatTargetsNothingIsReported() {
        List<String> problems = check(Fixtures.bookingWith("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: gone
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: gone-service}
                  maxReplicas: 3
                ---
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata:
                  name: gone
                spec:
                  scaleTargetRef: {name: gone-service}
                  triggers: []
                ---
                apiVersion: policy/v1
                kind: PodDisruptionBudget
                metadata:
                  name: gone
                spec:
                  maxUnavailable: 1
                  selector: {matchLabels: {app.kubernetes.io/name: gone-service}}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: gone
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: gone-service}}
                  policyTypes: [Ingress]
                """));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("HorizontalPodAutoscaler/gone: targets Deployment/gone-service"))
                .anySatisfy(p -> assertThat(p).contains("ScaledObject/gone: targets gone-service"))
                .anySatisfy(p -> assertThat(p).contains("PodDisruptionBudget/gone selects no pods"))
                .anySatisfy(p -> assertThat(p).contains("NetworkPolicy/gone: podSelector selects no pods"));
    }

    @Test
    void aConfigMapNobodyUsesOrAMissingOneIsReported() {
        assertThat(check(Fixtures.bookingWith("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: leftover}\ndata: {}\n")))
                .anySatisfy(p -> assertThat(p).contains("ConfigMap/leftover is used by no workload"));
        assertThat(check(Fixtures.booking("  name: booking-service-config\n  namespace", "  name: booking-config\n  namespace")))
                .anySatisfy(p -> assertThat(p).contains("envFrom ConfigMap booking-service-config does not exist"));
    }

    @Test
    void aServiceMonitorOnAPortTheServicesDoNotHaveIsReported() {
        assertThat(check(Fixtures.bookingWith("""
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata:
                  name: m
                spec:
                  selector: {matchLabels: {app.kubernetes.io/name: booking-service}}
                  endpoints: [{port: metrics, path: /actuator/prometheus}]
                """).replace("metadata:\n  name: booking-service\n  namespace: ticketing\nspec:\n  selector:",
                "metadata:\n  name: booking-service\n  namespace: ticketing\n  labels: {app.kubernetes.io/name: booking-service}\nspec:\n  selector:")))
                .anySatisfy(p -> assertThat(p).contains("has no port named metrics"));
    }

    private List<String> check(String yaml) {
        return rules.check(Manifests.of(yaml));
    }
}
