package io.surge.ticketing.gateway;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import io.surge.ticketing.architecture.ServiceArchitecture;

/** gateway-service's package rules (architecture-rules' {@link ServiceArchitecture}), on its main classes: no Spring, nothing running. */
class GatewayArchitectureUnitTests {

    private static final String ROOT = GatewayApplication.class.getPackageName();
    private static final JavaClasses CLASSES = ServiceArchitecture.mainClassesOf(ROOT);

    @Test
    void theFeaturePackagesAreFreeOfCycles() {
        ServiceArchitecture.featurePackagesAreFreeOfCycles(ROOT).check(CLASSES);
    }

    @Test
    void noOtherPackageCallsAController() {
        ServiceArchitecture.controllersAreEntryPointsOnly(ROOT).check(CLASSES);
    }

    @Test
    void noControllerTalksSql() {
        ServiceArchitecture.controllersDoNotTouchJdbc(ROOT).check(CLASSES);
    }

    @Test
    void nothingDependsOnAnotherService() {
        ServiceArchitecture.noDependencyOnOtherServices(ROOT).check(CLASSES);
    }
}
