package io.surge.ticketing.deployment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/**
 * The edge: the gateway believes X-Forwarded-For only from the ingress controller's pods, so
 * {@value #TRUSTED_PROXIES} lists addresses or CIDRs narrower than a /16 (IPv4; /64 for IPv6), never a whole pod
 * network; and a build that publishes the platform (an Ingress, a LoadBalancer or NodePort Service; in compose a
 * port bound beyond the loopback) runs every service with profile prod, never local (its token endpoint signs
 * tokens for anyone, CAPTCHA off) or test.
 */
final class EdgeRules {

    static final String TRUSTED_PROXIES = "TICKETING_TRUSTED_PROXIES";
    static final int NARROWEST_IPV4_PREFIX = 16;
    static final int NARROWEST_IPV6_PREFIX = 64;
    private static final Set<String> UNSAFE_PROFILES = Set.of("local", "test", "dev");

    List<String> checkTrustedProxies(Manifests manifests) {
        List<String> problems = new ArrayList<>();
        for (Manifests.Workload workload : manifests.workloads()) {
            for (Container container : workload.containers()) {
                String value = manifests.environment(container).get(TRUSTED_PROXIES);
                if (value != null) {
                    problems.addAll(trustedProxies(workload.kind() + "/" + workload.name(), value));
                }
            }
        }
        return problems;
    }

    /** The problems of one TICKETING_TRUSTED_PROXIES value (comma-separated addresses and CIDRs). */
    static List<String> trustedProxies(String where, String value) {
        List<String> problems = new ArrayList<>();
        for (String entry : value.split(",")) {
            String proxy = entry.trim();
            if (proxy.isEmpty()) {
                continue;
            }
            boolean ipv6 = proxy.contains(":");
            int slash = proxy.indexOf('/');
            int prefix;
            try {
                prefix = slash < 0 ? (ipv6 ? 128 : 32) : Integer.parseInt(proxy.substring(slash + 1));
            } catch (NumberFormatException e) {
                problems.add(where + ": " + TRUSTED_PROXIES + " entry " + proxy + " is not an address or CIDR");
                continue;
            }
            String address = slash < 0 ? proxy : proxy.substring(0, slash);
            if (!ipv6 && (!address.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                    || Arrays.stream(address.split("\\.")).anyMatch(o -> Integer.parseInt(o) > 255))) {
                problems.add(where + ": " + TRUSTED_PROXIES + " entry " + proxy + " is not an address or CIDR");
                continue;
            }
            int narrowest = ipv6 ? NARROWEST_IPV6_PREFIX : NARROWEST_IPV4_PREFIX;
            boolean tooWide = ipv6 ? prefix < narrowest : prefix <= narrowest;
            if (tooWide) {
                problems.add(where + ": " + TRUSTED_PROXIES + " trusts " + proxy + ": any pod (or host) in it could forge "
                        + "the client address; narrow it to the ingress controller's pods (narrower than /" + narrowest + ")");
            }
        }
        return problems;
    }

    List<String> checkPublicProfiles(Manifests manifests) {
        List<String> published = new ArrayList<>();
        manifests.all(Ingress.class).forEach(i -> published.add("Ingress/" + i.getMetadata().getName()));
        manifests.all(Service.class).stream()
                .filter(s -> Set.of("LoadBalancer", "NodePort").contains(String.valueOf(s.getSpec().getType())))
                .forEach(s -> published.add("Service/" + s.getMetadata().getName() + " (" + s.getSpec().getType() + ")"));
        List<String> problems = new ArrayList<>();
        if (published.isEmpty()) {
            return problems;
        }
        for (Manifests.Workload workload : manifests.workloads()) {
            for (Container container : workload.containers()) {
                Map<String, String> env = manifests.environment(container);
                if (!env.containsKey("SPRING_PROFILES_ACTIVE") && !container.getImage().contains(WorkloadRules.REGISTRY)) {
                    continue;
                }
                problems.addAll(profiles(workload.kind() + "/" + workload.name(), env.get("SPRING_PROFILES_ACTIVE"),
                        "published by " + published));
            }
        }
        return problems;
    }

    /** docker-compose.yml: a service published beyond the loopback runs profile prod. */
    List<String> checkComposeProfiles(Map<String, Object> compose) {
        List<String> problems = new ArrayList<>();
        ComposeRules.map(compose.get("services")).forEach((name, s) -> {
            Map<String, Object> service = ComposeRules.map(s);
            List<String> open = ComposeRules.list(service.get("ports")).stream().map(String::valueOf)
                    .filter(p -> !(p.startsWith("127.0.0.1:") || p.startsWith("[::1]:") || p.startsWith("localhost:")))
                    .toList();
            if (!open.isEmpty() && service.containsKey("build")) {
                Object profile = ComposeRules.map(service.get("environment")).get("SPRING_PROFILES_ACTIVE");
                problems.addAll(profiles("compose service " + name, profile == null ? null : profile.toString(),
                        "published on " + open));
            }
        });
        return problems;
    }

    private static List<String> profiles(String where, String active, String why) {
        List<String> profiles = active == null ? List.of()
                : Arrays.stream(active.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
        List<String> problems = new ArrayList<>();
        if (!profiles.contains("prod") || profiles.stream().anyMatch(UNSAFE_PROFILES::contains)) {
            problems.add(where + ": " + why + ", so it must run SPRING_PROFILES_ACTIVE=prod (no local, test or dev: "
                    + "the local profile signs tokens for anyone and skips the CAPTCHA), not " + active);
        }
        return problems;
    }
}
