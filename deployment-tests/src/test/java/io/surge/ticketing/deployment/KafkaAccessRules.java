package io.surge.ticketing.deployment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/**
 * Who may use Kafka (Strimzi): the cluster authorizes (simple), and the listener each service bootstraps from
 * authenticates with SCRAM-SHA-512 and names its networkPolicyPeers, which admit exactly the services whose
 * settings name Kafka (and KEDA's lag scaler). Each such service logs in as its own KafkaUser (TICKETING_KAFKA_
 * USERNAME, a user of that cluster with SCRAM-SHA-512) with the password of the Secret the User Operator writes
 * (TICKETING_KAFKA_PASSWORD: secret:&lt;secretPrefix&gt;&lt;user&gt;/password, in the services' namespace, so the
 * User Operator must watch it), the security protocol of the listener and the SCRAM-SHA-512 mechanism. A user's
 * ACLs name only platform topics (contracts' Topics) and the consumer groups of the services' listeners, never
 * All, Create, Delete, Alter or AlterConfigs, and cover what its service's code does: Read on the topics and group
 * of each @KafkaListener, some ACL on each topic its sources name, and Describe on every declared topic when
 * platform-support declares them at start-up. KEDA's Kafka triggers authenticate likewise, as a user that may
 * describe their group and topic.
 */
final class KafkaAccessRules {

    static final String MECHANISM = "SCRAM-SHA-512";
    /** Where KEDA's operator runs (k8s/README.md, Prerequisites): its lag scaler connects to the brokers. */
    static final String KEDA_NAMESPACE = "keda";
    private static final Set<String> FORBIDDEN = Set.of("All", "Create", "Delete", "Alter", "AlterConfigs");
    private static final Pattern HOST_PORT = Pattern.compile("^([a-z0-9-]+)\\.([a-z0-9-]+)(?:\\.svc(?:\\.cluster\\.local)?)?:(\\d+)$");

    private final Repository repository;
    private final KafkaRules kafka;

    KafkaAccessRules(Repository repository) {
        this.repository = repository;
        this.kafka = new KafkaRules(repository);
    }

    List<String> check(Manifests services, Manifests data) {
        List<String> problems = new ArrayList<>();
        for (GenericKubernetesResource cluster : data.custom("Kafka")) {
            checkCluster(cluster, services.namespace(), problems);
        }
        Set<String> groups = new LinkedHashSet<>();
        repository.serviceModules().forEach(m -> kafka.listeners(m).forEach(l -> groups.add(l.group())));
        Set<String> usersInUse = new LinkedHashSet<>();
        List<DataStoreRules.Use> uses = DataStoreRules.uses(services, data, new ArrayList<>()).stream()
                .filter(u -> u.store().name().startsWith("Kafka/")).toList();
        for (DataStoreRules.Use use : uses) {
            GenericKubernetesResource cluster = data.custom("Kafka").stream()
                    .filter(k -> use.store().name().startsWith("Kafka/" + k.getMetadata().getName())).findFirst().orElseThrow();
            String where = use.client().kind() + "/" + use.client().name();
            Optional<Map<String, Object>> listener = listener(cluster, use.port());
            if (listener.isEmpty()) {
                problems.add(where + ": Kafka/" + cluster.getMetadata().getName() + " has no listener on port " + use.port());
                continue;
            }
            checkListener(cluster, listener.get(), problems);
            List<NetworkPolicyPeer> peers = peers(listener.get());
            if (!peers.isEmpty() && peers.stream().noneMatch(p -> NetworkRules.peerSelects(p, use.client().podLabels(),
                    services.namespace(), data.namespace()))) {
                problems.add(where + ": not among the networkPolicyPeers of listener " + listener.get().get("name")
                        + " of Kafka/" + cluster.getMetadata().getName());
            }
            String variable = use.endpoint().variable();
            String prefix = variable.substring(0, variable.lastIndexOf('_') + 1);
            Map<String, String> env = services.environment(use.client().containers().get(0));
            String protocol = Boolean.TRUE.equals(listener.get().get("tls")) ? "SASL_SSL" : "SASL_PLAINTEXT";
            expect(where, env, prefix + "SECURITY_PROTOCOL", protocol, problems);
            expect(where, env, prefix + "SASL_MECHANISM", MECHANISM, problems);
            String user = env.get(prefix + "USERNAME");
            if (user == null || user.isBlank() || user.startsWith("secret:")) {
                problems.add(where + ": " + prefix + "USERNAME must name its KafkaUser (a plain value), not " + user);
                continue;
            }
            usersInUse.add(user);
            expect(where, env, prefix + "PASSWORD", "secret:" + secretPrefix(cluster) + user + "/password", problems);
            Optional<GenericKubernetesResource> kafkaUser = services.custom("KafkaUser").stream()
                    .filter(u -> u.getMetadata().getName().equals(user)).findFirst();
            if (kafkaUser.isEmpty()) {
                problems.add(where + ": no KafkaUser " + user + " (" + prefix + "USERNAME) in namespace " + services.namespace());
                continue;
            }
            checkUser(kafkaUser.get(), cluster, groups, problems);
            String module = Kustomize.imageName(String.valueOf(use.client().containers().get(0).getImage()))
                    .replace(WorkloadRules.REGISTRY, "");
            if (repository.serviceModules().contains(module)) {
                checkCoverage(module, kafkaUser.get(), problems);
            }
        }
        for (GenericKubernetesResource cluster : data.custom("Kafka")) {
            for (Object l : ComposeRules.list(ComposeRules.map(KubernetesObjects.spec(cluster).get("kafka")).get("listeners"))) {
                reversePeers(services, data, cluster, ComposeRules.map(l), uses, problems);
            }
        }
        for (GenericKubernetesResource user : services.custom("KafkaUser")) {
            if (!usersInUse.contains(user.getMetadata().getName())) {
                problems.add("KafkaUser/" + user.getMetadata().getName() + ": no service logs in as it");
            }
        }
        checkScalers(services, data, problems);
        return problems;
    }

