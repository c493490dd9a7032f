package io.surge.ticketing.deployment;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.introspect.BeanPropertyDefinition;
import tools.jackson.databind.type.LogicalType;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Reads a YAML document as the API server would: into the fabric8 model of its kind, failing on a wrong type
 * (also a number or boolean where Kubernetes wants a string, such as an env value or ConfigMap data) and reporting
 * every field the schema does not have (fabric8 would keep it silently in additionalProperties). Custom resources,
 * which have no fabric8 model, must be one of the kinds this platform uses, with the fields their operator requires.
 */
final class KubernetesObjects {

    /** apiVersion -> kind -> fields (dotted paths) that must be present. */
    private static final Map<String, Map<String, List<String>>> CUSTOM_KINDS = Map.of(
            "keda.sh/v1alpha1", Map.of(
                    "ScaledObject", List.of("spec.scaleTargetRef.name", "spec.triggers"),
                    "TriggerAuthentication", List.of("spec")),
            "postgresql.cnpg.io/v1", Map.of("Cluster", List.of("spec.instances", "spec.postgresql.parameters")),
            "kafka.strimzi.io/v1beta2", Map.of(
                    "Kafka", List.of("spec.kafka.version", "spec.kafka.listeners"),
                    "KafkaNodePool", List.of("spec.replicas", "spec.roles", "spec.storage"),
                    "KafkaTopic", List.of("spec.partitions"),
                    "KafkaUser", List.of("spec.authentication.type")),
            "elasticsearch.k8s.elastic.co/v1", Map.of("Elasticsearch", List.of("spec.version", "spec.nodeSets")),
            "monitoring.coreos.com/v1", Map.of(
                    "ServiceMonitor", List.of("spec.selector", "spec.endpoints"),
                    "PodMonitor", List.of("spec.selector", "spec.podMetricsEndpoints")));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper STRICT = strictMapper();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization(STRICT, true);

    private KubernetesObjects() {
    }

    /** The typed object, or {@link InvalidManifest} with every problem found. */
    static HasMetadata read(Map<String, Object> document, String origin) {
        List<String> problems = new ArrayList<>();
        HasMetadata object = read(document, origin, problems);
        if (!problems.isEmpty()) {
            throw new InvalidManifest(problems);
        }
        return object;
    }

    /** The typed object (null when it cannot be read), adding what is wrong with it to {@code problems}. */
    static HasMetadata read(Map<String, Object> document, String origin, List<String> problems) {
        Object apiVersion = document.get("apiVersion");
        Object kind = document.get("kind");
        Object name = document.get("metadata") instanceof Map<?, ?> metadata ? metadata.get("name") : null;
        if (!(apiVersion instanceof String) || !(kind instanceof String) || !(name instanceof String)) {
            problems.add(origin + ": a Kubernetes object needs apiVersion, kind and metadata.name");
            return null;
        }
        String where = origin + " " + kind + "/" + name;
        KubernetesResource resource;
        try {
            resource = SERIALIZATION.unmarshal(JSON.writeValueAsString(document));
        } catch (Exception e) {
            problems.add(where + ": not a valid " + kind + ": " + firstLine(e));
            return null;
        }
        if (resource instanceof GenericKubernetesResource generic) {
            checkCustomResource(generic, where, problems);
        } else {
            walk(resource, where, problems);
        }
        return resource instanceof HasMetadata object ? object : null;
    }

    /** A part of a custom resource (a map) read as the Kubernetes type it has the shape of (a NetworkPolicyPeer, ...). */
    static <T> T convert(Object value, Class<T> type) {
        return SERIALIZATION.convertValue(value, type);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(GenericKubernetesResource resource) {
        return resource.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec
                ? (Map<String, Object>) spec : Map.of();
    }

    private static void checkCustomResource(GenericKubernetesResource resource, String where, List<String> problems) {
        Map<String, List<String>> kinds = CUSTOM_KINDS.get(resource.getApiVersion());
        List<String> required = kinds == null ? null : kinds.get(resource.getKind());
        if (required == null) {
            problems.add(where + ": unknown kind " + resource.getKind() + " of " + resource.getApiVersion()
                    + " (neither a Kubernetes kind nor a custom resource this platform uses)");
            return;
        }
        Map<String, Object> root = new HashMap<>(resource.getAdditionalProperties());
        Set<String> allowedTop = Set.of("spec");
        root.keySet().stream().filter(k -> !allowedTop.contains(k))
                .forEach(k -> problems.add(where + ": unknown top-level field " + k));
        for (String path : required) {
            Object value = root;
            for (String part : path.split("\\.")) {
                value = value instanceof Map<?, ?> map ? map.get(part) : null;
            }
            if (value == null) {
                problems.add(where + ": " + path + " is required");
            }
        }
    }

    private static void walk(Object value, String path, List<String> problems) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, problems));
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), path + "[" + i + "]", problems);
            }
            return;
        }
        if (value instanceof Quantity quantity) {
            try {
                quantity.getNumericalAmount();
            } catch (RuntimeException e) {
                problems.add(path + ": invalid quantity '" + quantity + "'");
            }
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        Map<String, Object> unknown = additionalProperties(value);
        if (!unknown.isEmpty()) {
            problems.add(path + ": unknown field(s) " + unknown.keySet());
        }
        BeanDescription description = STRICT._serializationContext().introspectBeanDescription(STRICT.constructType(value.getClass()));
        for (BeanPropertyDefinition property : description.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor != null && !property.getName().equals("additionalProperties")) {
                walk(accessor.getValue(value), path + "." + property.getName(), problems);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> additionalProperties(Object value) {
        try {
            Method method = value.getClass().getMethod("getAdditionalProperties");
            Object result = method.invoke(value);
            return result instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        } catch (NoSuchMethodException e) {
            return Map.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectMapper strictMapper() {
        // Kubernetes rejects `value: 8080` or `value: true` where it wants a string; Jackson would coerce them.
        return JsonMapper.builder()
                .withCoercionConfig(LogicalType.Textual, config -> {
                    for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                            CoercionInputShape.Boolean)) {
                        config.setCoercion(shape, CoercionAction.Fail);
                    }
                })
                .build();
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int cut = message.indexOf('\n');
        return cut < 0 ? message : message.substring(0, cut);
    }

    static final class InvalidManifest extends RuntimeException {

        private final List<String> problems;

        InvalidManifest(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }
}
