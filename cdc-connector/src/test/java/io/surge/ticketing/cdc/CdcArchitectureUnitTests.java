package io.surge.ticketing.cdc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.architecture.ServiceArchitectureTests;

/**
 * cdc-connector's package rules (architecture-rules' {@link ServiceArchitectureTests}), on its main classes: no Spring,
 * nothing running. It has no controllers (actuator only); its internal rule is that Debezium stays in the engine.
 */
class CdcArchitectureUnitTests extends ServiceArchitectureTests {

    CdcArchitectureUnitTests() {
        super(CdcConnectorApplication.class);
    }

    @Test
    void debeziumStaysInsideTheEngine() {
        noClasses().that().resideInAPackage(root() + "..").and().resideOutsideOfPackage(root() + ".engine..")
                .should().dependOnClassesThat().resideInAPackage("io.debezium..")
                .as("only the engine package knows the embedded Debezium engine")
                .check(classes());
    }
}
