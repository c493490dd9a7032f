package io.surge.ticketing.booking;

import io.surge.ticketing.architecture.WebServiceArchitectureTests;

/** booking-service's package rules (architecture-rules' {@link WebServiceArchitectureTests}), on its main classes: no Spring, nothing running. */
class BookingArchitectureUnitTests extends WebServiceArchitectureTests {

    BookingArchitectureUnitTests() {
        super(BookingApplication.class);
    }
}
