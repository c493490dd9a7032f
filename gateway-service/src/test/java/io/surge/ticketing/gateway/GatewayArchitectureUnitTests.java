package io.surge.ticketing.gateway;

import io.surge.ticketing.architecture.WebServiceArchitectureTests;

/** gateway-service's package rules (architecture-rules' {@link WebServiceArchitectureTests}), on its main classes: no Spring, nothing running. */
class GatewayArchitectureUnitTests extends WebServiceArchitectureTests {

    GatewayArchitectureUnitTests() {
        super(GatewayApplication.class);
    }
}
