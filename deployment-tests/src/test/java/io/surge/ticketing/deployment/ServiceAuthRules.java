package io.surge.ticketing.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Container;

/**
 * Calls between services carry an HMAC credential keyed by one shared secret ({@value #VARIABLE}): the services
 * refuse a call without it. So every workload that calls another (a URL or host:port of its settings reaches another
 * workload's API port) and every workload called so gets the secret, all from the same Secret key (compose: the
 * same .env variable), never a literal; a workload that neither calls nor is called holds no copy.
 */
final class ServiceAuthRules {

    static final String VARIABLE = "TICKETING_SERVICE_SECRET";

    List<String> check(Manifests manifests) {
        Map<String, Set<String>> parties = parties(NetworkRules.callers(manifests));
        List<String> problems = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        for (Manifests.Workload workload : manifests.workloads()) {
            for (Container container : workload.containers()) {
                String value = manifests.environment(container).get(VARIABLE);
                check(workload.kind() + "/" + workload.name(), parties.get(workload.name()), value,
                        value != null && value.startsWith("secret:"), "a Secret (secretKeyRef)", sources, problems);
            }
        }
        if (sources.size() > 1) {
            problems.add("the services sign and verify with one key: " + VARIABLE + " comes from " + sources);
        }
        return problems;
    }

    /** The same for docker-compose.yml: the variable is interpolated from .env (${TICKETING_SERVICE_SECRET...}). */
    List<String> checkCompose(Map<String, Object> compose) {
        Map<String, Object> services = ComposeRules.map(compose.get("services"));
        Map<String, Set<String>> callers = new LinkedHashMap<>();
        Map<String, Map<String, String>> environments = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            Map<String, String> env = new LinkedHashMap<>();
            ComposeRules.map(ComposeRules.map(service).get("environment"))
                    .forEach((k, v) -> env.put(k, v == null ? "" : String.valueOf(v)));
            environments.put(name, env);
        });
        environments.forEach((name, env) -> {
            if (ComposeRules.map(services.get(name)).containsKey("build")) {
                for (NetworkRules.Endpoint endpoint : NetworkRules.endpoints(env)) {
                    if (ComposeRules.map(services.get(endpoint.host())).containsKey("build")) {
                        callers.computeIfAbsent(endpoint.host(), k -> new LinkedHashSet<>()).add(name);
                    }
                }
            }
        });
        Map<String, Set<String>> parties = parties(callers);
        List<String> problems = new ArrayList<>();
        Set<String> sources = new LinkedHashSet<>();
        environments.forEach((name, env) -> {
            String value = env.get(VARIABLE);
            check("compose service " + name, parties.get(name), value, value != null && value.startsWith("${" + VARIABLE),
                    "${" + VARIABLE + ":?...} from .env", sources, problems);
        });
        if (sources.size() > 1) {
            problems.add("compose: the services sign and verify with one key: " + VARIABLE + " is " + sources);
        }
        return problems;
    }

    private static void check(String where, Set<String> peers, String value, boolean referenced, String how,
            Set<String> sources, List<String> problems) {
        if (peers != null) {
            if (value == null) {
                problems.add(where + ": calls or is called by " + peers + ": it needs " + VARIABLE + " from " + how);
            } else if (!referenced) {
                problems.add(where + ": " + VARIABLE + " must come from " + how);
            } else {
                sources.add(value);
            }
        } else if (value != null) {
            problems.add(where + ": holds " + VARIABLE + " but neither calls nor is called by another service");
        }
    }

    /** Each workload that calls or is called -> the workloads on the other end. */
    private static Map<String, Set<String>> parties(Map<String, Set<String>> callers) {
        Map<String, Set<String>> parties = new LinkedHashMap<>();
        callers.forEach((callee, sourcesOfCalls) -> {
            for (String caller : sourcesOfCalls) {
                if (!caller.equals(callee)) {
                    parties.computeIfAbsent(callee, k -> new LinkedHashSet<>()).add(caller);
                    parties.computeIfAbsent(caller, k -> new LinkedHashSet<>()).add(callee);
                }
            }
        });
        return parties;
    }
}
