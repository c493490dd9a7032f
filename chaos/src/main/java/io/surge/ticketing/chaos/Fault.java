package io.surge.ticketing.chaos;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * One thing that goes wrong: how to break it, how long it stays broken, and how to bring the component back (which
 * returns once the component itself is ready again; whether the platform serves again is measured after that).
 *
 * @param name    what the table calls it
 * @param inject  breaks it; false when the fault could not be injected
 * @param broken  how long the platform runs with it broken
 * @param recover brings the component back; false when it did not come back
 */
record Fault(String name, BooleanSupplier inject, Duration broken, BooleanSupplier recover) {

    static Fault of(String name, BooleanSupplier inject, Duration broken, BooleanSupplier recover) {
        return new Fault(name, inject, broken, recover);
    }

    /** A fault whose injection already includes its recovery (a restart). */
    static Fault restart(String name, BooleanSupplier restart) {
        return new Fault(name, restart, Duration.ZERO, () -> true);
    }
}
