package io.surge.ticketing.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What an attacker tries on identity: forged and unfit JWTs (each must be 401), admission tokens replayed by
 * another fan, for another event, tampered with or expired (403), and floods from one user and from one address
 * (429 with Retry-After). Each attack is one line of the result.
 */
final class Attacks {

    /** One attack and whether the platform refused it as it should. */
    record Result(String attack, String expected, String got, boolean refused) {
    }

    private final Gateway gateway;
    private final Identity identity;
    private final ChaosSale sale;

    Attacks(Gateway gateway, Identity identity, ChaosSale sale) {
        this.gateway = gateway;
        this.identity = identity;
        this.sale = sale;
    }

    List<Result> run() {
        List<Result> results = new ArrayList<>();
        String victim = "attack-victim-" + UUID.randomUUID();
        identity.forgeries(victim).forEach((name, token) -> {
            Gateway.Response bookings = gateway.get("attack jwt", "/api/v1/bookings/" + UUID.randomUUID(), token);
            Gateway.Response admin = gateway.post("attack jwt", "/api/v1/admin/venues", token,
                    Map.of("name", "x", "city", "y", "country", "US", "sections", List.of()));
            results.add(new Result("JWT " + name, "401", bookings.status() + "/" + admin.status(),
                    bookings.status() == 401 && admin.status() == 401));
        });

        long event = sale.eventId();
        String fan = "attack-fan-" + UUID.randomUUID();
        String other = "attack-other-" + UUID.randomUUID();
        String fansToken = identity.admissionToken(fan, event);
        Map<String, Object> reserve = Map.of("event_id", event, "section_id", sale.sectionIds().get(0), "quantity", 1);
        results.add(admission("admission token of another fan", other, reserve, fansToken));
        results.add(admission("admission token for another event", fan, reserve, identity.admissionToken(fan, event + 7)));
        results.add(admission("admission token tampered", fan, reserve, tamper(fansToken)));
        results.add(admission("admission token with padding", fan, reserve, fansToken + "="));
        results.add(admission("admission token expired", fan, reserve, identity.expiredAdmissionToken(fan, event)));
        results.add(admission("no admission token", fan, reserve, null));

        results.add(flood("flood from one user (per-user bucket)", 150, n -> gateway.get("attack flood",
                "/api/v1/waiting-room/" + event + "/status", identity.token("flooder"))));
        String address = "203.0.113." + (1 + (int) (Math.random() * 200));
        // the auth group's per-IP bucket (100/s, burst 200): an empty body is refused at once, so the flood is fast
        results.add(flood("flood from one address (per-IP bucket, auth group)", 1_000, n -> gateway.post("attack flood",
                "/api/v1/auth/token", null, Map.of(), "X-Forwarded-For", address)));
        return results;
    }

    private Result admission(String name, String user, Map<String, Object> body, String token) {
        Gateway.Response response = token == null
                ? gateway.post("attack admission", "/api/v1/bookings/reserve", identity.token(user), body)
                : gateway.post("attack admission", "/api/v1/bookings/reserve", identity.token(user), body,
                        "X-Admission-Token", token);
        return new Result(name, "403", String.valueOf(response.status()), response.status() == 403);
    }

    private Result flood(String name, int requests, java.util.function.IntFunction<Gateway.Response> request) {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Gateway.Response>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                answers.add(pool.submit(() -> request.apply(n)));
            }
            long limited = 0;
            boolean retryAfter = true;
            for (Future<Gateway.Response> answer : answers) {
                Gateway.Response response = answer.get();
                if (response.status() == 429) {
                    limited++;
                    retryAfter &= response.header("Retry-After") != null && response.isProblem();
                }
            }
            return new Result(name, "429 + Retry-After", limited + " of " + requests + " limited", limited > 0 && retryAfter);
        } catch (Exception e) {
            return new Result(name, "429 + Retry-After", "failed: " + e, false);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[2]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"evt\":", "\"evt\":1");
        return parts[0] + "." + parts[1] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[3];
    }
}
