package io.surge.ticketing.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/**
 * The data stores' namespace (k8s/infra) seen from the services' (an overlay): ingress is denied there by default,
 * and each store admits exactly the services whose settings name it (an endpoint of theirs resolves to a Service
 * in front of it, or to one its operator creates), on that port; a policy there that admits a service of the
 * overlay which uses none of the stores behind it, or the whole namespace, is reported. Redis asks for a password
 * from a Secret ({@code requirepass} or ACL users with the default user off), and every service using it logs in
 * with a password from a Secret (and, with ACL users, as an enabled user).
 */
final class DataStoreRules {

    private static final Pattern CLUSTER_HOST = Pattern.compile("^([a-z0-9-]+)\\.([a-z0-9-]+)(\\.svc(\\.cluster\\.local)?)?$");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    /** A data store: the pods behind a Service of the data namespace, a workload there or run by an operator. */
    record Store(String name, Map<String, String> podLabels, Manifests.Workload workload) {
    }

    /** A service's endpoint into the data namespace and what it reaches: the store and its port (name if known). */
    record Use(Manifests.Workload client, NetworkRules.Endpoint endpoint, Store store, int port, String portName) {
    }

    List<String> checkPolicies(Manifests services, Manifests data) {
        List<String> problems = new ArrayList<>();
        String dataNamespace = data.namespace();
        List<NetworkPolicy> policies = data.all(NetworkPolicy.class);
        boolean denied = policies.stream().anyMatch(p -> p.getSpec().getPodSelector() != null
                && Manifests.matches(p.getSpec().getPodSelector(), Map.of("any-pod", "x"))
                && NetworkRules.applies(p, Map.of(), "Ingress")
                && (p.getSpec().getIngress() == null || p.getSpec().getIngress().isEmpty()));
        if (!denied) {
            problems.add("namespace " + dataNamespace + ": no default-deny ingress policy (podSelector {}, policyTypes "
                    + "[Ingress], no rules): every pod there is open to the whole cluster");
        }
        List<Use> uses = uses(services, data, problems);
        for (Use use : uses) {
            String where = use.client().kind() + "/" + use.client().name() + " -> " + use.endpoint().host() + ":"
                    + use.endpoint().port() + " (" + use.endpoint().variable() + ")";
            boolean allowed = policies.stream().filter(p -> NetworkRules.applies(p, use.store().podLabels(), "Ingress"))
                    .flatMap(p -> rules(p).stream())
                    .anyMatch(rule -> NetworkRules.portAllowed(rule.getPorts(), use.port(), use.portName(), "TCP")
                            && rule.getFrom() != null && rule.getFrom().stream().anyMatch(peer -> NetworkRules.peerSelects(
                                    peer, use.client().podLabels(), services.namespace(), dataNamespace)));
            if (!allowed) {
                problems.add(where + ": the ingress policies of namespace " + dataNamespace + " do not admit "
                        + use.client().name() + " to " + use.store().name() + " on port " + use.port());
            }
        }
        List<Store> stores = stores(data);
        for (NetworkPolicy policy : policies) {
            List<Store> behind = stores.stream().filter(s -> NetworkRules.applies(policy, s.podLabels(), "Ingress")).toList();
            for (NetworkPolicyIngressRule rule : rules(policy)) {
                for (NetworkPolicyPeer peer : rule.getFrom() == null ? List.<NetworkPolicyPeer>of() : rule.getFrom()) {
                    if (peer.getNamespaceSelector() == null || !Manifests.matches(peer.getNamespaceSelector(),
                            Map.of(NetworkRules.NAMESPACE_LABEL, services.namespace()))) {
                        continue;
                    }
                    String where = "NetworkPolicy/" + policy.getMetadata().getName() + " (" + dataNamespace + ")";
                    if (selectsAll(peer.getPodSelector())) {
                        problems.add(where + ": admits every pod of namespace " + services.namespace()
                                + "; name the services that use " + names(behind));
                        continue;
                    }
                    for (Manifests.Workload client : services.workloads()) {
                        if (!NetworkRules.peerSelects(peer, client.podLabels(), services.namespace(), dataNamespace)) {
                            continue;
                        }
                        for (Store store : behind) {
                            boolean named = uses.stream().anyMatch(u -> u.client().name().equals(client.name())
                                    && u.store().name().equals(store.name()));
                            if (!named) {
                                problems.add(where + ": admits " + client.name() + " to " + store.name()
                                        + ", which its settings never name");
                            }
                        }
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Redis (the store the services reach through a *_REDIS_HOST setting) authenticates its clients with a password
     * from a Secret, and every client has one (and its ACL user, when Redis has ACL users).
     */
    List<String> checkRedis(Manifests services, Manifests data) {
        List<String> problems = new ArrayList<>();
        Map<String, List<Use>> byStore = new LinkedHashMap<>();
        for (Use use : uses(services, data, new ArrayList<>())) {
            if (use.endpoint().variable().endsWith("REDIS_HOST")) {
                byStore.computeIfAbsent(use.store().name(), k -> new ArrayList<>()).add(use);
            }
        }
        for (List<Use> uses : byStore.values()) {
            Store store = uses.get(0).store();
            if (store.workload() == null) {
                continue;
            }
            for (Container container : store.workload().containers()) {
                String where = store.workload().kind() + "/" + store.workload().name();
                Set<String> users = redisUsers(where, container, problems);
                for (Use use : uses) {
                    String prefix = use.endpoint().variable().substring(0, use.endpoint().variable().length() - "HOST".length());
                    Map<String, String> env = services.environment(use.client().containers().get(0));
                    String client = use.client().kind() + "/" + use.client().name();
                    String password = env.get(prefix + "PASSWORD");
                    if (password == null || !password.startsWith("secret:")) {
                        problems.add(client + ": uses " + store.name() + " without " + prefix + "PASSWORD from a Secret");
                    }
                    if (users != null) {
                        String user = env.get(prefix + "USERNAME");
                        if (user == null || !users.contains(user)) {
                            problems.add(client + ": " + prefix + "USERNAME must name an enabled ACL user of " + where
                                    + " " + users + ", not " + user);
                        }
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Checks how Redis authenticates; returns its enabled ACL users (null with requirepass or an ACL file, whose
     * users are not in the manifests).
     */
    private static Set<String> redisUsers(String where, Container container, List<String> problems) {
        List<String> words = new ArrayList<>();
        if (container.getCommand() != null) {
            words.addAll(container.getCommand());
        }
        if (container.getArgs() != null) {
            words.addAll(container.getArgs());
        }
        Map<String, List<List<String>>> directives = directives(words);
        if (directives.containsKey("requirepass")) {
            List<String> value = directives.get("requirepass").get(0);
            if (value.size() != 1 || !fromSecret(container, value.get(0))) {
                problems.add(where + ": --requirepass must be $(VAR) of an env var from a Secret, not " + value);
            }
            return null;
        }
        if (directives.containsKey("aclfile")) {
            return null;
        }
        if (!directives.containsKey("user")) {
            problems.add(where + ": Redis accepts every client: no --requirepass, no ACL users (--user), no --aclfile");
            return null;
        }
        Set<String> enabled = new LinkedHashSet<>();
        boolean defaultOff = false;
        for (List<String> user : directives.get("user")) {
            if (user.isEmpty()) {
                continue;
            }
            String name = user.get(0);
            boolean on = user.contains("on") && !user.contains("off");
            if (name.equals("default")) {
                defaultOff = !on;
                continue;
            }
            if (!on) {
                continue;
            }
            enabled.add(name);
            if (user.contains("nopass")) {
                problems.add(where + ": ACL user " + name + " has no password (nopass)");
            }
            boolean secretPassword = user.stream().filter(w -> w.startsWith(">"))
                    .anyMatch(w -> fromSecret(container, w.substring(1)));
            if (!secretPassword) {
                problems.add(where + ": ACL user " + name + " needs a password >$(VAR) from a Secret");
            }
        }
        if (!defaultOff) {
            problems.add(where + ": the default user must be off (--user default off): it logs in without a password");
        }
        return enabled;
    }

    /** Whether a word is $(VAR) of an env var of the container that comes from a Secret. */
    private static boolean fromSecret(Container container, String word) {
        Matcher m = ENV_REFERENCE.matcher(word);
        if (!m.matches() || container.getEnv() == null) {
            return false;
        }
        return container.getEnv().stream().filter(e -> e.getName().equals(m.group(1))).map(EnvVar::getValueFrom)
                .anyMatch(from -> from != null && from.getSecretKeyRef() != null);
    }

    /** redis-server's command line: --name starts a directive, the words after it are its arguments. */
    static Map<String, List<List<String>>> directives(List<String> words) {
        Map<String, List<List<String>>> directives = new LinkedHashMap<>();
        List<String> current = null;
        for (String word : words) {
            if (word.startsWith("--")) {
                current = new ArrayList<>();
                directives.computeIfAbsent(word.substring(2), k -> new ArrayList<>()).add(current);
            } else if (current != null) {
                current.add(word);
            }
        }
        return directives;
    }

    /** Every endpoint of the services into the data namespace, resolved to its store. */
    static List<Use> uses(Manifests services, Manifests data, List<String> problems) {
        List<Use> uses = new ArrayList<>();
        for (Manifests.Workload client : services.workloads()) {
            for (Container container : client.containers()) {
                for (NetworkRules.Endpoint endpoint : NetworkRules.endpoints(services.environment(container))) {
                    Matcher cluster = CLUSTER_HOST.matcher(endpoint.host());
                    if (!cluster.matches() || !cluster.group(2).equals(data.namespace())) {
                        continue;
                    }
                    Optional<Use> use = resolve(client, endpoint, cluster.group(1), data);
                    if (use.isPresent()) {
                        uses.add(use.get());
                    } else {
                        problems.add(client.kind() + "/" + client.name() + " -> " + endpoint.host() + ":" + endpoint.port()
                                + " (" + endpoint.variable() + "): no Service " + cluster.group(1) + " with that port in "
                                + data.namespace());
                    }
                }
            }
        }
        return uses;
    }

    private static Optional<Use> resolve(Manifests.Workload client, NetworkRules.Endpoint endpoint, String serviceName,
            Manifests data) {
        Optional<Service> service = data.find(Service.class, serviceName);
        if (service.isPresent()) {
            Optional<ServicePort> port = service.get().getSpec().getPorts().stream()
                    .filter(p -> p.getPort() == endpoint.port()).findFirst();
            if (port.isEmpty()) {
                return Optional.empty();
            }
            IntOrString target = port.get().getTargetPort() != null ? port.get().getTargetPort() : new IntOrString(endpoint.port());
            for (Manifests.Workload workload : data.workloads()) {
                Optional<ContainerPort> containerPort = workload.port(target);
                if (Manifests.matches(service.get().getSpec().getSelector(), workload.podLabels()) && containerPort.isPresent()) {
                    return Optional.of(new Use(client, endpoint, new Store(workload.kind() + "/" + workload.name(),
                            workload.podLabels(), workload), containerPort.get().getContainerPort(), containerPort.get().getName()));
                }
            }
            return Optional.empty();
        }
        return data.operatorPods().stream().filter(p -> p.services().contains(serviceName)).findFirst()
                .map(p -> new Use(client, endpoint, new Store(p.owner(), p.labels(), null), endpoint.port(), null));
    }

    private static List<Store> stores(Manifests data) {
        List<Store> stores = new ArrayList<>();
        data.workloads().forEach(w -> stores.add(new Store(w.kind() + "/" + w.name(), w.podLabels(), w)));
        data.operatorPods().stream().filter(p -> !p.services().isEmpty())
                .forEach(p -> stores.add(new Store(p.owner(), p.labels(), null)));
        return stores;
    }

    static boolean selectsAll(LabelSelector selector) {
        return selector == null || (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    private static List<NetworkPolicyIngressRule> rules(NetworkPolicy policy) {
        return policy.getSpec().getIngress() == null ? List.of() : policy.getSpec().getIngress();
    }

    private static List<String> names(List<Store> stores) {
        return stores.stream().map(Store::name).toList();
    }
}
