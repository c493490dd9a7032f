package io.surge.ticketing.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

class DataStoresUnitTests {

    private final DataStoreRules rules = new DataStoreRules();

    @Test
    void theDataNamespaceDeniesIngressByDefault() {
        NetworkPolicy deny = Builds.infrastructure().find(NetworkPolicy.class, "default-deny-ingress").orElseThrow();
        assertThat(deny.getMetadata().getNamespace()).isEqualTo("ticketing-data");
        assertThat(DataStoreRules.selectsAll(deny.getSpec().getPodSelector())).isTrue();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
    }

    @Test
    void eachDataStoreAdmitsExactlyTheServicesWhoseSettingsNameIt() {
        for (Manifests overlay : Builds.overlays()) {
            assertThat(rules.checkPolicies(overlay, Builds.infrastructure())).as(overlay.name()).isEmpty();
        }
        Manifests infra = Builds.infrastructure();
        assertThat(admitted(infra, "postgres-ingress")).containsExactlyInAnyOrder("catalog-service", "booking-service",
                "payment-service", "cleanup-worker", "cdc-connector");
        assertThat(admitted(infra, "redis-ingress")).containsExactlyInAnyOrder("gateway-service", "waiting-room-service",
                "booking-service", "payment-service", "cleanup-worker");
        assertThat(admitted(infra, "kafka-ingress")).containsExactlyInAnyOrder("waiting-room-service", "catalog-service",
                "booking-service", "payment-service");
        assertThat(admitted(infra, "elasticsearch-ingress")).containsExactlyInAnyOrder("search-service", "cdc-connector");
    }

    @Test
    void withoutADefaultDenyTheDataNamespaceIsReported() {
        Manifests infra = Builds.infrastructure();
        Manifests open = new Manifests("open", infra.objects().stream()
                .filter(o -> !o.getMetadata().getName().equals("default-deny-ingress")).toList());
        assertThat(rules.checkPolicies(Builds.prod(), open))
                .anySatisfy(p -> assertThat(p).contains("namespace ticketing-data: no default-deny ingress policy"));
    }

    @Test
    void aServiceTheStoreDoesNotAdmitOrOneItAdmitsForNothingIsReported() {
        Manifests infra = Builds.fresh("k8s/infra");
        List<String> values = values(infra.find(NetworkPolicy.class, "postgres-ingress").orElseThrow());
        values.remove("booking-service");
        values.add("search-service");
        assertThat(rules.checkPolicies(Builds.prod(), infra))
                .anySatisfy(p -> assertThat(p).contains("Deployment/booking-service -> ticketing-pg-rw.ticketing-data.svc."
                        + "cluster.local:5432 (TICKETING_DB_HOST): the ingress policies of namespace ticketing-data do not "
                        + "admit booking-service to Cluster/ticketing-pg on port 5432"))
                .anySatisfy(p -> assertThat(p).contains("NetworkPolicy/postgres-ingress (ticketing-data): admits "
                        + "search-service to Cluster/ticketing-pg, which its settings never name"));
    }

    @Test
    void aStoreOpenToTheWholeNamespaceIsReported() {
        Manifests infra = Builds.fresh("k8s/infra");
        infra.find(NetworkPolicy.class, "redis-ingress").orElseThrow().getSpec().getIngress().get(0).getFrom().get(0)
                .setPodSelector(null);
        assertThat(rules.checkPolicies(Builds.prod(), infra)).anySatisfy(p -> assertThat(p)
                .contains("NetworkPolicy/redis-ingress (ticketing-data): admits every pod of namespace ticketing"));
    }

