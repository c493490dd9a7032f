package io.surge.ticketing.payment;

import io.surge.ticketing.architecture.WebServiceArchitectureTests;

/** payment-service's package rules (architecture-rules' {@link WebServiceArchitectureTests}), on its main classes: no Spring, nothing running. */
class PaymentArchitectureUnitTests extends WebServiceArchitectureTests {

    PaymentArchitectureUnitTests() {
        super(PaymentApplication.class);
    }
}