    private static void checkCluster(GenericKubernetesResource cluster, String servicesNamespace, List<String> problems) {
        String where = "Kafka/" + cluster.getMetadata().getName();
        Map<String, Object> spec = KubernetesObjects.spec(cluster);
        Object authorization = ComposeRules.map(ComposeRules.map(spec.get("kafka")).get("authorization")).get("type");
        if (!"simple".equals(authorization)) {
            problems.add(where + ": authorization must be {type: simple}: without it every authenticated client may do "
                    + "anything (ACLs are not enforced)");
        }
        Map<String, Object> userOperator = ComposeRules.map(ComposeRules.map(spec.get("entityOperator")).get("userOperator"));
        if (!ComposeRules.map(spec.get("entityOperator")).containsKey("userOperator")) {
            problems.add(where + ": no entityOperator.userOperator: the KafkaUsers are never created");
        } else {
            Object watched = userOperator.getOrDefault("watchedNamespace", cluster.getMetadata().getNamespace());
            if (!servicesNamespace.equals(watched)) {
                problems.add(where + ": the User Operator watches " + watched + ", so the KafkaUsers' Secrets are written "
                        + "there, where the Deployments of " + servicesNamespace + " cannot read them "
                        + "(userOperator.watchedNamespace: " + servicesNamespace + ")");
            }
        }
    }

    private static void checkListener(GenericKubernetesResource cluster, Map<String, Object> listener, List<String> problems) {
        String where = "Kafka/" + cluster.getMetadata().getName() + " listener " + listener.get("name");
        Object authentication = ComposeRules.map(listener.get("authentication")).get("type");
        if (!"scram-sha-512".equals(authentication)) {
            problems.add(where + ": authentication must be {type: scram-sha-512}, not " + authentication
                    + " (the services log in with SCRAM-SHA-512)");
        }
        if (peers(listener).isEmpty()) {
            problems.add(where + ": no networkPolicyPeers: Strimzi's policy then admits every pod of the cluster");
        }
    }

