package io.surge.ticketing.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * No secret value is committed: no Secret object with data, no private key or certificate text, and every
 * setting whose name says it is secret (password, secret, token, credentials) comes from a Secret reference (or
 * compose interpolation), never a literal. A file path is fine: it names where a mounted secret is.
 */
final class SecretRules {

    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE_KEY|API_KEY).*");
    private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----");

    /** Problems of one committed file's text and documents (Kubernetes objects or the compose file). */
    List<String> check(String origin, String text, List<Map<String, Object>> documents) {
        List<String> problems = new ArrayList<>();
        if (PEM.matcher(text).find()) {
            problems.add(origin + ": contains a PEM key or certificate");
        }
        for (Map<String, Object> document : documents) {
            if ("Secret".equals(document.get("kind")) && (document.containsKey("data") || document.containsKey("stringData"))) {
                problems.add(origin + ": a Secret with data is committed; create it with kubectl (k8s/README.md)");
            }
            if ("ConfigMap".equals(document.get("kind")) && document.get("data") instanceof Map<?, ?> data) {
                data.forEach((k, v) -> literal(origin, "ConfigMap key " + k, String.valueOf(k), v, problems));
            }
            walkEnv(origin, document, problems);
        }
        return problems;
    }

    /** A compose environment value: a secret must be interpolated from .env, never written down. */
    static boolean isLiteralSecret(String name, Object value) {
        if (!SECRET_NAME.matcher(name).matches() || value == null) {
            return false;
        }
        String text = String.valueOf(value);
        return !text.isEmpty() && !text.startsWith("/") && !text.startsWith("${");
    }

    private static void walkEnv(String origin, Object node, List<String> problems) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("name") instanceof String name && map.containsKey("value") && !map.containsKey("valueFrom")) {
                literal(origin, "env " + name, name, map.get("value"), problems);
            }
            if (map.get("environment") instanceof Map<?, ?> environment) {
                environment.forEach((k, v) -> literal(origin, "environment " + k, String.valueOf(k), v, problems));
            }
            map.values().forEach(v -> walkEnv(origin, v, problems));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> walkEnv(origin, v, problems));
        }
    }

    private static void literal(String origin, String what, String name, Object value, List<String> problems) {
        if (isLiteralSecret(name, value)) {
            problems.add(origin + ": " + what + " holds a literal secret; reference a Secret (or ${VAR} from .env)");
        }
    }
}
