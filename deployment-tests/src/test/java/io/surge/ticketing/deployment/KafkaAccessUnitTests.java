package io.surge.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;

class KafkaAccessUnitTests {

    private final KafkaAccessRules rules = new KafkaAccessRules(Builds.repository());

    @Test
    void onlyTheKafkaUsingServicesReachTheListenerEachAsItsOwnUserWithAclsForWhatItsCodeDoes() {
        for (Manifests overlay : Builds.overlays()) {
            assertThat(rules.check(overlay, Builds.infrastructure())).as(overlay.name()).isEmpty();
        }
    }

    @Test
    void theListenerAuthenticatesWithScramAndNamesItsPeersAndTheClusterAuthorizes() {
        GenericKubernetesResource kafka = Builds.infrastructure().custom("Kafka").get(0);
        Map<String, Object> spec = ComposeRules.map(KubernetesObjects.spec(kafka).get("kafka"));
        assertThat(ComposeRules.map(spec.get("authorization"))).containsEntry("type", "simple");
        assertThat(ComposeRules.list(spec.get("listeners"))).singleElement().satisfies(l -> {
            Map<String, Object> listener = ComposeRules.map(l);
            assertThat(listener).containsEntry("port", 9092).containsEntry("tls", false);
            assertThat(ComposeRules.map(listener.get("authentication"))).containsEntry("type", "scram-sha-512");
            assertThat(ComposeRules.list(listener.get("networkPolicyPeers"))).hasSize(2);
        });
        Map<String, Object> userOperator = ComposeRules.map(ComposeRules.map(KubernetesObjects.spec(kafka)
                .get("entityOperator")).get("userOperator"));
        assertThat(userOperator).containsEntry("watchedNamespace", "ticketing").containsEntry("secretPrefix", "kafka-");
    }

