package io.surge.ticketing.deployment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a kustomization the way {@code kustomize build} does, for the features this repository uses and no
 * others: {@code resources} (files and folders with their own kustomization), strategic-merge {@code patches}
 * (by apiVersion, kind and name), {@code namespace}, {@code images} and {@code replicas}. A kustomization that uses
 * anything else is refused, so the resolver can never silently disagree with kustomize.
 */
final class Kustomize {

    static final String FILE = "kustomization.yaml";

    private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "namespace", "resources",
            "patches", "images", "replicas");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass");
    private static final Set<String> PATCHABLE = Set.of("Deployment", "StatefulSet", "ConfigMap", "Service", "Ingress");

    private Kustomize() {
    }

    /** A resource of the build and the file it came from. */
    record Resource(Map<String, Object> document, String origin) {

        String kind() {
            return (String) document.get("kind");
        }

        String apiVersion() {
            return (String) document.get("apiVersion");
        }

        String name() {
            return (String) metadata().get("name");
        }

        String namespace() {
            return (String) metadata().get("namespace");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> metadata() {
            return (Map<String, Object>) document.getOrDefault("metadata", Map.of());
        }

        String id() {
            return kind() + "/" + (namespace() == null ? "" : namespace() + "/") + name();
        }
    }

    static List<Resource> build(Path directory) {
        return build(directory, new LinkedHashSet<>());
    }

    /** Every file a kustomization (and the ones it includes) reads: its resources and its patches. */
    static Set<Path> filesUsed(Path directory) {
        Set<Path> files = new LinkedHashSet<>();
        collectFiles(directory.toAbsolutePath().normalize(), files);
        return files;
    }

    private static void collectFiles(Path directory, Set<Path> files) {
        Map<String, Object> k = kustomization(directory);
        files.add(directory.resolve(FILE));
        for (String entry : strings(k.get("resources"), directory, "resources")) {
            Path p = directory.resolve(entry).normalize();
            if (Files.isDirectory(p)) {
                collectFiles(p, files);
            } else {
                files.add(p);
            }
        }
        for (Map<String, Object> patch : maps(k.get("patches"), directory, "patches")) {
            files.add(directory.resolve((String) patch.get("path")).normalize());
        }
    }

    private static List<Resource> build(Path directory, Set<Path> visiting) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!visiting.add(dir)) {
            throw new InvalidKustomization(dir + ": kustomizations include each other");
        }
        Map<String, Object> k = kustomization(dir);
        List<Resource> resources = new ArrayList<>();
        for (String entry : strings(k.get("resources"), dir, "resources")) {
            Path p = dir.resolve(entry).normalize();
            if (Files.isDirectory(p)) {
                resources.addAll(build(p, visiting));
            } else if (Files.isRegularFile(p)) {
                for (Map<String, Object> doc : StrictYaml.documents(Repository.read(p), p.toString())) {
                    resources.add(new Resource(doc, p.toString()));
                }
            } else {
                throw new InvalidKustomization(dir.resolve(FILE) + ": resource " + entry + " does not exist");
            }
        }
        visiting.remove(dir);
        requireUniqueIds(resources, dir);
        applyPatches(k, dir, resources);
        if (k.get("namespace") instanceof String namespace) {
            resources.replaceAll(r -> CLUSTER_SCOPED.contains(r.kind()) ? r : withNamespace(r, namespace));
        }
        applyReplicas(k, dir, resources);
        applyImages(k, dir, resources);
        requireUniqueIds(resources, dir);
        return resources;
    }

    static Map<String, Object> kustomization(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new InvalidKustomization(dir + ": no " + FILE);
        }
        Map<String, Object> k = StrictYaml.single(Repository.read(file), file.toString());
        if (!"kustomize.config.k8s.io/v1beta1".equals(k.get("apiVersion")) || !"Kustomization".equals(k.get("kind"))) {
            throw new InvalidKustomization(file + ": not a kustomize.config.k8s.io/v1beta1 Kustomization");
        }
        for (String field : k.keySet()) {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new InvalidKustomization(file + ": field " + field + " is not supported by this resolver "
                        + "(keep overlays to " + SUPPORTED_FIELDS + ")");
            }
        }
        return k;
    }

    private static void applyPatches(Map<String, Object> k, Path dir, List<Resource> resources) {
        for (Map<String, Object> entry : maps(k.get("patches"), dir, "patches")) {
            if (!entry.keySet().equals(Set.of("path"))) {
                throw new InvalidKustomization(dir.resolve(FILE) + ": a patch is {path: file} only, not " + entry.keySet());
            }
            Path file = dir.resolve((String) entry.get("path")).normalize();
            for (Map<String, Object> patch : StrictYaml.documents(Repository.read(file), file.toString())) {
                Resource target = new Resource(patch, file.toString());
                if (!PATCHABLE.contains(target.kind())) {
                    throw new InvalidKustomization(file + ": patching a " + target.kind() + " is not supported");
                }
                int index = -1;
                for (int i = 0; i < resources.size(); i++) {
                    Resource r = resources.get(i);
                    if (r.kind().equals(target.kind()) && r.apiVersion().equals(target.apiVersion())
                            && r.name().equals(target.name())
                            && (target.namespace() == null || target.namespace().equals(r.namespace()))) {
                        index = i;
                    }
                }
                if (index < 0) {
                    throw new InvalidKustomization(file + ": no " + target.kind() + "/" + target.name() + " to patch");
                }
                Resource original = resources.get(index);
                resources.set(index, new Resource(StrategicMerge.apply(original.document(), patch, file.toString()),
                        original.origin() + " + " + file.getFileName()));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void applyReplicas(Map<String, Object> k, Path dir, List<Resource> resources) {
        for (Map<String, Object> entry : maps(k.get("replicas"), dir, "replicas")) {
            String name = (String) entry.get("name");
            if (!(entry.get("count") instanceof Integer count)) {
                throw new InvalidKustomization(dir.resolve(FILE) + ": replicas of " + name + " needs an integer count");
            }
            boolean found = false;
            for (Resource r : resources) {
                if (Set.of("Deployment", "StatefulSet").contains(r.kind()) && r.name().equals(name)) {
                    ((Map<String, Object>) r.document().computeIfAbsent("spec", s -> new LinkedHashMap<>()))
                            .put("replicas", count);
                    found = true;
                }
            }
            if (!found) {
                throw new InvalidKustomization(dir.resolve(FILE) + ": replicas names " + name + ", which is no workload");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void applyImages(Map<String, Object> k, Path dir, List<Resource> resources) {
        for (Map<String, Object> entry : maps(k.get("images"), dir, "images")) {
            String name = (String) entry.get("name");
            if (!Set.of("name", "newName", "newTag").containsAll(entry.keySet())) {
                throw new InvalidKustomization(dir.resolve(FILE) + ": images supports name, newName, newTag");
            }
            boolean found = false;
            for (Resource r : resources) {
                for (Map<String, Object> container : containers(r.document())) {
                    String image = (String) container.get("image");
                    if (image != null && imageName(image).equals(name)) {
                        String newName = (String) entry.getOrDefault("newName", name);
                        Object newTag = entry.get("newTag");
                        String tag = newTag != null ? String.valueOf(newTag) : imageTag(image);
                        container.put("image", tag == null ? newName : newName + ":" + tag);
                        found = true;
                    }
                }
            }
            if (!found) {
                throw new InvalidKustomization(dir.resolve(FILE) + ": images names " + name + ", which no container uses");
            }
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> containers(Map<String, Object> document) {
        Object spec = document.get("spec");
        Object template = spec instanceof Map<?, ?> s ? s.get("template") : null;
        Object podSpec = template instanceof Map<?, ?> t ? t.get("spec") : null;
        List<Map<String, Object>> result = new ArrayList<>();
        if (podSpec instanceof Map<?, ?> p) {
            for (String field : List.of("initContainers", "containers")) {
                if (p.get(field) instanceof List<?> list) {
                    list.forEach(c -> result.add((Map<String, Object>) c));
                }
            }
        }
        return result;
    }

    static String imageName(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.indexOf(':', slash + 1);
        return colon < 0 ? image : image.substring(0, colon);
    }

    static String imageTag(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.indexOf(':', slash + 1);
        return colon < 0 ? null : image.substring(colon + 1);
    }

    private static Resource withNamespace(Resource r, String namespace) {
        Map<String, Object> copy = StrategicMerge.deepCopy(r.document());
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) copy.computeIfAbsent("metadata", m -> new LinkedHashMap<>());
        metadata.put("namespace", namespace);
        return new Resource(copy, r.origin());
    }

    private static void requireUniqueIds(List<Resource> resources, Path dir) {
        Set<String> ids = new LinkedHashSet<>();
        for (Resource r : resources) {
            if (r.kind() == null || r.name() == null) {
                throw new InvalidKustomization(r.origin() + ": a resource without kind or metadata.name");
            }
            if (!ids.add(r.id())) {
                throw new InvalidKustomization(dir.resolve(FILE) + ": " + r.id() + " is declared twice");
            }
        }
    }

    private static List<String> strings(Object value, Path dir, String field) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(Objects::toString).toList();
        }
        throw new InvalidKustomization(dir.resolve(FILE) + ": " + field + " must be a list of paths");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object value, Path dir, String field) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
            return (List<Map<String, Object>>) value;
        }
        throw new InvalidKustomization(dir.resolve(FILE) + ": " + field + " must be a list of mappings");
    }

    static final class InvalidKustomization extends RuntimeException {
        InvalidKustomization(String message) {
            super(message);
        }
    }
}
