package io.surge.ticketing.invariants;

/** One broken invariant, with enough detail to find the rows. */
public record Violation(String invariant, String detail) {

    @Override
    public String toString() {
        return invariant + ": " + detail;
    }
}
