package io.surge.ticketing.waitingroom.pacing;

/**
 * How admission follows booking's backlog: halve when the buffer is deep (back off fast, like TCP), recover by a
 * fixed step when it has drained (probe slowly), hold in between. Pure, so the policy is testable on its own.
 */
record PaceRule(long highLag, long lowLag, double minFactor, double step) {

    double next(double factor, long lag) {
        if (lag > highLag) {
            return Math.max(minFactor, factor / 2);
        }
        if (lag < lowLag) {
            return Math.min(1.0, factor + step);
        }
        return factor;
    }
}