    /** The peers of a listener that select the services' namespace select only services that use that cluster. */
    private static void reversePeers(Manifests services, Manifests data, GenericKubernetesResource cluster,
            Map<String, Object> listener, List<DataStoreRules.Use> uses, List<String> problems) {
        String where = "Kafka/" + cluster.getMetadata().getName() + " listener " + listener.get("name");
        for (NetworkPolicyPeer peer : peers(listener)) {
            if (peer.getNamespaceSelector() == null || !Manifests.matches(peer.getNamespaceSelector(),
                    Map.of(NetworkRules.NAMESPACE_LABEL, services.namespace()))) {
                continue;
            }
            if (DataStoreRules.selectsAll(peer.getPodSelector())) {
                problems.add(where + ": networkPolicyPeers admit every pod of namespace " + services.namespace());
                continue;
            }
            for (Manifests.Workload client : services.workloads()) {
                boolean selected = NetworkRules.peerSelects(peer, client.podLabels(), services.namespace(), data.namespace());
                boolean user = uses.stream().anyMatch(u -> u.client().name().equals(client.name())
                        && u.store().name().startsWith("Kafka/" + cluster.getMetadata().getName()));
                if (selected && !user) {
                    problems.add(where + ": networkPolicyPeers admit " + client.name() + ", whose settings never name Kafka");
                }
            }
        }
    }

    private void checkUser(GenericKubernetesResource user, GenericKubernetesResource cluster, Set<String> groups,
            List<String> problems) {
        String where = "KafkaUser/" + user.getMetadata().getName();
        Map<String, String> labels = user.getMetadata().getLabels() == null ? Map.of() : user.getMetadata().getLabels();
        if (!cluster.getMetadata().getName().equals(labels.get("strimzi.io/cluster"))) {
            problems.add(where + ": label strimzi.io/cluster must be " + cluster.getMetadata().getName());
        }
        Map<String, Object> spec = KubernetesObjects.spec(user);
        if (!"scram-sha-512".equals(ComposeRules.map(spec.get("authentication")).get("type"))) {
            problems.add(where + ": authentication must be {type: scram-sha-512}");
        }
        Map<String, Object> authorization = ComposeRules.map(spec.get("authorization"));
        if (!"simple".equals(authorization.get("type"))) {
            problems.add(where + ": authorization must be {type: simple} with the ACLs of its service");
        }
        Set<String> topics = Set.copyOf(kafka.topicNames().values());
        for (Object a : ComposeRules.list(authorization.get("acls"))) {
            Acl acl = Acl.of(ComposeRules.map(a));
            String what = where + ": ACL " + acl;
            if (!"allow".equals(acl.type())) {
                continue;
            }
            acl.operations().stream().filter(FORBIDDEN::contains)
                    .forEach(op -> problems.add(what + ": no service may " + op + " (topics are declared in k8s/infra)"));
            boolean literal = "literal".equals(acl.patternType());
            switch (acl.resourceType()) {
                case "topic" -> {
                    boolean known = literal ? topics.contains(acl.name())
                            : !acl.name().isEmpty() && !acl.name().equals("*") && topics.stream().anyMatch(t -> t.startsWith(acl.name()));
                    if (!known) {
                        problems.add(what + ": names no topic of contracts' Topics");
                    }
                }
                case "group" -> {
                    if (!literal || !groups.contains(acl.name())) {
                        problems.add(what + ": names no consumer group of the services' listeners " + groups);
                    }
                }
                default -> problems.add(what + ": only topic and group resources (no cluster, transactional id)");
            }
        }
    }

    /** The user's ACLs cover what the module's code does with Kafka. */
    private void checkCoverage(String module, GenericKubernetesResource user, List<String> problems) {
        String where = "KafkaUser/" + user.getMetadata().getName() + " (" + module + ")";
        List<Acl> acls = ComposeRules.list(ComposeRules.map(KubernetesObjects.spec(user).get("authorization")).get("acls"))
                .stream().map(a -> Acl.of(ComposeRules.map(a))).filter(a -> "allow".equals(a.type())).toList();
        for (KafkaRules.Listener listener : kafka.listeners(module)) {
            for (String topic : listener.topics()) {
                if (!allows(acls, "topic", topic, "Read")) {
                    problems.add(where + ": " + listener.source() + " reads topic " + topic + ": the user needs Read on it");
                }
            }
            if (listener.group() != null && !allows(acls, "group", listener.group(), "Read")) {
                problems.add(where + ": " + listener.source() + " consumes as group " + listener.group()
                        + ": the user needs Read on it");
            }
        }
        for (String topic : kafka.referencedTopics(module)) {
            if (!allows(acls, "topic", topic, null)) {
                problems.add(where + ": its sources use topic " + topic + ", on which the user has no ACL");
            }
        }
        if (repository.moduleWithTicketingDependencies(module).contains("platform-support")) {
            for (String topic : kafka.declaredTopics().keySet()) {
                if (!allows(acls, "topic", topic, "Describe")) {
                    problems.add(where + ": platform-support declares topic " + topic + " at start-up (KafkaAdmin "
                            + "describes it): the user needs Describe on it");
                }
            }
        }
    }

