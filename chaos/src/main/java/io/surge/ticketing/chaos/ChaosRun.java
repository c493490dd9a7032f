package io.surge.ticketing.chaos;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.surge.ticketing.invariants.InvariantChecker;
import io.surge.ticketing.invariants.InvariantReport;
import io.surge.ticketing.invariants.LocalStack;
import io.surge.ticketing.invariants.Violation;

/**
 * {@code ./ticketing chaos [--quick]}: fans buy through the gateway while the faults of {@link Faults} happen one
 * after another, each followed by recovery, the time until the fans' whole path works again, and the invariant
 * checker. Then the fuzz ({@link Fuzz}) and the attacks ({@link Attacks}), with the traffic stopped. Prints one
 * table; exits 1 when a fault was not survived, an invariant broke, a booking was lost, or an input got a 5xx.
 */
public final class ChaosRun {

    private final LocalStack stack = LocalStack.load();
    private final Gateway gateway;
    private final Identity identity;
    private final Launcher launcher;
    private final boolean quick;

    private ChaosRun(Path root, Path log, URI base, boolean quick) {
        this.gateway = new Gateway(base);
        this.identity = new Identity(stack);
        this.launcher = new Launcher(root, log);
        this.quick = quick;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".");
        Path log = Path.of("chaos-launcher.log");
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = Path.of(args[++i]);
                case "--log" -> log = Path.of(args[++i]);
                case "--quick" -> quick = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--quick)");
            }
        }
        URI base = URI.create(LocalStack.load().get("TICKETING_GATEWAY_URL", "http://127.0.0.1:8080") + "/");
        System.exit(new ChaosRun(root.toAbsolutePath(), log.toAbsolutePath(), base, quick).run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        long started = System.currentTimeMillis();
        say("creating the chaos sale");
        ChaosSale sale = quick ? ChaosSale.create(gateway, identity, "Chaos quick " + UUID.randomUUID(), 4, 25, 20)
                : ChaosSale.create(gateway, identity, "Chaos " + UUID.randomUUID(), 10, 40, 25);
        Probe probe = new Probe(gateway, identity, sale);
        Traffic traffic = new Traffic(gateway, identity, sale, quick ? 6 : 12);
        List<FaultResult> results = new ArrayList<>();
        say("event " + sale.eventId() + " (" + sale.ticketIds().size() + " seats); fans start buying");
        traffic.start();
        Gateway.pause(quick ? 10_000 : 20_000);
        Faults.Proxies proxies = quick ? null
                : new Faults.Proxies(launcher, Integer.parseInt(stack.get("TICKETING_DB_PORT", "5432")),
                        Integer.parseInt(stack.get("TICKETING_REDIS_PORT", "6379")));
        try {
            List<Fault> faults = quick ? new Faults(launcher).quick() : new Faults(launcher).full(proxies);
            for (Fault fault : faults) {
                results.add(inject(fault, probe, sale));
            }
        } finally {
            if (proxies != null) {
                proxies.close();
            }
        }
        say("faults done; letting the fans finish");
        traffic.stop();

        say("settling: every accepted reservation decided");
        long lost = lostBookings(traffic.accepted(), quick ? 60 : 120);
        InvariantReport finalReport = invariants(sale, 4);

        say("fuzzing every public endpoint");
        gateway.forget();
        long fuzzBookingsBefore = count("booking", "SELECT count(*) FROM bookings WHERE user_id LIKE 'fuzz-%'");
        long venuesBefore = count("catalog", "SELECT count(*) FROM venue");
        long eventsBefore = count("catalog", "SELECT count(*) FROM event");
        Fuzz.Tally fuzz = new Fuzz(gateway, identity, sale).run(quick ? 12 : 60);
        boolean unchanged = fuzzBookingsBefore == count("booking", "SELECT count(*) FROM bookings WHERE user_id LIKE 'fuzz-%'")
                && venuesBefore == count("catalog", "SELECT count(*) FROM venue")
                && eventsBefore == count("catalog", "SELECT count(*) FROM event");

        say("attacking identities");
        List<Attacks.Result> attacks = new Attacks(gateway, identity, sale).run();

        Map<String, Long> totals = totals(finalReport, lost);
        print(results, traffic, totals, fuzz, unchanged, attacks, (System.currentTimeMillis() - started) / 1000);
        boolean survived = results.stream().allMatch(FaultResult::survived);
        boolean noViolation = totals.values().stream().allMatch(v -> v == 0);
        boolean fuzzClean = fuzz.serverErrors() == 0 && fuzz.wrong() == 0 && unchanged;
        boolean attacksRefused = attacks.stream().allMatch(Attacks.Result::refused);
        return survived && noViolation && fuzzClean && attacksRefused;
    }

    private FaultResult inject(Fault fault, Probe probe, ChaosSale sale) {
        say(fault.name());
        long from = System.currentTimeMillis();
        boolean injected = fault.inject().getAsBoolean();
        Gateway.pause(fault.broken().toMillis());
        boolean back = fault.recover().getAsBoolean();
        double seconds = probe.secondsToServe(120);
        long to = System.currentTimeMillis();
        List<Gateway.Answered> answers = gateway.between(from, to).stream()
                .filter(a -> !a.operation().equals("probe") && !a.operation().equals("setup")).toList();
        long checking = System.currentTimeMillis();
        InvariantReport report = invariants(sale, 9);
        long settled = (System.currentTimeMillis() - checking) / 1000;
        String invariants = report == null ? "could not be checked"
                : report.holds() ? (settled < 5 ? "hold" : "hold (after " + settled + " s settling)")
                : String.join("; ", report.violations().stream().map(Violation::invariant).distinct().toList());
        FaultResult result = new FaultResult(fault.name(), injected, back, seconds, answers.size(),
                answers.stream().filter(a -> a.status() == 503).count(),
                answers.stream().filter(a -> a.status() >= 500 && a.status() != 503).count(),
                answers.stream().filter(a -> a.status() == 0).count(), invariants);
        say(String.format("  %s: back %s, serving again after %.1f s, %d requests, %d x 503, %d other 5xx, %d unanswered, invariants %s",
                result.survived() ? "survived" : "NOT survived", back, seconds, result.requests(), result.unavailable(),
                result.otherServerErrors(), result.noAnswer(), invariants));
        return result;
    }

    /**
     * The invariant checker on the chaos event, again a few times (10 s apart) while a recovery settles: a payment
     * charged while PostgreSQL restarted is confirmed by the reconciler a little later, a lost bitfield is rebuilt.
     */
    private InvariantReport invariants(ChaosSale sale, int attempts) {
        InvariantReport report = null;
        for (int i = 0; i < attempts; i++) {
            try {
                report = InvariantChecker.withDefaults(stack).check(List.of(sale.eventId()));
                if (report.holds()) {
                    return report;
                }
            } catch (Exception e) {
                say("  invariant check failed to run: " + e);
            }
            Gateway.pause(10_000);
        }
        return report;
    }

    /** Accepted reservations with no booking row once the buffer drained (waits up to {@code maxSeconds}). */
    private long lostBookings(Set<String> accepted, int maxSeconds) throws SQLException {
        long deadline = System.currentTimeMillis() + maxSeconds * 1000L;
        long missing;
        do {
            missing = accepted.size() - present(accepted);
            if (missing == 0) {
                return 0;
            }
            Gateway.pause(2_000);
        } while (System.currentTimeMillis() < deadline);
        return missing;
    }

    private long present(Set<String> ids) throws SQLException {
        try (Connection db = connect("booking");
                PreparedStatement query = db.prepareStatement("SELECT count(*) FROM bookings WHERE booking_id = ANY(?)")) {
            Array array = db.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
            query.setArray(1, array);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long count(String database, String sql) throws SQLException {
        try (Connection db = connect(database); ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(database), stack.require("TICKETING_DB_USER"),
                stack.require("TICKETING_DB_PASSWORD"));
    }

    private static Map<String, Long> totals(InvariantReport report, long lost) {
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("seats double-sold", violations(report, InvariantChecker.NO_DOUBLE_BOOKING));
        totals.put("bookings lost (accepted, never recorded)", lost);
        totals.put("stuck PENDING", violations(report, InvariantChecker.NO_STALE_PENDING));
        totals.put("payments charged twice (or money without a ticket)", violations(report, InvariantChecker.ONE_PAYMENT_PER_CONFIRMATION));
        totals.put("seats out of step with bookings", violations(report, InvariantChecker.SEATS_MATCH_BOOKINGS));
        totals.put("availability out of step with Postgres", violations(report, InvariantChecker.BITFIELD_MATCHES));
        totals.put("expired holds not released", violations(report, InvariantChecker.EXPIRED_HOLDS_RELEASED));
        return totals;
    }

    private static long violations(InvariantReport report, String invariant) {
        return report == null ? -1 : report.violations().stream().filter(v -> v.invariant().equals(invariant)).count();
    }

    private void print(List<FaultResult> results, Traffic traffic, Map<String, Long> totals, Fuzz.Tally fuzz,
            boolean unchanged, List<Attacks.Result> attacks, long seconds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nChaos run%s: %d faults, %d s%n", quick ? " (quick)" : "", results.size(), seconds));
        out.append(String.format("%-44s %-9s %-9s %8s %6s %9s %7s %11s  %s%n", "fault", "injected", "survived",
                "requests", "503", "other 5xx", "no ans.", "serving (s)", "invariants"));
        for (FaultResult r : results) {
            out.append(String.format("%-44s %-9s %-9s %8d %6d %9d %7d %11s  %s%n", r.fault(), r.injected() ? "yes" : "NO",
                    r.survived() ? "yes" : "NO", r.requests(), r.unavailable(), r.otherServerErrors(), r.noAnswer(),
                    r.secondsToServe() < 0 ? "never" : String.format("%.1f", r.secondsToServe()), r.invariants()));
        }
        out.append(String.format("%nAfter all of it (event-wide):%n"));
        totals.forEach((name, value) -> out.append(String.format("  %-56s %d%n", name, value)));
        out.append(String.format("  fans' outcomes: %s%n", traffic.outcomes()));
        out.append(String.format("%nAbuse (property-based inputs through the gateway):%n"));
        Fuzz.counts(fuzz).forEach((name, value) -> out.append(String.format("  %-56s %s%n", name, value)));
        out.append(String.format("  %-56s %s%n", "state unchanged (fuzz bookings, venues, events)", unchanged ? "yes" : "NO"));
        fuzz.examples().forEach(example -> out.append("    e.g. ").append(example).append('\n'));
        out.append(String.format("%nAttacks on identity:%n"));
        attacks.forEach(a -> out.append(String.format("  %-56s expected %-18s got %-22s %s%n", a.attack(), a.expected(),
                a.got(), a.refused() ? "refused" : "NOT REFUSED")));
        System.out.print(out);
    }

    private static void say(String text) {
        System.out.println("==> " + text);
        System.out.flush();
    }
}
