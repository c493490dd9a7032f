package io.surge.ticketing.chaos;

/**
 * What one fault did.
 *
 * @param fault             its name
 * @param injected          whether it could be injected
 * @param componentBack     whether the component came back
 * @param secondsToServe    from the component back to the whole fan path working again (-1: it did not)
 * @param requests          the fans' requests from injection to serving again
 * @param unavailable       of those, answered 503 (graceful)
 * @param otherServerErrors of those, answered another 5xx (500, 502, 504)
 * @param noAnswer          of those, not answered (connection refused or reset, or past the client's timeout)
 * @param invariants        "hold" (with the seconds it took to settle, if any), or the broken ones
 */
record FaultResult(String fault, boolean injected, boolean componentBack, double secondsToServe, long requests,
        long unavailable, long otherServerErrors, long noAnswer, String invariants) {

    boolean survived() {
        return injected && componentBack && secondsToServe >= 0 && invariants.startsWith("hold");
    }
}
