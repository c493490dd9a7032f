package io.surge.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apps.Deployment;

class ServiceAuthUnitTests {

    private final ServiceAuthRules rules = new ServiceAuthRules();

    @Test
    void everyServiceThatCallsOrIsCalledHoldsTheSharedServiceSecretFromOneSecretKey() {
        for (Manifests overlay : Builds.overlays()) {
            assertThat(rules.check(overlay)).as(overlay.name()).isEmpty();
            assertThat(overlay.all(Deployment.class)).allSatisfy(d -> {
                String value = overlay.environment(d.getSpec().getTemplate().getSpec().getContainers().get(0))
                        .get(ServiceAuthRules.VARIABLE);
                if (d.getMetadata().getName().equals("cleanup-worker") || d.getMetadata().getName().equals("cdc-connector")) {
                    assertThat(value).as(d.getMetadata().getName() + " is called by nobody").isNull();
                } else {
                    assertThat(value).as(d.getMetadata().getName()).isEqualTo("secret:ticketing-secrets/service-secret");
                }
            });
        }
    }

    @Test
    void theComposeServicesShareItFromEnv() {
        assertThat(rules.checkCompose(Builds.compose())).isEmpty();
        Map<String, Object> gateway = ComposeRules.map(ComposeRules.map(Builds.compose().get("services")).get("gateway-service"));
        assertThat(String.valueOf(ComposeRules.map(gateway.get("environment")).get(ServiceAuthRules.VARIABLE)))
                .startsWith("${TICKETING_SERVICE_SECRET:?");
    }

    @Test
    void aCalledServiceWithoutTheSecretOrAWorkloadHoldingItForNothingIsReported() {
        String paymentCallingBooking = Fixtures.bookingWith(paymentCallingBooking("ticketing-secrets"));
        assertThat(rules.check(Manifests.of(paymentCallingBooking))).singleElement().satisfies(p -> assertThat(p)
                .contains("Deployment/booking-service: calls or is called by [payment-service]: it needs TICKETING_SERVICE_SECRET"));
        String alone = Fixtures.booking("""
                - name: TICKETING_DB_PASSWORD
                """.indent(12), """
                - name: TICKETING_SERVICE_SECRET
                  valueFrom:
                    secretKeyRef:
                      name: ticketing-secrets
                      key: service-secret
                - name: TICKETING_DB_PASSWORD
                """.indent(12));
        assertThat(rules.check(Manifests.of(alone))).anySatisfy(p -> assertThat(p)
                .contains("booking-service: holds TICKETING_SERVICE_SECRET but neither calls nor is called"));
    }

    @Test
    void twoDifferentKeysAreReported() {
        String bookingWithSecret = Fixtures.booking("""
                - name: TICKETING_DB_PASSWORD
                """.indent(12), """
                - name: TICKETING_SERVICE_SECRET
                  valueFrom: {secretKeyRef: {name: ticketing-secrets, key: service-secret}}
                - name: TICKETING_DB_PASSWORD
                """.indent(12));
        String twoKeys = bookingWithSecret + "---\n" + paymentCallingBooking("payment-secrets");
        assertThat(rules.check(Manifests.of(twoKeys))).singleElement()
                .satisfies(p -> assertThat(p).contains("sign and verify with one key"));
    }

    /** payment-service calling booking, with its service secret from the named Secret. */
    private static String paymentCallingBooking(String secretName) {
        return """
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
                          env:
                            - {name: TICKETING_BOOKING_URL, value: "http://booking-service:8084"}
                            - name: TICKETING_SERVICE_SECRET
                              valueFrom: {secretKeyRef: {name: %s, key: service-secret}}
                """.formatted(secretName);
    }
}
