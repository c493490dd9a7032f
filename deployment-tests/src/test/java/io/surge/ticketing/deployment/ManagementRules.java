package io.surge.ticketing.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/**
 * Actuator lives on its own port, apart from the API: each service Deployment declares the container port
 * {@value #PORT} (the service's management.server.port under its environment, which differs from server.port),
 * pins it with {@code <X>_MANAGEMENT_PORT} (X_PORT being the variable of its server.port), and probes only it; every
 * Service in front of it exposes {@value #PORT}; ServiceMonitors and PodMonitors scrape only {@value #PORT}; and
 * NetworkPolicies open {@value #PORT} only to a scraper in another namespace (a namespace and pod selector), never
 * to pods of the namespace, an address range or everyone.
 */
final class ManagementRules {

    static final String PORT = "management";

    private final Repository repository;

    ManagementRules(Repository repository) {
        this.repository = repository;
    }

    List<String> check(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String module = Kustomize.imageName(String.valueOf(container.getImage())).replace(WorkloadRules.REGISTRY, "");
                if (repository.serviceModules().contains(module)) {
                    checkContainer(manifests, deployment, container, ServiceSettings.of(repository, module), problems);
                }
            }
        }
        for (Manifests.Workload workload : manifests.workloads()) {
            if (workload.port(new IntOrString(PORT)).isEmpty()) {
                continue;
            }
            for (Service service : manifests.all(Service.class)) {
                if (Manifests.matches(service.getSpec().getSelector(), workload.podLabels())
                        && service.getSpec().getPorts().stream().noneMatch(ManagementRules::isManagement)) {
                    problems.add("Service/" + service.getMetadata().getName() + ": no port named " + PORT
                            + " targeting the management port of " + workload.name() + " (for the ServiceMonitor)");
                }
            }
        }
        monitors(manifests, problems);
        policies(manifests, problems);
        return problems;
    }

    private static void checkContainer(Manifests manifests, Deployment deployment, Container container,
            ServiceSettings settings, List<String> problems) {
        String where = "Deployment/" + deployment.getMetadata().getName();
        Map<String, String> env = manifests.environment(container);
        int api = settings.port(env);
        int management = settings.managementPort(env);
        if (management == api) {
            problems.add(where + ": " + settings.module() + " serves Actuator on its API port " + api
                    + " (management.server.port is not set apart from server.port)");
        }
        Optional<ContainerPort> declared = container.getPorts() == null ? Optional.empty()
                : container.getPorts().stream().filter(p -> PORT.equals(p.getName())).findFirst();
        if (declared.isEmpty() || declared.get().getContainerPort() != management) {
            problems.add(where + ": " + settings.module() + " serves Actuator on " + management
                    + " (management.server.port): declare it as the container port named " + PORT);
        }
        settings.portVariable().filter(v -> v.endsWith("_PORT")).ifPresent(variable -> {
            String pinned = variable.substring(0, variable.length() - "_PORT".length()) + "_MANAGEMENT_PORT";
            if (!String.valueOf(management).equals(env.get(pinned))) {
                problems.add(where + ": set " + pinned + "=" + management + ", the management port the manifests declare");
            }
        });
        for (Map.Entry<String, Probe> probe : Map.of("readinessProbe", nullSafe(container.getReadinessProbe()),
                "livenessProbe", nullSafe(container.getLivenessProbe()), "startupProbe",
                nullSafe(container.getStartupProbe())).entrySet()) {
            HTTPGetAction get = probe.getValue().getHttpGet();
            if (get != null && (get.getPort() == null || !(PORT.equals(get.getPort().getStrVal())
                    || Integer.valueOf(management).equals(get.getPort().getIntVal())))) {
                problems.add(where + ": " + probe.getKey() + " must probe the management port, not "
                        + (get.getPort() == null ? "(none)" : get.getPort().getStrVal() != null ? get.getPort().getStrVal()
                                : get.getPort().getIntVal()));
            }
        }
    }

    private static Probe nullSafe(Probe probe) {
        return probe == null ? new Probe() : probe;
    }

    private static boolean isManagement(ServicePort port) {
        return PORT.equals(port.getName()) && port.getTargetPort() != null && PORT.equals(port.getTargetPort().getStrVal());
    }

    private static void monitors(Manifests manifests, List<String> problems) {
        for (GenericKubernetesResource monitor : manifests.custom("ServiceMonitor")) {
            for (Object endpoint : ComposeRules.list(KubernetesObjects.spec(monitor).get("endpoints"))) {
                Object port = ComposeRules.map(endpoint).get("port");
                Object targetPort = ComposeRules.map(endpoint).get("targetPort");
                if (!PORT.equals(port) || targetPort != null) {
                    problems.add("ServiceMonitor/" + monitor.getMetadata().getName() + ": scrapes port "
                            + (port != null ? port : targetPort) + "; scrape only the port named " + PORT);
                }
            }
        }
        for (GenericKubernetesResource monitor : manifests.custom("PodMonitor")) {
            for (Object endpoint : ComposeRules.list(KubernetesObjects.spec(monitor).get("podMetricsEndpoints"))) {
                Object port = ComposeRules.map(endpoint).get("port");
                if (!PORT.equals(port)) {
                    problems.add("PodMonitor/" + monitor.getMetadata().getName() + ": scrapes port " + port
                            + "; scrape only the port named " + PORT);
                }
            }
        }
    }

    private static void policies(Manifests manifests, List<String> problems) {
        String namespace = manifests.namespace();
        for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
            for (Manifests.Workload target : manifests.workloads()) {
                Optional<ContainerPort> management = target.port(new IntOrString(PORT));
                if (management.isEmpty() || !NetworkRules.applies(policy, target, "Ingress")
                        || policy.getSpec().getIngress() == null) {
                    continue;
                }
                String where = "NetworkPolicy/" + policy.getMetadata().getName() + " opens the management port of "
                        + target.name();
                for (var rule : policy.getSpec().getIngress()) {
                    if (!NetworkRules.portAllowed(rule.getPorts(), management.get().getContainerPort(), PORT, "TCP")) {
                        continue;
                    }
                    if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                        problems.add(where + " to every source");
                        continue;
                    }
                    for (NetworkPolicyPeer peer : rule.getFrom()) {
                        if (peer.getIpBlock() != null) {
                            problems.add(where + " to the addresses " + peer.getIpBlock().getCidr());
                        } else if (peer.getNamespaceSelector() == null || Manifests.matches(peer.getNamespaceSelector(),
                                Map.of(NetworkRules.NAMESPACE_LABEL, namespace))) {
                            problems.add(where + " to pods of namespace " + namespace + " (only the metrics scraper may "
                                    + "reach Actuator)");
                        } else if (DataStoreRules.selectsAll(peer.getPodSelector())) {
                            problems.add(where + " to every pod of namespaces " + NetworkRules.text(peer.getNamespaceSelector()));
                        }
                    }
                }
            }
        }
    }
}
