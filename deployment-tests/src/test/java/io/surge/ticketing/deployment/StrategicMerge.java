package io.surge.ticketing.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The part of Kubernetes' strategic merge patch that the overlays use: maps merge key by key, a null deletes, and
 * the lists Kubernetes merges by a key (containers, env and volumes by name, volumeMounts by mountPath, container
 * ports by containerPort) merge item by item, new items first, as kustomize writes them. Every other list is
 * replaced. Patch directives ($patch, $setElementOrder, ...) are not supported: an overlay using one is refused.
 */
final class StrategicMerge {

    private StrategicMerge() {
    }

    static Map<String, Object> apply(Map<String, Object> original, Map<String, Object> patch, String origin) {
        Map<String, Object> result = deepCopy(original);
        merge(result, patch, origin, "");
        return result;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> target, Map<String, Object> patch, String origin, String path) {
        for (Map.Entry<String, Object> entry : patch.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith("$")) {
                throw new UnsupportedPatch(origin + ": patch directive " + key + " at " + path + " is not supported");
            }
            Object value = entry.getValue();
            Object current = target.get(key);
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> patchMap && current instanceof Map<?, ?> currentMap) {
                merge((Map<String, Object>) currentMap, (Map<String, Object>) patchMap, origin, path + "." + key);
            } else if (value instanceof List<?> patchList && current instanceof List<?> currentList) {
                target.put(key, mergeList(key, (List<Object>) currentList, (List<Object>) patchList, origin, path + "." + key));
            } else {
                target.put(key, deepCopy(value));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> mergeList(String field, List<Object> current, List<Object> patch, String origin, String path) {
        String mergeKey = mergeKey(field, patch);
        if (mergeKey == null) {
            return (List<Object>) deepCopy(patch);
        }
        List<Object> added = new ArrayList<>();
        List<Object> merged = new ArrayList<>();
        for (Object item : current) {
            merged.add(deepCopy(item));
        }
        for (Object item : patch) {
            Map<String, Object> patchItem = (Map<String, Object>) item;
            Object key = patchItem.get(mergeKey);
            Map<String, Object> existing = merged.stream().map(o -> (Map<String, Object>) o)
                    .filter(o -> Objects.equals(o.get(mergeKey), key)).findFirst().orElse(null);
            if (existing == null) {
                added.add(deepCopy(patchItem));
            } else {
                merge(existing, patchItem, origin, path + "[" + mergeKey + "=" + key + "]");
            }
        }
        added.addAll(merged);
        return added;
    }

    private static String mergeKey(String field, List<Object> patch) {
        String key = switch (field) {
            case "containers", "initContainers", "env", "volumes", "imagePullSecrets" -> "name";
            case "volumeMounts" -> "mountPath";
            case "ports" -> "containerPort";
            default -> null;
        };
        if (key == null || !patch.stream().allMatch(i -> i instanceof Map<?, ?> m && m.containsKey(key))) {
            return null;
        }
        return key;
    }

    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }

    static final class UnsupportedPatch extends RuntimeException {
        UnsupportedPatch(String message) {
            super(message);
        }
    }
}
