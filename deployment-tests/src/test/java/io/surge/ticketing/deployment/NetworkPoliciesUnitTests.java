package io.surge.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

class NetworkPoliciesUnitTests {

    private final NetworkRules rules = new NetworkRules();

    @Test
    void everyEndpointAServiceIsConfiguredWithIsAllowedBothWays() {
        for (Manifests overlay : Builds.overlays()) {
            assertThat(rules.check(overlay)).as(overlay.name()).isEmpty();
        }
    }

    @Test
    void ingressIsDeniedByDefaultAndTheGatewayIsReachedOnlyFromTheIngressController() {
        Manifests prod = Builds.prod();
        NetworkPolicy deny = prod.find(NetworkPolicy.class, "default-deny-ingress").orElseThrow();
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        NetworkPolicy gateway = prod.find(NetworkPolicy.class, "gateway-service-ingress").orElseThrow();
        assertThat(gateway.getSpec().getIngress()).singleElement().satisfies(rule -> assertThat(rule.getFrom())
                .singleElement().satisfies(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels())
                        .containsEntry("kubernetes.io/metadata.name", "ingress-nginx")));
    }

    @Test
    void bookingIsCalledByTheGatewayAndByPaymentForItsInternalApi() {
        NetworkPolicy booking = Builds.prod().find(NetworkPolicy.class, "booking-service-ingress").orElseThrow();
        assertThat(booking.getSpec().getIngress().get(0).getFrom())
                .extracting(peer -> peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .containsExactlyInAnyOrder("gateway-service", "payment-service");
    }

    @Test
    void noPolicyButTheCalleesOwnOpensTheApiPortAndOnlyToItsCallers() {
        for (Manifests overlay : Builds.overlays()) {
            assertThat(rules.checkApiPorts(overlay)).as(overlay.name()).isEmpty();
        }
        Manifests prod = Builds.prod();
        List<String> openingHttp = prod.all(NetworkPolicy.class).stream()
                .filter(p -> p.getSpec().getIngress() != null && p.getSpec().getIngress().stream()
                        .anyMatch(rule -> rule.getPorts() == null || rule.getPorts().isEmpty() || rule.getPorts().stream()
                                .anyMatch(port -> "http".equals(port.getPort().getStrVal()))))
                .map(p -> p.getMetadata().getName()).toList();
        assertThat(openingHttp).containsExactlyInAnyOrder("gateway-service-ingress", "waiting-room-service-ingress",
                "catalog-service-ingress", "search-service-ingress", "booking-service-ingress", "payment-service-ingress");
    }

    @Test
    void aScraperOrAnotherPodOnTheApiPortIsReported() {
        String scrapeHttp = Fixtures.bookingWith("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: allow-prometheus-scrape
                  namespace: ticketing
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/part-of: ticketing}}
                  policyTypes: [Ingress]
                  ingress:
                    - from:
                        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: monitoring}}
                          podSelector: {matchLabels: {app.kubernetes.io/name: prometheus}}
                      ports: [{port: http, protocol: TCP}]
                """);
        assertThat(rules.checkApiPorts(Manifests.of(scrapeHttp))).anySatisfy(p -> assertThat(p)
                .contains("NetworkPolicy/allow-prometheus-scrape opens the API port of booking-service to pods of other namespaces"));
        String fromTheWorker = withPaymentCallingBooking(List.of("payment-service", "cleanup-worker"));
        assertThat(rules.checkApiPorts(Manifests.of(fromTheWorker + "---\n" + cleanupWorker())))
                .anySatisfy(p -> assertThat(p).contains("opens the API port of booking-service to cleanup-worker, which is "
                        + "configured to call it nowhere"))
                .noneSatisfy(p -> assertThat(p).contains("to payment-service"));
    }

    @Test
    void aCallerMissingFromTheCalleesIngressPolicyIsReported() {
        String yaml = withPaymentCallingBooking(List.of("gateway-service"));
        assertThat(rules.check(Manifests.of(yaml)))
                .anySatisfy(p -> assertThat(p).contains("the ingress policies of booking-service do not allow payment-service"));
        assertThat(rules.check(Manifests.of(withPaymentCallingBooking(List.of("gateway-service", "payment-service"))))).isEmpty();
    }

    @Test
    void anEgressPolicyWithoutDnsOrWithoutTheDataStoreIsReported() {
        String yaml = Fixtures.bookingWith("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: booking-service-egress
                  namespace: ticketing
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: booking-service}}
                  policyTypes: [Egress]
                  egress:
                    - to:
                        - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ticketing-data}}
                      ports: [{port: 5432, protocol: TCP}]
                """);
        assertThat(rules.check(Manifests.of(yaml)))
                .anySatisfy(p -> assertThat(p).contains("do not allow DNS"))
                .anySatisfy(p -> assertThat(p).contains("-> redis.ticketing-data.svc:6379").contains("do not allow namespace ticketing-data port 6379"))
                .noneSatisfy(p -> assertThat(p).contains(":5432"));
    }

    private static String cleanupWorker() {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: cleanup-worker
                  namespace: ticketing
                spec:
                  selector: {matchLabels: {app.kubernetes.io/name: cleanup-worker}}
                  template:
                    metadata:
                      labels: {app.kubernetes.io/name: cleanup-worker}
                    spec:
                      containers:
                        - name: cleanup-worker
                          image: ghcr.io/surge-ticketing/cleanup-worker:1
                """;
    }

    private static String withPaymentCallingBooking(List<String> callers) {
        StringBuilder peers = new StringBuilder();
        callers.forEach(c -> peers.append("        - podSelector: {matchLabels: {app.kubernetes.io/name: ").append(c).append("}}\n"));
        return Fixtures.bookingWith("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: payment-service
                  namespace: ticketing
                spec:
                  selector: {matchLabels: {app.kubernetes.io/name: payment-service}}
                  template:
                    metadata: {labels: {app.kubernetes.io/name: payment-service}}
                    spec:
                      containers:
                        - name: payment-service
                          image: ghcr.io/surge-ticketing/payment-service:x
                          env: [{name: TICKETING_BOOKING_URL, value: "http://booking-service:8084"}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: booking-service-ingress
                  namespace: ticketing
                spec:
                  podSelector: {matchLabels: {app.kubernetes.io/name: booking-service}}
                  policyTypes: [Ingress]
                  ingress:
                    - from:
                PEERS      ports: [{port: http, protocol: TCP}]
                """.replace("PEERS", peers.toString()));
    }
}