    private void checkScalers(Manifests services, Manifests data, List<String> problems) {
        for (GenericKubernetesResource scaledObject : services.custom("ScaledObject")) {
            Map<String, Object> spec = KubernetesObjects.spec(scaledObject);
            String target = String.valueOf(ComposeRules.map(spec.get("scaleTargetRef")).get("name"));
            String where = "ScaledObject/" + scaledObject.getMetadata().getName();
            for (Object t : ComposeRules.list(spec.get("triggers"))) {
                Map<String, Object> trigger = ComposeRules.map(t);
                Map<String, Object> metadata = ComposeRules.map(trigger.get("metadata"));
                if (!"kafka".equals(trigger.get("type"))) {
                    continue;
                }
                Matcher bootstrap = HOST_PORT.matcher(String.valueOf(metadata.get("bootstrapServers")).split(",")[0]);
                if (!bootstrap.matches() || !bootstrap.group(2).equals(data.namespace())) {
                    continue;
                }
                int port = Integer.parseInt(bootstrap.group(3));
                Optional<GenericKubernetesResource> cluster = data.custom("Kafka").stream()
                        .filter(k -> bootstrap.group(1).startsWith(k.getMetadata().getName() + "-kafka")).findFirst();
                Optional<Map<String, Object>> listener = cluster.flatMap(k -> listener(k, port));
                if (listener.isEmpty()) {
                    problems.add(where + ": no Kafka listener at " + metadata.get("bootstrapServers"));
                    continue;
                }
                if (peers(listener.get()).stream().noneMatch(p -> p.getNamespaceSelector() != null
                        && Manifests.matches(p.getNamespaceSelector(), Map.of(NetworkRules.NAMESPACE_LABEL, KEDA_NAMESPACE)))) {
                    problems.add(where + ": the networkPolicyPeers of the listener do not admit KEDA (namespace "
                            + KEDA_NAMESPACE + "), whose scaler reads the lag");
                }
                if (!"scram-sha-512".equals(ComposeRules.map(listener.get().get("authentication")).get("type"))) {
                    continue;
                }
                if (!"scram_sha512".equals(metadata.get("sasl"))) {
                    problems.add(where + ": the listener asks for SCRAM-SHA-512: set sasl: scram_sha512");
                }
                String reference = String.valueOf(ComposeRules.map(trigger.get("authenticationRef")).get("name"));
                Optional<GenericKubernetesResource> authentication = services.custom("TriggerAuthentication").stream()
                        .filter(a -> a.getMetadata().getName().equals(reference)).findFirst();
                if (authentication.isEmpty()) {
                    problems.add(where + ": authenticationRef names no TriggerAuthentication (" + reference + ")");
                    continue;
                }
                checkScalerUser(services, where, target, authentication.get(), String.valueOf(metadata.get("consumerGroup")),
                        String.valueOf(metadata.get("topic")), problems);
            }
        }
    }

