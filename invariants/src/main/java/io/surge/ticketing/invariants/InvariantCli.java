package io.surge.ticketing.invariants;

import java.util.Arrays;
import java.util.List;

/**
 * {@code java ... InvariantCli [EVENT_ID ...]}: checks the events (all when none is named) against the stack
 * {@link LocalStack} finds, prints the report, exits 1 when an invariant is broken.
 */
public final class InvariantCli {

    private InvariantCli() {
    }

    public static void main(String[] args) throws Exception {
        List<Long> events = Arrays.stream(args).map(Long::parseLong).toList();
        InvariantReport report = InvariantChecker.withDefaults(LocalStack.load()).check(events);
        System.out.println("Invariants after the surge" + (events.isEmpty() ? " (all events)" : " (events " + events + ")"));
        System.out.print(report.describe());
        System.exit(report.holds() ? 0 : 1);
    }
}
