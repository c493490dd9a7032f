package io.surge.ticketing.search;

import io.surge.ticketing.architecture.WebServiceArchitectureTests;

/** search-service's package rules (architecture-rules' {@link WebServiceArchitectureTests}), on its main classes: no Spring, nothing running. */
class SearchArchitectureUnitTests extends WebServiceArchitectureTests {

    SearchArchitectureUnitTests() {
        super(SearchApplication.class);
    }
}
