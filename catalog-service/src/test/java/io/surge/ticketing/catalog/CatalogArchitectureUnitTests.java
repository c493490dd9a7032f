package io.surge.ticketing.catalog;

import io.surge.ticketing.architecture.WebServiceArchitectureTests;

/** catalog-service's package rules (architecture-rules' {@link WebServiceArchitectureTests}), on its main classes: no Spring, nothing running. */
class CatalogArchitectureUnitTests extends WebServiceArchitectureTests {

    CatalogArchitectureUnitTests() {
        super(CatalogApplication.class);
    }
}
