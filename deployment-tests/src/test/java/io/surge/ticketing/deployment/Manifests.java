package io.surge.ticketing.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/** The objects of one build (an overlay, or a test's YAML), typed. */
record Manifests(String name, List<HasMetadata> objects) {

    /** Builds a kustomization and reads every resulting object; {@link KubernetesObjects.InvalidManifest} if any is invalid. */
    static Manifests build(Path kustomization) {
        List<String> problems = new ArrayList<>();
        List<HasMetadata> objects = new ArrayList<>();
        for (Kustomize.Resource r : Kustomize.build(kustomization)) {
            HasMetadata object = KubernetesObjects.read(r.document(), r.origin(), problems);
            if (object != null) {
                objects.add(object);
            }
        }
        if (!problems.isEmpty()) {
            throw new KubernetesObjects.InvalidManifest(problems);
        }
        return new Manifests(kustomization.toString(), objects);
    }

    /** Objects written inline, for tests that feed a checker something broken. */
    static Manifests of(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (Map<String, Object> document : StrictYaml.documents(yaml, "test yaml")) {
            objects.add(KubernetesObjects.read(document, "test yaml"));
        }
        return new Manifests("test yaml", objects);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    /** The namespace the objects are in (the overlay's), or "default". */
    String namespace() {
        return objects.stream().map(o -> o.getMetadata().getNamespace()).filter(n -> n != null).findFirst()
                .orElse("default");
    }

    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (Deployment d : all(Deployment.class)) {
            workloads.add(new Workload("Deployment", d.getMetadata().getName(), d.getSpec().getReplicas(),
                    d.getSpec().getSelector(), d.getSpec().getTemplate()));
        }
        for (StatefulSet s : all(StatefulSet.class)) {
            workloads.add(new Workload("StatefulSet", s.getMetadata().getName(), s.getSpec().getReplicas(),
                    s.getSpec().getSelector(), s.getSpec().getTemplate()));
        }
        return workloads;
    }

    Optional<Workload> workload(String name) {
        return workloads().stream().filter(w -> w.name().equals(name)).findFirst();
    }

    /**
     * The environment a container starts with, as far as the manifests say: envFrom ConfigMaps, then env (values,
     * or "secret:NAME/KEY" / "configmap:NAME/KEY" for references), later entries winning as in Kubernetes.
     */
    Map<String, String> environment(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        if (container.getEnvFrom() != null) {
            for (EnvFromSource source : container.getEnvFrom()) {
                if (source.getConfigMapRef() != null) {
                    find(ConfigMap.class, source.getConfigMapRef().getName())
                            .ifPresent(cm -> env.putAll(cm.getData() == null ? Map.of() : cm.getData()));
                }
            }
        }
        if (container.getEnv() != null) {
            for (EnvVar var : container.getEnv()) {
                if (var.getValueFrom() == null) {
                    env.put(var.getName(), var.getValue() == null ? "" : var.getValue());
                } else if (var.getValueFrom().getSecretKeyRef() != null) {
                    env.put(var.getName(), "secret:" + var.getValueFrom().getSecretKeyRef().getName() + "/"
                            + var.getValueFrom().getSecretKeyRef().getKey());
                } else if (var.getValueFrom().getConfigMapKeyRef() != null) {
                    String cm = var.getValueFrom().getConfigMapKeyRef().getName();
                    String key = var.getValueFrom().getConfigMapKeyRef().getKey();
                    env.put(var.getName(), find(ConfigMap.class, cm).map(c -> c.getData().get(key))
                            .orElse("configmap:" + cm + "/" + key));
                } else {
                    env.put(var.getName(), "fieldref");
                }
            }
        }
        return env;
    }

    /**
     * The pods operators create from the custom resources of this build (they are no workload here): CloudNativePG
     * instances, Strimzi Kafka nodes and entity operator, ECK Elasticsearch nodes, with the labels the operators give
     * them and the Services the operators create in front of them.
     */
    List<OperatorPods> operatorPods() {
        List<OperatorPods> pods = new ArrayList<>();
        for (GenericKubernetesResource cluster : custom("Cluster")) {
            String name = cluster.getMetadata().getName();
            pods.add(new OperatorPods("Cluster/" + name, namespaceOf(cluster), Map.of("cnpg.io/cluster", name),
                    List.of(name + "-rw", name + "-ro", name + "-r")));
        }
        for (GenericKubernetesResource kafka : custom("Kafka")) {
            String name = kafka.getMetadata().getName();
            pods.add(new OperatorPods("Kafka/" + name, namespaceOf(kafka), Map.of("strimzi.io/cluster", name,
                    "strimzi.io/kind", "Kafka", "strimzi.io/name", name + "-kafka"),
                    List.of(name + "-kafka-bootstrap", name + "-kafka-brokers")));
            if (KubernetesObjects.spec(kafka).get("entityOperator") != null) {
                pods.add(new OperatorPods("Kafka/" + name + " entity operator", namespaceOf(kafka), Map.of(
                        "strimzi.io/cluster", name, "strimzi.io/kind", "Kafka", "strimzi.io/name", name + "-entity-operator"),
                        List.of()));
            }
        }
        for (GenericKubernetesResource elasticsearch : custom("Elasticsearch")) {
            String name = elasticsearch.getMetadata().getName();
            pods.add(new OperatorPods("Elasticsearch/" + name, namespaceOf(elasticsearch), Map.of(
                    "elasticsearch.k8s.elastic.co/cluster-name", name, "common.k8s.elastic.co/type", "elasticsearch"),
                    List.of(name + "-es-http", name + "-es-transport")));
        }
        return pods;
    }

    /** The label sets of every pod this build makes run: its workloads' and its operators'. */
    List<Map<String, String>> podLabelSets() {
        List<Map<String, String>> labels = new ArrayList<>();
        workloads().forEach(w -> labels.add(w.podLabels()));
        operatorPods().forEach(p -> labels.add(p.labels()));
        return labels;
    }

    private String namespaceOf(HasMetadata object) {
        return object.getMetadata().getNamespace() != null ? object.getMetadata().getNamespace() : namespace();
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> actual = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(actual.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String value = actual.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> value != null && r.getValues().contains(value);
                    case "NotIn" -> value == null || !r.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> false;
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && matches(new LabelSelector(List.of(), selector), labels);
    }

    /** Pods an operator runs for a custom resource, and the Services it puts in front of them. */
    record OperatorPods(String owner, String namespace, Map<String, String> labels, List<String> services) {
    }

    /** A Deployment or StatefulSet: what the other objects point at. */
    record Workload(String kind, String name, Integer replicas, LabelSelector selector, PodTemplateSpec template) {

        Map<String, String> podLabels() {
            return template.getMetadata() == null || template.getMetadata().getLabels() == null
                    ? Map.of() : template.getMetadata().getLabels();
        }

        List<Container> containers() {
            return template.getSpec().getContainers();
        }

        /** The container port a numeric or named port refers to, if a container declares it. */
        Optional<ContainerPort> port(IntOrString port) {
            return containers().stream().flatMap(c -> c.getPorts() == null ? Stream.empty() : c.getPorts().stream())
                    .filter(p -> port != null && (port.getIntVal() != null ? port.getIntVal().equals(p.getContainerPort())
                            : port.getStrVal() != null && port.getStrVal().equals(p.getName())))
                    .findFirst();
        }
    }
}
