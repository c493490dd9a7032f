package io.surge.ticketing.cdc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import io.surge.ticketing.architecture.ServiceArchitecture;

/**
 * cdc-connector's package rules (architecture-rules' {@link ServiceArchitecture}), on its main classes: no Spring,
 * nothing running. It has no controllers (actuator only); its internal rule is that Debezium stays in the engine.
 */
class CdcArchitectureUnitTests {

    private static final String ROOT = CdcConnectorApplication.class.getPackageName();
    private static final JavaClasses CLASSES = ServiceArchitecture.mainClassesOf(ROOT);

    @Test
    void theFeaturePackagesAreFreeOfCycles() {
        ServiceArchitecture.featurePackagesAreFreeOfCycles(ROOT).check(CLASSES);
    }

    @Test
    void debeziumStaysInsideTheEngine() {
        noClasses().that().resideInAPackage(ROOT + "..").and().resideOutsideOfPackage(ROOT + ".engine..")
                .should().dependOnClassesThat().resideInAPackage("io.debezium..")
                .as("only the engine package knows the embedded Debezium engine")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnAnotherService() {
        ServiceArchitecture.noDependencyOnOtherServices(ROOT).check(CLASSES);
    }
}