    @Test
    void redisAsksEveryClientForItsAclUsersPasswordFromASecret() {
        for (Manifests overlay : Builds.overlays()) {
            assertThat(rules.checkRedis(overlay, Builds.infrastructure())).as(overlay.name()).isEmpty();
        }
        Container redis = redis(Builds.infrastructure());
        assertThat(String.join(" ", redis.getArgs())).contains("--user default off")
                .contains("--user ticketing on >$(REDIS_PASSWORD)");
        assertThat(redis.getEnv()).singleElement().satisfies(e -> {
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("ticketing-redis-credentials");
            assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("redis-password");
        });
        Manifests prod = Builds.prod();
        Set<String> clients = new TreeSet<>();
        for (Deployment d : prod.all(Deployment.class)) {
            Map<String, String> env = prod.environment(d.getSpec().getTemplate().getSpec().getContainers().get(0));
            if (env.containsKey("TICKETING_REDIS_HOST")) {
                clients.add(d.getMetadata().getName());
                assertThat(env).containsEntry("TICKETING_REDIS_USERNAME", "ticketing")
                        .containsEntry("TICKETING_REDIS_PASSWORD", "secret:ticketing-secrets/redis-password");
            }
        }
        assertThat(clients).containsExactly("booking-service", "cleanup-worker", "gateway-service", "payment-service",
                "waiting-room-service");
    }

    @Test
    void aRedisWithoutPasswordOrWithItsDefaultUserOnIsReported() {
        Manifests infra = Builds.fresh("k8s/infra");
        Container redis = redis(infra);
        List<String> args = new ArrayList<>(redis.getArgs());
        args.set(args.indexOf("off"), "on");
        redis.setArgs(args);
        assertThat(rules.checkRedis(Builds.prod(), infra))
                .anySatisfy(p -> assertThat(p).contains("StatefulSet/redis: the default user must be off"));
        redis.setArgs(List.of("--appendonly", "yes"));
        assertThat(rules.checkRedis(Builds.prod(), infra))
                .anySatisfy(p -> assertThat(p).contains("StatefulSet/redis: Redis accepts every client"));
        redis.setArgs(List.of("--requirepass", "hunter2"));
        assertThat(rules.checkRedis(Builds.prod(), infra))
                .anySatisfy(p -> assertThat(p).contains("--requirepass must be $(VAR) of an env var from a Secret"));
    }

    @Test
    void aClientWithoutPasswordOrLoggingInAsAnotherUserIsReported() {
        Manifests prod = Builds.fresh("k8s/overlays/prod");
        Container booking = prod.find(Deployment.class, "booking-service").orElseThrow().getSpec().getTemplate().getSpec()
                .getContainers().get(0);
        booking.getEnv().removeIf(e -> e.getName().equals("TICKETING_REDIS_PASSWORD"));
        prod.find(ConfigMap.class, "payment-service-config").orElseThrow().getData().put("TICKETING_REDIS_USERNAME", "default");
        assertThat(rules.checkRedis(prod, Builds.infrastructure()))
                .anySatisfy(p -> assertThat(p).contains("Deployment/booking-service: uses StatefulSet/redis without "
                        + "TICKETING_REDIS_PASSWORD from a Secret"))
                .anySatisfy(p -> assertThat(p).contains("Deployment/payment-service: TICKETING_REDIS_USERNAME must name an "
                        + "enabled ACL user of StatefulSet/redis [ticketing], not default"));
    }

    private static Container redis(Manifests infra) {
        return infra.find(StatefulSet.class, "redis").orElseThrow().getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static List<String> values(NetworkPolicy policy) {
        return policy.getSpec().getIngress().get(0).getFrom().get(0).getPodSelector().getMatchExpressions().get(0).getValues();
    }

    /** The services (app.kubernetes.io/name In [...]) of namespace ticketing a policy of the data namespace admits. */
    private static Set<String> admitted(Manifests infra, String policy) {
        Set<String> names = new TreeSet<>();
        for (var rule : infra.find(NetworkPolicy.class, policy).orElseThrow().getSpec().getIngress()) {
            for (NetworkPolicyPeer peer : rule.getFrom()) {
                if (peer.getNamespaceSelector() != null && "ticketing".equals(
                        peer.getNamespaceSelector().getMatchLabels().get(NetworkRules.NAMESPACE_LABEL))) {
                    peer.getPodSelector().getMatchExpressions().forEach(e -> names.addAll(e.getValues()));
                }
            }
        }
        return names;
    }
}
