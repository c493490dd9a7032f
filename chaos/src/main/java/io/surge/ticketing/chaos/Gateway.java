package io.surge.ticketing.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The platform as a client sees it: HTTP through the gateway (or a service's own port), every answer recorded with
 * its time so that each fault's window can be read back afterwards. A connection that fails is recorded as status 0.
 */
final class Gateway {

    static final ObjectMapper JSON = new ObjectMapper();
    /** A client's patience: an answer later than this counts as a hang. */
    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final ConcurrentLinkedQueue<Answered> log = new ConcurrentLinkedQueue<>();

    Gateway(URI base) {
        this.base = base;
    }

    /** One answer: when it came, what was asked, the status (0 = no answer: connection refused, reset or timeout). */
    record Answered(long atMillis, String operation, int status) {
    }

    /** An HTTP answer with its body. */
    record Response(int status, Map<String, List<String>> headers, byte[] body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (RuntimeException e) {
                return JSON.createObjectNode();
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .flatMap(h -> h.getValue().stream()).findFirst().orElse(null);
        }

        boolean isProblem() {
            String type = header("Content-Type");
            return type != null && type.startsWith("application/problem+json") && json().has("code");
        }

        /** Retry-After in milliseconds (1 s when absent, at most 5 s). */
        long retryAfterMillis() {
            try {
                return Math.min(5_000, Math.max(100, (long) (Double.parseDouble(header("Retry-After")) * 1000)));
            } catch (RuntimeException e) {
                return 1_000;
            }
        }
    }

    Response send(String operation, String method, String path, String token, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(CLIENT_TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                    : body instanceof byte[] b ? b : JSON.writeValueAsBytes(body);
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            log.add(new Answered(System.currentTimeMillis(), operation, response.statusCode()));
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            log.add(new Answered(System.currentTimeMillis(), operation, 0));
            return new Response(0, Map.of(), e.toString().getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, Map.of(), new byte[0]);
        }
    }

    Response get(String operation, String path, String token, String... headers) {
        return send(operation, "GET", path, token, null, headers);
    }

    Response post(String operation, String path, String token, Object body, String... headers) {
        return send(operation, "POST", path, token, body, headers);
    }

    /** The answers recorded between two instants. */
    List<Answered> between(long fromMillis, long toMillis) {
        return log.stream().filter(a -> a.atMillis() >= fromMillis && a.atMillis() <= toMillis).toList();
    }

    /** Forgets what was recorded (the fuzz and the attacks count their own answers). */
    void forget() {
        log.clear();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
