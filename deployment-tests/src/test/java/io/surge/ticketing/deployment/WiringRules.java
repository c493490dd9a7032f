package io.surge.ticketing.deployment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * The references between objects resolve: Services select pods and target ports those pods declare, the Ingress
 * reaches only the gateway, autoscalers and PodDisruptionBudgets target existing workloads, NetworkPolicies select
 * existing pods (of workloads, or run by the data stores' operators), ServiceMonitors find Services with their
 * port, every Deployment has its Service and budget, and every ConfigMap is used (and every one used exists).
 */
final class WiringRules {

    static final String EDGE = "gateway-service";

    List<String> check(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        List<Manifests.Workload> workloads = manifests.workloads();
        services(manifests, workloads, problems);
        ingresses(manifests, problems);
        autoscalers(manifests, problems);
        for (PodDisruptionBudget pdb : manifests.all(PodDisruptionBudget.class)) {
            if (selected(pdb.getSpec().getSelector(), workloads).isEmpty()) {
                problems.add("PodDisruptionBudget/" + pdb.getMetadata().getName() + " selects no pods of a workload");
            }
        }
        networkPolicies(manifests, workloads, problems);
        serviceMonitors(manifests, problems);
        for (Deployment d : manifests.all(Deployment.class)) {
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            boolean hasService = manifests.all(Service.class).stream()
                    .anyMatch(s -> Manifests.matches(s.getSpec().getSelector(), labels));
            boolean hasBudget = manifests.all(PodDisruptionBudget.class).stream()
                    .anyMatch(p -> Manifests.matches(p.getSpec().getSelector(), labels));
            if (!hasService || !hasBudget) {
                problems.add("Deployment/" + d.getMetadata().getName() + ": needs a Service and a PodDisruptionBudget");
            }
        }
        configMaps(manifests, workloads, problems);
        return problems;
    }

    private static void services(Manifests manifests, List<Manifests.Workload> workloads, List<String> problems) {
        for (Service service : manifests.all(Service.class)) {
            String where = "Service/" + service.getMetadata().getName();
            Map<String, String> selector = service.getSpec().getSelector();
            List<Manifests.Workload> targets = selector == null || selector.isEmpty() ? List.of()
                    : workloads.stream().filter(w -> Manifests.matches(selector, w.podLabels())).toList();
            if (targets.isEmpty()) {
                problems.add(where + ": selector " + selector + " matches the pods of no workload");
                continue;
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
                for (Manifests.Workload w : targets) {
                    if (w.port(target).isEmpty()) {
                        problems.add(where + ": targetPort " + text(target) + " is not declared by the containers of "
                                + w.kind() + "/" + w.name());
                    }
                }
            }
        }
    }

    private static void ingresses(Manifests manifests, List<String> problems) {
        for (Ingress ingress : manifests.all(Ingress.class)) {
            String where = "Ingress/" + ingress.getMetadata().getName();
            List<IngressBackend> backends = new ArrayList<>();
            if (ingress.getSpec().getDefaultBackend() != null) {
                backends.add(ingress.getSpec().getDefaultBackend());
            }
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (rule.getHttp() != null) {
                    rule.getHttp().getPaths().stream().map(HTTPIngressPath::getBackend).forEach(backends::add);
                }
            }
            for (IngressBackend backend : backends) {
                if (backend.getService() == null || !EDGE.equals(backend.getService().getName())) {
                    problems.add(where + ": routes to " + (backend.getService() == null ? "a resource"
                            : backend.getService().getName()) + "; only " + EDGE + " may be reached from outside");
                    continue;
                }
                var port = backend.getService().getPort();
                boolean exists = manifests.find(Service.class, EDGE).map(s -> s.getSpec().getPorts().stream().anyMatch(
                        p -> port != null && (port.getName() != null ? port.getName().equals(p.getName())
                                : port.getNumber() != null && port.getNumber().equals(p.getPort())))).orElse(false);
                if (!exists) {
                    problems.add(where + ": backend port of " + EDGE + " is not a port of its Service");
                }
            }
        }
    }

    private static void autoscalers(Manifests manifests, List<String> problems) {
        for (HorizontalPodAutoscaler hpa : manifests.all(HorizontalPodAutoscaler.class)) {
            var ref = hpa.getSpec().getScaleTargetRef();
            if (!"Deployment".equals(ref.getKind()) || manifests.find(Deployment.class, ref.getName()).isEmpty()) {
                problems.add("HorizontalPodAutoscaler/" + hpa.getMetadata().getName() + ": targets " + ref.getKind()
                        + "/" + ref.getName() + ", which is not a Deployment here");
            }
        }
        for (GenericKubernetesResource so : manifests.custom("ScaledObject")) {
            Object ref = KubernetesObjects.spec(so).get("scaleTargetRef");
            Object name = ref instanceof Map<?, ?> m ? m.get("name") : null;
            Object kind = ref instanceof Map<?, ?> m ? m.get("kind") : null;
            if ((kind != null && !"Deployment".equals(kind)) || name == null
                    || manifests.find(Deployment.class, name.toString()).isEmpty()) {
                problems.add("ScaledObject/" + so.getMetadata().getName() + ": targets " + name
                        + ", which is not a Deployment here");
            }
        }
    }

    private static void networkPolicies(Manifests manifests, List<Manifests.Workload> workloads, List<String> problems) {
        // the pods of the workloads and those the operators run for the custom resources (data stores)
        List<Map<String, String>> pods = manifests.podLabelSets();
        for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
            String where = "NetworkPolicy/" + policy.getMetadata().getName();
            LabelSelector selector = policy.getSpec().getPodSelector();
            if (selector == null || pods.stream().noneMatch(labels -> Manifests.matches(selector, labels))) {
                problems.add(where + ": podSelector selects no pods");
            }
            List<NetworkPolicyPeer> peers = new ArrayList<>();
            if (policy.getSpec().getIngress() != null) {
                policy.getSpec().getIngress().forEach(r -> peers.addAll(r.getFrom() == null ? List.of() : r.getFrom()));
            }
            if (policy.getSpec().getEgress() != null) {
                policy.getSpec().getEgress().forEach(r -> peers.addAll(r.getTo() == null ? List.of() : r.getTo()));
            }
            for (NetworkPolicyPeer peer : peers) {
                if (peer.getNamespaceSelector() == null && peer.getPodSelector() != null
                        && pods.stream().noneMatch(labels -> Manifests.matches(peer.getPodSelector(), labels))) {
                    problems.add(where + ": peer " + peer.getPodSelector().getMatchLabels() + " selects no pods");
                }
            }
        }
    }

    private static void serviceMonitors(Manifests manifests, List<String> problems) {
        for (GenericKubernetesResource monitor : manifests.custom("ServiceMonitor")) {
            String where = "ServiceMonitor/" + monitor.getMetadata().getName();
            Map<String, Object> spec = KubernetesObjects.spec(monitor);
            LabelSelector selector = labelSelector(spec.get("selector"));
            List<Service> services = manifests.all(Service.class).stream()
                    .filter(s -> Manifests.matches(selector, s.getMetadata().getLabels())).toList();
            if (services.isEmpty()) {
                problems.add(where + ": selects no Service");
            }
            if (spec.get("endpoints") instanceof List<?> endpoints) {
                for (Object e : endpoints) {
                    Map<?, ?> endpoint = (Map<?, ?>) e;
                    for (Service s : services) {
                        if (s.getSpec().getPorts().stream().noneMatch(p -> String.valueOf(endpoint.get("port")).equals(p.getName()))) {
                            problems.add(where + ": Service/" + s.getMetadata().getName() + " has no port named " + endpoint.get("port"));
                        }
                    }
                    if (!"/actuator/prometheus".equals(endpoint.get("path"))) {
                        problems.add(where + ": the services expose metrics at /actuator/prometheus, not " + endpoint.get("path"));
                    }
                }
            }
        }
    }

    private static void configMaps(Manifests manifests, List<Manifests.Workload> workloads, List<String> problems) {
        Set<String> used = new LinkedHashSet<>();
        for (Manifests.Workload w : workloads) {
            for (Container c : w.containers()) {
                for (EnvFromSource from : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
                    if (from.getConfigMapRef() != null) {
                        used.add(from.getConfigMapRef().getName());
                        if (manifests.find(ConfigMap.class, from.getConfigMapRef().getName()).isEmpty()) {
                            problems.add(w.kind() + "/" + w.name() + ": envFrom ConfigMap " + from.getConfigMapRef().getName()
                                    + " does not exist");
                        }
                    }
                }
                for (EnvVar var : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                    if (var.getValueFrom() != null && var.getValueFrom().getConfigMapKeyRef() != null) {
                        used.add(var.getValueFrom().getConfigMapKeyRef().getName());
                    }
                }
            }
            for (Volume v : w.template().getSpec().getVolumes() == null ? List.<Volume>of() : w.template().getSpec().getVolumes()) {
                if (v.getConfigMap() != null) {
                    used.add(v.getConfigMap().getName());
                }
            }
        }
        for (ConfigMap cm : manifests.all(ConfigMap.class)) {
            if (!used.contains(cm.getMetadata().getName())) {
                problems.add("ConfigMap/" + cm.getMetadata().getName() + " is used by no workload");
            }
        }
    }

    private static List<Manifests.Workload> selected(LabelSelector selector, List<Manifests.Workload> workloads) {
        if (selector == null) {
            return List.of();
        }
        return workloads.stream().filter(w -> Manifests.matches(selector, w.podLabels())).toList();
    }

    @SuppressWarnings("unchecked")
    private static LabelSelector labelSelector(Object value) {
        if (!(value instanceof Map<?, ?> map) || !(map.get("matchLabels") instanceof Map<?, ?> labels)) {
            return null;
        }
        return new LabelSelector(List.of(), (Map<String, String>) labels);
    }

    private static String text(IntOrString port) {
        return port.getIntVal() != null ? port.getIntVal().toString() : port.getStrVal();
    }
}
