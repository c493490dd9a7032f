package io.surge.ticketing.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * docker-compose.yml: every container has a health check and a memory limit; every service is built from
 * docker/Dockerfile with SERVICE = its Maven module (and named after it), is probed on its readiness group at the
 * port Actuator listens on (management.server.port), gets exactly the settings it reads (the same rules as the Kubernetes Deployments), and waits
 * for the health of each data store its settings point at; every name it references (services, secrets, volumes)
 * is declared.
 */
final class ComposeRules {

    static final String DOCKERFILE = "docker/Dockerfile";
    private static final Set<String> TOP_LEVEL = Set.of("name", "services", "volumes", "secrets", "networks", "configs");

    private final Repository repository;

    ComposeRules(Repository repository) {
        this.repository = repository;
    }

    @SuppressWarnings("unchecked")
    List<String> check(Map<String, Object> compose) {
        List<String> problems = new ArrayList<>();
        compose.keySet().stream().filter(k -> !TOP_LEVEL.contains(k) && !k.startsWith("x-"))
                .forEach(k -> problems.add("compose: unknown top-level key " + k));
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> secrets = map(compose.get("secrets"));
        Map<String, Object> volumes = map(compose.get("volumes"));
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            String name = entry.getKey();
            Map<String, Object> service = map(entry.getValue());
            String where = "compose service " + name;
            Map<String, Object> health = map(service.get("healthcheck"));
            if (!(health.get("test") instanceof List<?> test) || test.isEmpty() || "NONE".equals(test.get(0))) {
                problems.add(where + ": needs a healthcheck (others wait for it: depends_on service_healthy)");
            }
            Object memory = map(map(map(service.get("deploy")).get("resources")).get("limits")).get("memory");
            if (memory == null && service.get("mem_limit") == null) {
                problems.add(where + ": needs a memory limit (deploy.resources.limits.memory)");
            }
            for (Object secret : list(service.get("secrets"))) {
                String source = secret instanceof Map<?, ?> m ? String.valueOf(m.get("source")) : String.valueOf(secret);
                if (!secrets.containsKey(source)) {
                    problems.add(where + ": secret " + source + " is not declared");
                }
            }
            for (Object volume : list(service.get("volumes"))) {
                String source = String.valueOf(volume).split(":")[0];
                if (!source.startsWith(".") && !source.startsWith("/") && !volumes.containsKey(source)) {
                    problems.add(where + ": volume " + source + " is not declared");
                }
            }
            Map<String, Object> dependsOn = dependsOn(service.get("depends_on"));
            for (String dependency : dependsOn.keySet()) {
                if (!services.containsKey(dependency)) {
                    problems.add(where + ": depends on " + dependency + ", which is no service");
                }
            }
            if (service.containsKey("build")) {
                checkBuiltService(name, service, services, dependsOn, problems);
            }
        }
        return problems;
    }

    private void checkBuiltService(String name, Map<String, Object> service, Map<String, Object> services,
            Map<String, Object> dependsOn, List<String> problems) {
        String where = "compose service " + name;
        Map<String, Object> build = map(service.get("build"));
        Object module = map(build.get("args")).get("SERVICE");
        if (!".".equals(build.get("context")) || !DOCKERFILE.equals(build.get("dockerfile"))) {
            problems.add(where + ": build from context . with dockerfile " + DOCKERFILE + " (one recipe for every service)");
        }
        if (module == null || !repository.modules().contains(module.toString())) {
            problems.add(where + ": build arg SERVICE=" + module + " is not a Maven module of the root pom");
            return;
        }
        if (!name.equals(module)) {
            problems.add(where + ": named differently from its module " + module);
        }
        if (service.get("image") instanceof String image && !Kustomize.imageName(image).equals(WorkloadRules.REGISTRY + module)) {
            problems.add(where + ": image " + image + " is not " + WorkloadRules.REGISTRY + module);
        }
        if (!(service.get("environment") instanceof Map<?, ?> rawEnvironment)) {
            problems.add(where + ": environment must be a mapping (NAME: value)");
            return;
        }
        Map<String, String> environment = new LinkedHashMap<>();
        rawEnvironment.forEach((k, v) -> environment.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        if (!repository.serviceModules().contains(module.toString())) {
            return;
        }
        problems.addAll(new ConfigurationRules(repository).check(where, module.toString(), environment));
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (SecretRules.isLiteralSecret(e.getKey(), e.getValue())) {
                problems.add(where + ": " + e.getKey() + " must come from .env (${" + e.getKey() + ":?...}), not a literal");
            }
        }
        ServiceSettings settings = ServiceSettings.of(repository, module.toString());
        int port = settings.managementPort(environment);
        String test = String.join(" ", list(map(service.get("healthcheck")).get("test")).stream().map(String::valueOf).toList());
        if (!test.contains("/actuator/health/readiness") || !test.contains("127.0.0.1/" + port)) {
            problems.add(where + ": the healthcheck must probe /actuator/health/readiness on port " + port
                    + " (management.server.port)");
        }
        for (NetworkRules.Endpoint endpoint : NetworkRules.endpoints(environment)) {
            Map<String, Object> target = map(services.get(endpoint.host()));
            if (target.isEmpty()) {
                problems.add(where + ": " + endpoint.variable() + " points at " + endpoint.host() + ", which is no service");
            } else if (!target.containsKey("build")
                    && !"service_healthy".equals(map(dependsOn.get(endpoint.host())).get("condition"))) {
                problems.add(where + ": uses " + endpoint.host() + " (" + endpoint.variable()
                        + ") and must wait for it: depends_on: { " + endpoint.host() + ": { condition: service_healthy } }");
            }
        }
    }

    private static Map<String, Object> dependsOn(Object value) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> result.put(String.valueOf(k), v));
        } else {
            list(value).forEach(v -> result.put(String.valueOf(v), Map.of("condition", "service_started")));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }
}
