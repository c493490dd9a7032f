package io.surge.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

class EdgeUnitTests {

    private final EdgeRules rules = new EdgeRules();

    @Test
    void theGatewayTrustsForwardedAddressesOnlyFromARangeNarrowerThanASlash16() {
        for (Manifests overlay : Builds.overlays()) {
            assertThat(rules.checkTrustedProxies(overlay)).as(overlay.name()).isEmpty();
            Deployment gateway = overlay.find(Deployment.class, "gateway-service").orElseThrow();
            String proxies = overlay.environment(gateway.getSpec().getTemplate().getSpec().getContainers().get(0))
                    .get(EdgeRules.TRUSTED_PROXIES);
            assertThat(proxies).as(overlay.name()).isNotBlank().doesNotContain("10.0.0.0/8");
            for (String cidr : proxies.split(",")) {
                assertThat(Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1))).as(cidr).isGreaterThan(16);
            }
        }
    }

    @Test
    void everyOverlayThatRendersAnIngressRunsProfileProdAndNeverLocal() {
        for (Manifests overlay : Builds.overlays()) {
            assertThat(rules.checkPublicProfiles(overlay)).as(overlay.name()).isEmpty();
            if (!overlay.all(Ingress.class).isEmpty()) {
                assertThat(overlay.all(Deployment.class)).allSatisfy(d -> assertThat(overlay.environment(
                        d.getSpec().getTemplate().getSpec().getContainers().get(0)).get("SPRING_PROFILES_ACTIVE"))
                        .as(d.getMetadata().getName()).isEqualTo("prod"));
            }
        }
        assertThat(Builds.local().all(Ingress.class)).as("local runs the local profile: never published").isEmpty();
        assertThat(rules.checkComposeProfiles(Builds.compose())).as("compose publishes on the loopback only").isEmpty();
    }

    @Test
    void aWholePodNetworkOrAnythingNotNarrowerThanASlash16IsReported() {
        assertThat(EdgeRules.trustedProxies("x", "10.0.0.0/8")).singleElement()
                .satisfies(p -> assertThat(p).contains("trusts 10.0.0.0/8"));
        assertThat(EdgeRules.trustedProxies("x", "10.244.0.0/16")).hasSize(1);
        assertThat(EdgeRules.trustedProxies("x", "fd00::/48")).hasSize(1);
        assertThat(EdgeRules.trustedProxies("x", "0.0.0.0/0,not-an-ip")).hasSize(2);
        assertThat(EdgeRules.trustedProxies("x", "10.244.250.0/24, 127.0.0.1,::1, fd00:10:244:250::/64")).isEmpty();
    }

    @Test
    void aPublishedBuildRunningTheLocalProfileIsReported() {
        String ingress = """
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata:
                  name: public
                  namespace: ticketing
                spec:
                  rules:
                    - http:
                        paths:
                          - path: /
                            pathType: Prefix
                            backend: {service: {name: booking-service, port: {name: http}}}
                """;
        String local = Fixtures.booking("SPRING_PROFILES_ACTIVE: \"prod\"", "SPRING_PROFILES_ACTIVE: \"prod,local\"");
        assertThat(rules.checkPublicProfiles(Manifests.of(local))).as("not published").isEmpty();
        assertThat(rules.checkPublicProfiles(Manifests.of(local + "---\n" + ingress))).singleElement().satisfies(p -> assertThat(p)
                .contains("Deployment/booking-service: published by [Ingress/public], so it must run SPRING_PROFILES_ACTIVE=prod"));
        String nodePort = Fixtures.booking("SPRING_PROFILES_ACTIVE: \"prod\"", "SPRING_PROFILES_ACTIVE: \"local\"")
                .replace("spec:\n  selector:\n    app.kubernetes.io/name: booking-service\n  ports:",
                        "spec:\n  type: NodePort\n  selector:\n    app.kubernetes.io/name: booking-service\n  ports:");
        assertThat(rules.checkPublicProfiles(Manifests.of(nodePort)))
                .anySatisfy(p -> assertThat(p).contains("published by [Service/booking-service (NodePort)]"));
    }

    @Test
    void aComposeServicePublishedBeyondTheLoopbackWithTheLocalProfileIsReported() {
        Map<String, Object> compose = Builds.compose();
        Map<String, Object> gateway = ComposeRules.map(ComposeRules.map(compose.get("services")).get("gateway-service"));
        gateway.put("ports", List.of("8080:8080"));
        assertThat(rules.checkComposeProfiles(compose)).singleElement()
                .satisfies(p -> assertThat(p).contains("compose service gateway-service: published on [8080:8080]"));
    }
}
