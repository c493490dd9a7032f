package io.surge.ticketing.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.NullNode;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.surge.ticketing.contracts.admission.AdmissionToken;
import io.surge.ticketing.contracts.admission.AdmissionTokenCodec;
import io.surge.ticketing.contracts.web.ServiceCredential;

/**
 * The running local stack as the system tests see it: the gateway's HTTP API, plus read access to
 * PostgreSQL and Redis to check invariants afterwards. Configuration comes from the launcher's
 * environment file ({@code .ticketing/secrets/env}), so nothing secret is in the test code.
 */
public final class Platform {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Platform instance;

    private final Map<String, String> env;
    private final URI gateway;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final PrivateKey jwtKey;
    private final AdmissionTokenCodec admissionCodec;
    private RedisClient redisClient;

    private Platform(Map<String, String> env) {
        this.env = env;
        this.gateway = URI.create(System.getProperty("ticketing.base-url",
                env.getOrDefault("TICKETING_GATEWAY_URL", "http://127.0.0.1:8080")));
        this.jwtKey = readPrivateKey(Path.of(env.get("TICKETING_JWT_PRIVATE_KEY")));
        this.admissionCodec = AdmissionTokenCodec.fromSecret(env.get("TICKETING_ADMISSION_SECRET"), Clock.systemUTC());
    }

    public static Platform get() {
        if (instance == null) {
            synchronized (Platform.class) {
                if (instance == null) {
                    instance = new Platform(loadEnv());
                }
            }
        }
        return instance;
    }

    public String env(String name) {
        return env.get(name);
    }

    /** Where fans reach the platform: the gateway's origin. */
    public URI gateway() {
        return gateway;
    }

    /** The launcher's state folder (pids, logs). */
    public Path stateDir() {
        return Path.of(env.get("TICKETING_STATE_DIR"));
    }

    /** The repository root, where {@code ./ticketing} lives. */
    public Path root() {
        return stateDir().getParent();
    }

    // ---------------------------------------------------------------------------------------------- identity

    /** A valid RS256 JWT for the local stack, like {@code ./ticketing token}. */
    public String token(String userId, String... roles) {
        return jwt(Map.of("alg", "RS256", "typ", "JWT", "kid", env.get("TICKETING_JWT_KID")),
                claims(userId, env.get("TICKETING_JWT_ISSUER"), Instant.now().plusSeconds(3600), roles), jwtKey);
    }

    /**
     * The credential the gateway adds to the calls it routes, for a test that calls a service's own port (as the
     * gateway would) with these identity headers.
     */
    public String serviceCredential(String userId, String roles) {
        return new ServiceCredential(env.get("TICKETING_SERVICE_SECRET"), Clock.systemUTC()).issue("gateway-service", userId, roles);
    }

    public String adminToken() {
        return token("admin-" + UUID.randomUUID(), "admin");
    }

    public static Map<String, Object> claims(String userId, String issuer, Instant expiresAt, String... roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", userId);
        claims.put("iss", issuer);
        claims.put("aud", List.of(System.getenv().getOrDefault("TICKETING_JWT_AUDIENCE", "ticketing-api")));
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("roles", List.of(roles));
        return claims;
    }