    private static void checkScalerUser(Manifests services, String where, String target,
            GenericKubernetesResource authentication, String group, String topic, List<String> problems) {
        Map<String, Object> spec = KubernetesObjects.spec(authentication);
        Set<String> parameters = new LinkedHashSet<>();
        ComposeRules.list(spec.get("secretTargetRef")).forEach(r -> parameters.add(String.valueOf(ComposeRules.map(r).get("parameter"))));
        String user = null;
        Optional<Container> container = services.find(Deployment.class, target)
                .map(d -> d.getSpec().getTemplate().getSpec().getContainers().get(0));
        Map<String, String> env = container.map(services::environment).orElse(Map.of());
        for (Object e : ComposeRules.list(spec.get("env"))) {
            Map<String, Object> entry = ComposeRules.map(e);
            String parameter = String.valueOf(entry.get("parameter"));
            String variable = String.valueOf(entry.get("name"));
            if (!env.containsKey(variable)) {
                problems.add("TriggerAuthentication/" + authentication.getMetadata().getName() + ": " + target
                        + " has no variable " + variable + " (" + parameter + ")");
                continue;
            }
            parameters.add(parameter);
            if (parameter.equals("username")) {
                user = env.get(variable);
            }
        }
        if (!parameters.containsAll(List.of("username", "password"))) {
            problems.add("TriggerAuthentication/" + authentication.getMetadata().getName() + ": needs username and password "
                    + "for SCRAM, has " + parameters);
        }
        if (user == null) {
            return;
        }
        String name = user;
        Optional<GenericKubernetesResource> kafkaUser = services.custom("KafkaUser").stream()
                .filter(u -> u.getMetadata().getName().equals(name)).findFirst();
        List<Acl> acls = kafkaUser.map(u -> ComposeRules.list(ComposeRules.map(KubernetesObjects.spec(u).get("authorization"))
                .get("acls")).stream().map(a -> Acl.of(ComposeRules.map(a))).toList()).orElse(List.of());
        if (!allows(acls, "group", group, "Describe") || !allows(acls, "topic", topic, "Describe")) {
            problems.add(where + ": KEDA logs in as " + user + ", which may not describe group " + group + " and topic " + topic);
        }
    }

    /** Whether the ACLs allow an operation (null: any) on a resource; Read, Write (and the others) imply Describe. */
    private static boolean allows(List<Acl> acls, String type, String name, String operation) {
        return acls.stream().filter(a -> a.resourceType().equals(type) && a.matches(name)).anyMatch(a -> operation == null
                || a.operations().contains(operation) || a.operations().contains("All")
                || operation.equals("Describe") && !a.operations().isEmpty());
    }

    private static Optional<Map<String, Object>> listener(GenericKubernetesResource cluster, int port) {
        return ComposeRules.list(ComposeRules.map(KubernetesObjects.spec(cluster).get("kafka")).get("listeners")).stream()
                .map(ComposeRules::map).filter(l -> Integer.valueOf(port).equals(l.get("port"))).findFirst();
    }

    private static List<NetworkPolicyPeer> peers(Map<String, Object> listener) {
        return ComposeRules.list(listener.get("networkPolicyPeers")).stream()
                .map(p -> KubernetesObjects.convert(p, NetworkPolicyPeer.class)).toList();
    }

    private static String secretPrefix(GenericKubernetesResource cluster) {
        Object prefix = ComposeRules.map(ComposeRules.map(KubernetesObjects.spec(cluster).get("entityOperator"))
                .get("userOperator")).get("secretPrefix");
        return prefix == null ? "" : prefix.toString();
    }

    private static void expect(String where, Map<String, String> env, String variable, String expected, List<String> problems) {
        if (!expected.equals(env.get(variable))) {
            problems.add(where + ": " + variable + " must be " + expected + ", not " + env.get(variable));
        }
    }

    /** One ACL rule of a KafkaUser (Strimzi: resource, operations or the older operation, type allow by default). */
    record Acl(String resourceType, String name, String patternType, List<String> operations, String type) {

        static Acl of(Map<String, Object> rule) {
            Map<String, Object> resource = ComposeRules.map(rule.get("resource"));
            List<String> operations = new ArrayList<>();
            ComposeRules.list(rule.get("operations")).forEach(o -> operations.add(String.valueOf(o)));
            if (rule.get("operation") != null) {
                operations.add(String.valueOf(rule.get("operation")));
            }
            return new Acl(String.valueOf(resource.get("type")), String.valueOf(resource.getOrDefault("name", "*")),
                    String.valueOf(resource.getOrDefault("patternType", "literal")), operations,
                    String.valueOf(rule.getOrDefault("type", "allow")));
        }

        boolean matches(String resource) {
            return name.equals("*") || ("prefix".equals(patternType) ? resource.startsWith(name) : resource.equals(name));
        }

        @Override
        public String toString() {
            return operations + " on " + resourceType + " " + name + ("literal".equals(patternType) ? "" : " (" + patternType + ")");
        }
    }
}
