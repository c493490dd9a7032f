package io.surge.ticketing.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Every setting a deployment gives a service is one the service reads (no typo, no setting left over from a renamed
 * property), and every setting a service cannot start or work without is given: the placeholders without a default
 * of its application.yml (for the profiles it runs with) and those whose default points at the launcher's machine
 * (127.0.0.1, localhost, .ticketing); and health details are never shown to anyone (show-details always). Used for
 * the Kubernetes Deployments and for docker-compose.yml alike.
 */
final class ConfigurationRules {

    private static final Pattern HEALTH_DETAILS = Pattern.compile(
            "management\\.endpoint\\.health(\\.group\\.[^.]+)?\\.show-(details|components)");
    private static final Pattern HEALTH_DETAILS_VARIABLE = Pattern.compile(
            "(?i)MANAGEMENT_ENDPOINT_HEALTH(_GROUP_.+)?_SHOW_?(DETAILS|COMPONENTS)");

    private final Repository repository;

    ConfigurationRules(Repository repository) {
        this.repository = repository;
    }

    List<String> check(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String module = Kustomize.imageName(String.valueOf(container.getImage())).replace(WorkloadRules.REGISTRY, "");
                String where = "Deployment/" + deployment.getMetadata().getName();
                for (EnvFromSource from : container.getEnvFrom() == null ? List.<EnvFromSource>of() : container.getEnvFrom()) {
                    if (from.getSecretRef() != null) {
                        problems.add(where + ": envFrom Secret " + from.getSecretRef().getName()
                                + " hides which variables it sets; use env with secretKeyRef, one per variable");
                    }
                    if (from.getPrefix() != null) {
                        problems.add(where + ": envFrom with a prefix is not checked; list the variables");
                    }
                }
                if (repository.serviceModules().contains(module)) {
                    problems.addAll(check(where, module, manifests.environment(container)));
                }
            }
        }
        return problems;
    }

    /** The problems of one service's environment (variable names to values). */
    List<String> check(String where, String module, Map<String, String> environment) {
        List<String> problems = new ArrayList<>();
        ServiceSettings settings = ServiceSettings.of(repository, module);
        for (String name : environment.keySet()) {
            if (!settings.reads(name)) {
                problems.add(where + ": " + name + " is read by no property of " + module
                        + " (not a placeholder or key of its application.yml, nor a Spring Boot property)");
            }
        }
        Set<String> profiles = settings.activeProfiles(environment.get("SPRING_PROFILES_ACTIVE"));
        for (String required : settings.requiredVariables(profiles)) {
            if (!environment.containsKey(required)) {
                problems.add(where + ": " + module + " needs " + required + " (profiles " + profiles + ")");
            }
        }
        healthDetails(where, module, settings, profiles, environment, problems);
        String bind = environment.get("TICKETING_BIND_ADDRESS");
        if (bind != null && !bind.equals("0.0.0.0")) {
            problems.add(where + ": TICKETING_BIND_ADDRESS must be 0.0.0.0 in a container, not " + bind);
        }
        return problems;
    }

    /**
     * Health details (and components) are shown to authorized callers only: no show-details or show-components
     * (of the health endpoint or a group) is {@code always}, in the yml for these profiles or in the environment,
     * and any such variable the deployment sets is when-authorized or never.
     */
    private static void healthDetails(String where, String module, ServiceSettings settings, Set<String> profiles,
            Map<String, String> environment, List<String> problems) {
        for (String key : settings.keys(profiles)) {
            if (HEALTH_DETAILS.matcher(key).matches()) {
                String variable = ServiceSettings.envName(key);
                String value = environment.containsKey(variable) ? environment.get(variable)
                        : settings.resolved(key, profiles, environment).orElse("");
                if (value.trim().equalsIgnoreCase("always")) {
                    problems.add(where + ": " + module + " shows health details to anyone (" + key + "=always); "
                            + "use when-authorized (or never)");
                }
            }
        }
        environment.forEach((name, value) -> {
            if (HEALTH_DETAILS_VARIABLE.matcher(name).matches()
                    && !Set.of("when-authorized", "never").contains(value.trim().toLowerCase(Locale.ROOT))) {
                problems.add(where + ": " + name + "=" + value + " shows health details to anyone; use when-authorized (or never)");
            }
        });
    }
}