    /** Signs any header and claims with RS256 (tests build bad tokens with it too). */
    public static String jwt(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
        try {
            String signingInput = b64(JSON.writeValueAsBytes(header)) + "." + b64(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String jwtIssuer() {
        return env.get("TICKETING_JWT_ISSUER");
    }

    public String jwtKid() {
        return env.get("TICKETING_JWT_KID");
    }

    public PrivateKey jwtKey() {
        return jwtKey;
    }

    /**
     * An admission token signed with the real secret, for tests of the booking core that do not exercise the
     * waiting room itself (the edge tests obtain theirs from the waiting room).
     */
    public String admissionToken(String userId, long eventId, Duration ttl) {
        Instant now = Instant.now();
        return admissionCodec.encode(new AdmissionToken(userId, eventId, now, now.plus(ttl), UUID.randomUUID().toString()));
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    public Response get(String path, String token, String... headers) {
        return send("GET", path, token, null, headers);
    }

    public Response post(String path, String token, Object body, String... headers) {
        return send("POST", path, token, body, headers);
    }

    public Response put(String path, String token, Object body, String... headers) {
        return send("PUT", path, token, body, headers);
    }

    public Response patch(String path, String token, Object body, String... headers) {
        return send("PATCH", path, token, body, headers);
    }

    public Response delete(String path, String token, String... headers) {
        return send("DELETE", path, token, null, headers);
    }

    /** Sends one request through the gateway; {@code headers} are name/value pairs. */
    public Response send(String method, String path, String token, Object body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                byte[] bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
                request.header("Content-Type", "application/json");
                request.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
            }
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer with its body parsed as JSON when it is JSON. */
    public record Response(int status, Map<String, List<String>> headers, byte[] bytes) {

        public JsonNode json() {
            if (bytes.length == 0) {
                return NullNode.getInstance();
            }
            try {
                return JSON.readTree(bytes);
            } catch (JacksonException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + text(), e);
            }
        }

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    // ---------------------------------------------------------------------------------------------- fixtures

    /** Creates a venue with one section per entry of {@code sections} (name -> rows x seats per row). */
    public long createVenue(String name, String city, Map<String, int[]> sections) {
        List<Map<String, Object>> blocks = sections.entrySet().stream()
                .map(e -> Map.<String, Object>of("name", e.getKey(), "rows", e.getValue()[0], "seats_per_row", e.getValue()[1]))
                .toList();
        Response response = post("/api/v1/admin/venues", adminToken(),
                Map.of("name", name, "city", city, "country", "US", "sections", blocks));
        if (response.status() != 201) {
            throw new IllegalStateException("venue not created: " + response);
        }
        return response.json().get("venue_id").asLong();
    }

    /** Creates an event at a venue with one price per section name; on sale at {@code onSaleAt}. */
    public long createEvent(String name, String performer, long venueId, Instant onSaleAt, Map<String, Long> prices) {
        List<Map<String, Object>> tiers = prices.entrySet().stream()
                .map(e -> Map.<String, Object>of("section", e.getKey(), "price_cents", e.getValue()))
                .toList();
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("performer", performer);
        body.put("category", "concert");
        body.put("venue_id", venueId);
        body.put("starts_at", Instant.now().plus(Duration.ofDays(30)).toString());
        body.put("on_sale_at", onSaleAt.toString());
        body.put("price_tiers", tiers);
        Response response = post("/api/v1/admin/events", adminToken(), body);
        if (response.status() != 201) {
            throw new IllegalStateException("event not created: " + response);
        }
        return response.json().get("event_id").asLong();
    }

    // ---------------------------------------------------------------------------------------------- stores

    public Connection db(String database) throws SQLException {
        String url = "jdbc:postgresql://" + env.get("TICKETING_DB_HOST") + ":" + env.get("TICKETING_DB_PORT") + "/" + database;
        return DriverManager.getConnection(url, env.get("TICKETING_DB_USER"), env.get("TICKETING_DB_PASSWORD"));
    }

    public synchronized StatefulRedisConnection<byte[], byte[]> redis() {
        if (redisClient == null) {
            redisClient = RedisClient.create(io.lettuce.core.RedisURI.builder()
                    .withHost(env.get("TICKETING_REDIS_HOST")).withPort(Integer.parseInt(env.get("TICKETING_REDIS_PORT")))
                    .withAuthentication(env.get("TICKETING_REDIS_USERNAME"), env.get("TICKETING_REDIS_PASSWORD").toCharArray())
                    .build());
        }
        return redisClient.connect(ByteArrayCodec.INSTANCE);
    }

    /** Runs {@code ./ticketing ARGS} and returns its exit code (used to kill and restart services). */
    public int launcher(String... args) {
        try {
            List<String> command = new java.util.ArrayList<>();
            command.add(root().resolve("ticketing").toString());
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).directory(root().toFile()).inheritIO().start();
            return process.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------- internals

    private static Map<String, String> loadEnv() {
        String state = System.getenv("TICKETING_STATE_DIR");
        Path file = state != null ? Path.of(state, "secrets", "env") : findEnvFile();
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    values.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the stack is not set up (run ./ticketing up): " + file, e);
        }
        return values;
    }

    private static Path findEnvFile() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(".ticketing/secrets/env");
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return Path.of(".ticketing/secrets/env");
    }

    private static PrivateKey readPrivateKey(Path pem) {
        try {
            String text = Files.readString(pem)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the local JWT key " + pem, e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
