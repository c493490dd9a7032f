package io.surge.ticketing.waitingroom;

import io.surge.ticketing.architecture.WebServiceArchitectureTests;

/** waiting-room-service's package rules (architecture-rules' {@link WebServiceArchitectureTests}), on its main classes: no Spring, nothing running. */
class WaitingRoomArchitectureUnitTests extends WebServiceArchitectureTests {

    WaitingRoomArchitectureUnitTests() {
        super(WaitingRoomApplication.class);
    }
}
