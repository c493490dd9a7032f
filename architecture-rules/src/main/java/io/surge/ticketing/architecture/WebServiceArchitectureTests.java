package io.surge.ticketing.architecture;

import org.junit.jupiter.api.Test;

/**
 * {@link ServiceArchitectureTests} for a service with an HTTP API: besides, its controllers are entry points only
 * (no other package calls one) and talk no SQL.
 */
public abstract class WebServiceArchitectureTests extends ServiceArchitectureTests {

    protected WebServiceArchitectureTests(Class<?> application) {
        super(application);
    }

    @Test
    void noOtherPackageCallsAController() {
        ServiceArchitecture.controllersAreEntryPointsOnly(root()).check(classes());
    }

    @Test
    void noControllerTalksSql() {
        ServiceArchitecture.controllersDoNotTouchJdbc(root()).check(classes());
    }
}
