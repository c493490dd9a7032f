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
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * Every endpoint a workload is configured with (URLs, host:port lists, X_HOST + X_PORT pairs in its environment) is
 * reachable under the NetworkPolicies, both ways: a Service of the build must exist with that port, the caller's
 * egress must allow the callee's pods and the callee's ingress the caller's pods; an endpoint in another namespace
 * (the data stores, the collector) must be allowed by the caller's egress to that namespace, one outside the
 * cluster by an ipBlock. Pods with egress rules must reach DNS. And the other way round: a workload's API port is
 * open only to its callers (and the Ingress' backend to the ingress controller).
 */
final class NetworkRules {

    static final String NAMESPACE_LABEL = "kubernetes.io/metadata.name";
    /** The controller of the Ingress (ingressClassName nginx), as k8s/README.md's prerequisites place it. */
    static final String INGRESS_CONTROLLER_NAMESPACE = "ingress-nginx";
    static final Map<String, String> INGRESS_CONTROLLER_PODS = Map.of("app.kubernetes.io/name", "ingress-nginx");

    private static final Pattern URL = Pattern.compile("^(https?)://([A-Za-z0-9.-]+)(?::(\\d+))?(?:[/?#].*)?$");
    private static final Pattern HOST_PORTS = Pattern.compile("^[A-Za-z0-9.-]+:\\d+(,[A-Za-z0-9.-]+:\\d+)*$");
    private static final Pattern CLUSTER_HOST = Pattern.compile("^([a-z0-9-]+)\\.([a-z0-9-]+)(\\.svc(\\.cluster\\.local)?)?$");

    record Endpoint(String variable, String host, int port) {
    }

    List<String> check(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        List<NetworkPolicy> policies = manifests.all(NetworkPolicy.class);
        for (Manifests.Workload source : manifests.workloads()) {
            for (Container container : source.containers()) {
                String where = source.kind() + "/" + source.name();
                if (restricted(policies, source, "Egress") && !egressToNamespace(policies, source, "kube-system", 53, "UDP")) {
                    problems.add(where + ": its egress policies do not allow DNS (UDP 53 to kube-system)");
                }
                for (Endpoint endpoint : endpoints(manifests.environment(container))) {
                    check(manifests, policies, source, endpoint, problems);
                }
            }
        }
        return problems;
    }

    /**
     * The API port (`http`) of a workload is open only to the pods configured to call it (a URL or host:port of
     * theirs reaches it through a Service) and, for the Ingress' backend, to the ingress controller: never to other
     * pods, another namespace (Prometheus scrapes `management`), an address range, or everyone (a rule without
     * peers). A rule without ports opens every port, the API port with them.
     */
    List<String> checkApiPorts(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        String namespace = manifests.namespace();
        Map<String, Set<String>> callers = callers(manifests);
        Set<String> backends = ingressBackends(manifests);
        for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
            for (Manifests.Workload target : manifests.workloads()) {
                Optional<ContainerPort> http = target.port(new IntOrString("http"));
                if (!applies(policy, target, "Ingress") || http.isEmpty() || policy.getSpec().getIngress() == null) {
                    continue;
                }
                String where = "NetworkPolicy/" + policy.getMetadata().getName() + " opens the API port of " + target.name();
                for (var rule : policy.getSpec().getIngress()) {
                    if (!portAllowed(rule.getPorts(), http.get().getContainerPort(), "http", "TCP")) {
                        continue;
                    }
                    if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                        problems.add(where + " to every source");
                        continue;
                    }
                    for (NetworkPolicyPeer peer : rule.getFrom()) {
                        apiPortPeer(manifests, namespace, target, peer, callers, backends, where, problems);
                    }
                }
            }
        }
        return problems;
    }

    private static void apiPortPeer(Manifests manifests, String namespace, Manifests.Workload target, NetworkPolicyPeer peer,
            Map<String, Set<String>> callers, Set<String> backends, String where, List<String> problems) {
        if (peer.getIpBlock() != null) {
            problems.add(where + " to the addresses " + peer.getIpBlock().getCidr());
            return;
        }
        LabelSelector namespaces = peer.getNamespaceSelector();
        boolean ownNamespace = namespaces == null || Manifests.matches(namespaces, Map.of(NAMESPACE_LABEL, namespace));
        if (ownNamespace) {
            if (peer.getPodSelector() == null) {
                problems.add(where + " to every pod of namespace " + namespace);
            } else {
                for (Manifests.Workload source : manifests.workloads()) {
                    if (Manifests.matches(peer.getPodSelector(), source.podLabels())
                            && !callers.getOrDefault(target.name(), Set.of()).contains(source.name())) {
                        problems.add(where + " to " + source.name() + ", which is configured to call it nowhere");
                    }
                }
            }
        }
        if (namespaces != null) {
            boolean controller = backends.contains(target.name()) && peer.getPodSelector() != null
                    && Manifests.matches(namespaces, Map.of(NAMESPACE_LABEL, INGRESS_CONTROLLER_NAMESPACE))
                    && !ownNamespace && Manifests.matches(peer.getPodSelector(), INGRESS_CONTROLLER_PODS);
            boolean onlyOwn = ownNamespace && namespaces.getMatchLabels() != null
                    && Map.of(NAMESPACE_LABEL, namespace).equals(namespaces.getMatchLabels())
                    && (namespaces.getMatchExpressions() == null || namespaces.getMatchExpressions().isEmpty());
            if (!controller && !onlyOwn) {
                problems.add(where + " to pods of other namespaces (" + text(namespaces) + "): only the ingress "
                        + "controller may reach the Ingress' backend, and only Prometheus the management port");
            }
        }
    }

    /** Callee workload -> the workloads whose settings name a Service in front of its `http` port. */
    static Map<String, Set<String>> callers(Manifests manifests) {
        Map<String, Set<String>> callers = new LinkedHashMap<>();
        for (Manifests.Workload source : manifests.workloads()) {
            for (Container container : source.containers()) {
                for (Endpoint endpoint : endpoints(manifests.environment(container))) {
                    for (Manifests.Workload target : calledWorkloads(manifests, endpoint)) {
                        callers.computeIfAbsent(target.name(), k -> new LinkedHashSet<>()).add(source.name());
                    }
                }
            }
        }
        return callers;
    }

    /** The workloads of this build an endpoint reaches on their `http` port (through a Service of the namespace). */
    private static List<Manifests.Workload> calledWorkloads(Manifests manifests, Endpoint endpoint) {
        String host = endpoint.host();
        Matcher cluster = CLUSTER_HOST.matcher(host);
        String name = !host.contains(".") ? host
                : cluster.matches() && cluster.group(2).equals(manifests.namespace()) ? cluster.group(1) : null;
        if (name == null) {
            return List.of();
        }
        List<Manifests.Workload> called = new ArrayList<>();
        manifests.find(Service.class, name).ifPresent(service -> service.getSpec().getPorts().stream()
                .filter(p -> p.getPort() == endpoint.port()).findFirst().ifPresent(port -> {
                    IntOrString targetPort = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
                    for (Manifests.Workload w : manifests.workloads()) {
                        if (Manifests.matches(service.getSpec().getSelector(), w.podLabels())
                                && w.port(targetPort).filter(p -> "http".equals(p.getName())).isPresent()) {
                            called.add(w);
                        }
                    }
                }));
        return called;
    }

    /** The workloads behind the Services an Ingress of the build routes to. */
    static Set<String> ingressBackends(Manifests manifests) {
        Set<String> names = new LinkedHashSet<>();
        for (Ingress ingress : manifests.all(Ingress.class)) {
            List<IngressBackend> backends = new ArrayList<>();
            if (ingress.getSpec().getDefaultBackend() != null) {
                backends.add(ingress.getSpec().getDefaultBackend());
            }
            for (IngressRule rule : ingress.getSpec().getRules() == null ? List.<IngressRule>of() : ingress.getSpec().getRules()) {
                if (rule.getHttp() != null) {
                    rule.getHttp().getPaths().forEach(path -> backends.add(path.getBackend()));
                }
            }
            for (IngressBackend backend : backends) {
                if (backend.getService() != null) {
                    manifests.find(Service.class, backend.getService().getName()).ifPresent(s -> manifests.workloads().stream()
                            .filter(w -> Manifests.matches(s.getSpec().getSelector(), w.podLabels()))
                            .forEach(w -> names.add(w.name())));
                }
            }
        }
        return names;
    }

    static String text(LabelSelector selector) {
        List<String> parts = new ArrayList<>();
        if (selector.getMatchLabels() != null) {
            selector.getMatchLabels().forEach((k, v) -> parts.add(k + "=" + v));
        }
        if (selector.getMatchExpressions() != null) {
            selector.getMatchExpressions().forEach(e -> parts.add(e.getKey() + " " + e.getOperator() + " " + e.getValues()));
        }
        return parts.isEmpty() ? "all" : String.join(", ", parts);
    }

    static List<Endpoint> endpoints(Map<String, String> environment) {
        List<Endpoint> endpoints = new ArrayList<>();
        environment.forEach((name, value) -> {
            Matcher url = URL.matcher(value);
            if (url.matches()) {
                int port = url.group(3) != null ? Integer.parseInt(url.group(3)) : url.group(1).equals("https") ? 443 : 80;
                endpoints.add(new Endpoint(name, url.group(2), port));
            } else if (HOST_PORTS.matcher(value).matches()) {
                for (String hostPort : value.split(",")) {
                    String[] parts = hostPort.split(":");
                    endpoints.add(new Endpoint(name, parts[0], Integer.parseInt(parts[1])));
                }
            } else if (name.endsWith("_HOST")) {
                String port = environment.get(name.substring(0, name.length() - "_HOST".length()) + "_PORT");
                if (port != null && port.matches("\\d+")) {
                    endpoints.add(new Endpoint(name, value, Integer.parseInt(port)));
                }
            }
        });
        return endpoints;
    }

    private static void check(Manifests manifests, List<NetworkPolicy> policies, Manifests.Workload source,
            Endpoint endpoint, List<String> problems) {
        String where = source.kind() + "/" + source.name() + " -> " + endpoint.host() + ":" + endpoint.port()
                + " (" + endpoint.variable() + ")";
        String namespace = manifests.namespace();
        String serviceName = null;
        String otherNamespace = null;
        Matcher cluster = CLUSTER_HOST.matcher(endpoint.host());
        if (!endpoint.host().contains(".")) {
            serviceName = endpoint.host();
        } else if (cluster.matches()) {
            if (cluster.group(2).equals(namespace)) {
                serviceName = cluster.group(1);
            } else {
                otherNamespace = cluster.group(2);
            }
        }
        if (serviceName != null) {
            String name = serviceName;
            Optional<Service> service = manifests.find(Service.class, name);
            Optional<ServicePort> port = service.flatMap(s -> s.getSpec().getPorts().stream()
                    .filter(p -> p.getPort() == endpoint.port()).findFirst());
            if (port.isEmpty()) {
                problems.add(where + ": no Service " + name + " with port " + endpoint.port() + " in this build");
                return;
            }
            IntOrString targetPort = port.get().getTargetPort() != null ? port.get().getTargetPort() : new IntOrString(endpoint.port());
            for (Manifests.Workload target : manifests.workloads()) {
                if (!Manifests.matches(service.get().getSpec().getSelector(), target.podLabels())) {
                    continue;
                }
                Optional<ContainerPort> containerPort = target.port(targetPort);
                if (containerPort.isEmpty()) {
                    continue;
                }
                if (restricted(policies, source, "Egress") && !egressToPods(policies, source, target, containerPort.get(), namespace)) {
                    problems.add(where + ": the egress policies of " + source.name() + " do not allow " + target.name());
                }
                if (restricted(policies, target, "Ingress") && !ingressFromPods(policies, target, source, containerPort.get(), namespace)) {
                    problems.add(where + ": the ingress policies of " + target.name() + " do not allow " + source.name());
                }
            }
        } else if (otherNamespace != null) {
            if (restricted(policies, source, "Egress") && !egressToNamespace(policies, source, otherNamespace, endpoint.port(), "TCP")) {
                problems.add(where + ": the egress policies of " + source.name() + " do not allow namespace "
                        + otherNamespace + " port " + endpoint.port());
            }
        } else if (restricted(policies, source, "Egress") && !egressOutside(policies, source, endpoint.port())) {
            problems.add(where + ": the egress policies of " + source.name() + " do not allow port " + endpoint.port()
                    + " outside the cluster (ipBlock)");
        }
    }

    static boolean applies(NetworkPolicy policy, Manifests.Workload workload, String type) {
        return applies(policy, workload.podLabels(), type);
    }

    /** Whether a policy restricts this direction of traffic for pods with these labels. */
    static boolean applies(NetworkPolicy policy, Map<String, String> podLabels, String type) {
        List<String> types = policy.getSpec().getPolicyTypes();
        boolean hasType = types == null || types.isEmpty()
                ? type.equals("Ingress") || policy.getSpec().getEgress() != null
                : types.contains(type);
        return hasType && Manifests.matches(policy.getSpec().getPodSelector(), podLabels);
    }

    /** Whether a peer of a policy in namespace policyNamespace selects a pod with these labels in podNamespace. */
    static boolean peerSelects(NetworkPolicyPeer peer, Map<String, String> podLabels, String podNamespace,
            String policyNamespace) {
        if (peer.getIpBlock() != null) {
            return false;
        }
        boolean namespaceOk = peer.getNamespaceSelector() == null ? podNamespace.equals(policyNamespace)
                : Manifests.matches(peer.getNamespaceSelector(), Map.of(NAMESPACE_LABEL, podNamespace));
        boolean podsOk = peer.getPodSelector() == null ? peer.getNamespaceSelector() != null
                : Manifests.matches(peer.getPodSelector(), podLabels);
        return namespaceOk && podsOk;
    }

    static boolean restricted(List<NetworkPolicy> policies, Manifests.Workload workload, String type) {
        return policies.stream().anyMatch(p -> applies(p, workload, type));
    }

    private static boolean egressToPods(List<NetworkPolicy> policies, Manifests.Workload source, Manifests.Workload target,
            ContainerPort port, String namespace) {
        return policies.stream().filter(p -> applies(p, source, "Egress"))
                .flatMap(p -> p.getSpec().getEgress() == null ? Stream.empty() : p.getSpec().getEgress().stream())
                .anyMatch(rule -> portAllowed(rule.getPorts(), port.getContainerPort(), port.getName(), "TCP")
                        && peerAllowsPod(rule.getTo(), target, namespace));
    }

    private static boolean ingressFromPods(List<NetworkPolicy> policies, Manifests.Workload target, Manifests.Workload source,
            ContainerPort port, String namespace) {
        return policies.stream().filter(p -> applies(p, target, "Ingress"))
                .flatMap(p -> p.getSpec().getIngress() == null ? Stream.empty() : p.getSpec().getIngress().stream())
                .anyMatch(rule -> portAllowed(rule.getPorts(), port.getContainerPort(), port.getName(), "TCP")
                        && peerAllowsPod(rule.getFrom(), source, namespace));
    }

    private static boolean egressToNamespace(List<NetworkPolicy> policies, Manifests.Workload source, String namespace,
            int port, String protocol) {
        return policies.stream().filter(p -> applies(p, source, "Egress"))
                .flatMap(p -> p.getSpec().getEgress() == null ? Stream.empty() : p.getSpec().getEgress().stream())
                .anyMatch(rule -> portAllowed(rule.getPorts(), port, null, protocol)
                        && (rule.getTo() == null || rule.getTo().isEmpty() || rule.getTo().stream().anyMatch(peer ->
                                peer.getNamespaceSelector() != null && Manifests.matches(peer.getNamespaceSelector(),
                                        Map.of("kubernetes.io/metadata.name", namespace)))));
    }

    private static boolean egressOutside(List<NetworkPolicy> policies, Manifests.Workload source, int port) {
        return policies.stream().filter(p -> applies(p, source, "Egress"))
                .flatMap(p -> p.getSpec().getEgress() == null ? Stream.empty() : p.getSpec().getEgress().stream())
                .anyMatch(rule -> portAllowed(rule.getPorts(), port, null, "TCP")
                        && (rule.getTo() == null || rule.getTo().isEmpty()
                                || rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null)));
    }

    private static boolean peerAllowsPod(List<NetworkPolicyPeer> peers, Manifests.Workload pod, String namespace) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            LabelSelector pods = peer.getPodSelector();
            boolean namespaceOk = peer.getNamespaceSelector() == null
                    || Manifests.matches(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", namespace));
            boolean podsOk = pods == null ? peer.getNamespaceSelector() != null : Manifests.matches(pods, pod.podLabels());
            if (peer.getIpBlock() == null && namespaceOk && podsOk) {
                return true;
            }
        }
        return false;
    }

    static boolean portAllowed(List<NetworkPolicyPort> ports, int number, String name, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(p -> (p.getProtocol() == null ? "TCP" : p.getProtocol()).equals(protocol)
                && (p.getPort() == null
                        || (p.getPort().getIntVal() != null && p.getPort().getIntVal() == number)
                        || (p.getPort().getStrVal() != null && p.getPort().getStrVal().equals(name))));
    }
}