    @Test
    void everyKafkaUsingServiceHasItsKafkaUserAndTheSaslSettings() {
        Manifests prod = Builds.prod();
        Set<String> users = new TreeSet<>();
        for (Deployment d : prod.all(Deployment.class)) {
            Map<String, String> env = prod.environment(d.getSpec().getTemplate().getSpec().getContainers().get(0));
            if (env.containsKey("TICKETING_KAFKA_BOOTSTRAP")) {
                String name = d.getMetadata().getName();
                users.add(name);
                assertThat(env).as(name).containsEntry("TICKETING_KAFKA_USERNAME", name)
                        .containsEntry("TICKETING_KAFKA_PASSWORD", "secret:kafka-" + name + "/password")
                        .containsEntry("TICKETING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                        .containsEntry("TICKETING_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
            }
        }
        assertThat(users).containsExactly("booking-service", "catalog-service", "payment-service", "waiting-room-service");
        assertThat(prod.custom("KafkaUser")).extracting(u -> u.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(users);
        assertThat(Builds.local().custom("KafkaUser")).hasSize(4);
    }

    @Test
    void theUsersMayReadAndWriteExactlyTheseTopicsAndGroups() {
        Map<String, Map<String, Set<String>>> granted = new TreeMap<>();
        for (GenericKubernetesResource user : Builds.prod().custom("KafkaUser")) {
            Map<String, Set<String>> acls = new TreeMap<>();
            for (Object a : ComposeRules.list(ComposeRules.map(KubernetesObjects.spec(user).get("authorization")).get("acls"))) {
                KafkaAccessRules.Acl acl = KafkaAccessRules.Acl.of(ComposeRules.map(a));
                assertThat(acl.patternType()).isEqualTo("literal");
                Set<String> operations = new TreeSet<>(acl.operations());
                operations.remove("Describe");
                if (!operations.isEmpty()) {
                    acls.put(acl.resourceType() + " " + acl.name(), operations);
                }
            }
            granted.put(user.getMetadata().getName(), acls);
        }
        assertThat(granted).isEqualTo(Map.of(
                "booking-service", Map.of("topic booking.commands", Set.of("Read", "Write"),
                        "topic booking.commands.dlt", Set.of("Write"), "topic booking.events", Set.of("Write"),
                        "topic booking.event-availability", Set.of("Write"), "topic booking.refund-requests", Set.of("Write"),
                        "topic catalog.event-inventory", Set.of("Read"), "topic waitingroom.sale-settings", Set.of("Read"),
                        "group booking-commands", Set.of("Read"), "group booking-inventory", Set.of("Read"),
                        "group booking-sale-settings", Set.of("Read")),
                "catalog-service", Map.of("topic catalog.event-inventory", Set.of("Write"),
                        "topic booking.event-availability", Set.of("Read"), "group catalog-availability", Set.of("Read")),
                "payment-service", Map.of("topic payment.requests", Set.of("Read", "Write"),
                        "topic payment.events", Set.of("Write"), "group payment-service", Set.of("Read"),
                        "topic booking.refund-requests", Set.of("Read"), "group payment-refunds", Set.of("Read"),
                        "topic booking.refund-requests.dlt", Set.of("Write")),
                "waiting-room-service", Map.of("topic waitingroom.sale-settings", Set.of("Write"),
                        "topic catalog.event-inventory", Set.of("Read"), "group waiting-room-inventory", Set.of("Read"),
                        "topic booking.event-availability", Set.of("Read"),
                        "group waiting-room-availability", Set.of("Read"))));
    }

    @Test
    void theListenersOfTheCodeAreFound() {
        KafkaRules kafka = new KafkaRules(Builds.repository());
        assertThat(kafka.listeners("booking-service")).extracting(KafkaRules.Listener::group)
                .containsExactlyInAnyOrder("booking-commands", "booking-inventory", "booking-sale-settings");
        assertThat(kafka.listeners("payment-service")).extracting(KafkaRules.Listener::group)
                .containsExactlyInAnyOrder("payment-service", "payment-refunds");
        assertThat(kafka.listeners("waiting-room-service")).extracting(KafkaRules.Listener::group)
                .containsExactlyInAnyOrder("waiting-room-inventory", "waiting-room-availability");
        assertThat(kafka.listeners("catalog-service")).extracting(KafkaRules.Listener::group)
                .containsExactly("catalog-availability");
    }

    @Test
    void aListenerWithoutScramOrPeersOrAClusterWithoutAuthorizationIsReported() {
        Manifests infra = Builds.fresh("k8s/infra");
        Map<String, Object> kafka = ComposeRules.map(KubernetesObjects.spec(infra.custom("Kafka").get(0)).get("kafka"));
        Map<String, Object> listener = ComposeRules.map(ComposeRules.list(kafka.get("listeners")).get(0));
        listener.remove("authentication");
        listener.remove("networkPolicyPeers");
        kafka.remove("authorization");
        assertThat(rules.check(Builds.prod(), infra))
                .anySatisfy(p -> assertThat(p).contains("listener scram: authentication must be {type: scram-sha-512}"))
                .anySatisfy(p -> assertThat(p).contains("listener scram: no networkPolicyPeers"))
                .anySatisfy(p -> assertThat(p).contains("Kafka/ticketing-kafka: authorization must be {type: simple}"))
                .anySatisfy(p -> assertThat(p).contains("the networkPolicyPeers of the listener do not admit KEDA"));
    }

    @Test
    void peersThatAdmitAServiceWithoutKafkaOrMissOneThatUsesItAreReported() {
        Manifests infra = Builds.fresh("k8s/infra");
        Map<String, Object> kafka = ComposeRules.map(KubernetesObjects.spec(infra.custom("Kafka").get(0)).get("kafka"));
        Map<String, Object> peer = ComposeRules.map(ComposeRules.list(ComposeRules.map(ComposeRules.list(kafka.get("listeners"))
                .get(0)).get("networkPolicyPeers")).get(0));
        Map<String, Object> expression = ComposeRules.map(ComposeRules.list(ComposeRules.map(peer.get("podSelector"))
                .get("matchExpressions")).get(0));
        expression.put("values", List.of("waiting-room-service", "booking-service", "payment-service", "search-service"));
        assertThat(rules.check(Builds.prod(), infra))
                .anySatisfy(p -> assertThat(p).contains("Deployment/catalog-service: not among the networkPolicyPeers"))
                .anySatisfy(p -> assertThat(p).contains("networkPolicyPeers admit search-service, whose settings never name Kafka"));
    }

    @Test
    void aUserOperatorWritingTheSecretsElsewhereIsReported() {
        Manifests infra = Builds.fresh("k8s/infra");
        Map<String, Object> userOperator = ComposeRules.map(ComposeRules.map(KubernetesObjects.spec(infra.custom("Kafka")
                .get(0)).get("entityOperator")).get("userOperator"));
        userOperator.remove("watchedNamespace");
        assertThat(rules.check(Builds.prod(), infra)).anySatisfy(p -> assertThat(p)
                .contains("the User Operator watches ticketing-data, so the KafkaUsers' Secrets are written there"));
    }

    @Test
    void aServiceWithoutItsCredentialsIsReported() {
        Manifests prod = Builds.fresh("k8s/overlays/prod");
        Map<String, String> catalog = prod.find(ConfigMap.class, "catalog-service-config").orElseThrow().getData();
        catalog.put("TICKETING_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        catalog.put("TICKETING_KAFKA_USERNAME", "catalog");
        prod.find(Deployment.class, "payment-service").orElseThrow().getSpec().getTemplate().getSpec().getContainers().get(0)
                .getEnv().stream().filter(e -> e.getName().equals("TICKETING_KAFKA_PASSWORD")).findFirst().orElseThrow()
                .getValueFrom().getSecretKeyRef().setName("ticketing-secrets");
        assertThat(rules.check(prod, Builds.infrastructure()))
                .anySatisfy(p -> assertThat(p).contains("Deployment/catalog-service: TICKETING_KAFKA_SECURITY_PROTOCOL must be "
                        + "SASL_PLAINTEXT, not PLAINTEXT"))
                .anySatisfy(p -> assertThat(p).contains("Deployment/catalog-service: no KafkaUser catalog"))
                .anySatisfy(p -> assertThat(p).contains("KafkaUser/catalog-service: no service logs in as it"))
                .anySatisfy(p -> assertThat(p).contains("Deployment/payment-service: TICKETING_KAFKA_PASSWORD must be "
                        + "secret:kafka-payment-service/password"));
    }

    @Test
    void aUserMissingTheAclsOfItsListenersOrWithTooMuchIsReported() {
        Manifests prod = Builds.fresh("k8s/overlays/prod");
        GenericKubernetesResource booking = prod.custom("KafkaUser").stream()
                .filter(u -> u.getMetadata().getName().equals("booking-service")).findFirst().orElseThrow();
        List<Object> acls = ComposeRules.list(ComposeRules.map(KubernetesObjects.spec(booking).get("authorization")).get("acls"))
                .stream().filter(a -> !"booking-inventory".equals(ComposeRules.map(ComposeRules.map(a).get("resource")).get("name")))
                .map(a -> (Object) a).toList();
        List<Object> changed = new ArrayList<>(acls);
        changed.add(acl("topic", "*", List.of("All")));
        changed.add(acl("group", "anything", List.of("Read")));
        ComposeRules.map(KubernetesObjects.spec(booking).get("authorization")).put("acls", changed);
        assertThat(rules.check(prod, Builds.infrastructure()))
                .anySatisfy(p -> assertThat(p).contains("KafkaUser/booking-service (booking-service): InventoryListener.java "
                        + "consumes as group booking-inventory: the user needs Read on it"))
                .anySatisfy(p -> assertThat(p).contains("ACL [All] on topic *: no service may All"))
                .anySatisfy(p -> assertThat(p).contains("ACL [All] on topic *: names no topic of contracts' Topics"))
                .anySatisfy(p -> assertThat(p).contains("ACL [Read] on group anything: names no consumer group"));
    }

    @Test
    void aKedaTriggerWithoutScramIsReported() {
        Manifests prod = Builds.fresh("k8s/overlays/prod");
        for (GenericKubernetesResource scaledObject : prod.custom("ScaledObject")) {
            for (Object trigger : ComposeRules.list(KubernetesObjects.spec(scaledObject).get("triggers"))) {
                ComposeRules.map(ComposeRules.map(trigger).get("metadata")).remove("sasl");
                ComposeRules.map(trigger).remove("authenticationRef");
            }
        }
        assertThat(rules.check(prod, Builds.infrastructure()))
                .anySatisfy(p -> assertThat(p).contains("ScaledObject/booking-service: the listener asks for SCRAM-SHA-512: "
                        + "set sasl: scram_sha512"))
                .anySatisfy(p -> assertThat(p).contains("ScaledObject/payment-service: authenticationRef names no "
                        + "TriggerAuthentication"));
    }

    private static Map<String, Object> acl(String type, String name, List<String> operations) {
        Map<String, Object> resource = new LinkedHashMap<>(Map.of("type", type, "name", name, "patternType", "literal"));
        return new LinkedHashMap<>(Map.of("resource", resource, "operations", operations));
    }
}
