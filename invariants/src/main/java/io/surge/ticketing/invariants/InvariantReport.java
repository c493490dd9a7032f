package io.surge.ticketing.invariants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the checker verified, what it found broken, and the sale's figures (seats sold, bookings by status...). */
public final class InvariantReport {

    private final List<String> checked = new ArrayList<>();
    private final List<Violation> violations = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();

    void checked(String invariant) {
        checked.add(invariant);
    }

    void violated(String invariant, String detail) {
        violations.add(new Violation(invariant, detail));
    }

    void figure(String name, Object value) {
        figures.put(name, value);
    }

    public List<String> checked() {
        return List.copyOf(checked);
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public Map<String, Object> figures() {
        return Map.copyOf(figures);
    }

    public boolean holds() {
        return violations.isEmpty();
    }

    public String describe() {
        StringBuilder text = new StringBuilder();
        figures.forEach((name, value) -> text.append(String.format("  %-44s %s%n", name, value)));
        for (String invariant : checked) {
            long broken = violations.stream().filter(v -> v.invariant().equals(invariant)).count();
            text.append(String.format("  [%s] %s%n", broken == 0 ? "ok" : "BROKEN x" + broken, invariant));
        }
        violations.stream().limit(50).forEach(v -> text.append("    ").append(v).append(System.lineSeparator()));
        return text.toString();
    }
}
