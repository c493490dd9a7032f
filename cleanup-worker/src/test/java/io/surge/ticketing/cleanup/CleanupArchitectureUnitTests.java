package io.surge.ticketing.cleanup;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

import io.surge.ticketing.architecture.ServiceArchitecture;

/**
 * cleanup-worker's package rules (architecture-rules' {@link ServiceArchitecture}), on its main classes: no Spring,
 * nothing running. It has no controllers (actuator only); its internal rule is that booking's tables are written
 * through booking-store alone.
 */
class CleanupArchitectureUnitTests {

    private static final String ROOT = CleanupWorkerApplication.class.getPackageName();
    private static final JavaClasses CLASSES = ServiceArchitecture.mainClassesOf(ROOT);

    @Test
    void theFeaturePackagesAreFreeOfCycles() {
        ServiceArchitecture.featurePackagesAreFreeOfCycles(ROOT).check(CLASSES);
    }

    @Test
    void holdExpiryWritesBookingsTablesOnlyThroughBookingStore() {
        noClasses().that().resideInAPackage(ROOT + ".expiry..")
                .should().accessClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .as("cleanup's expiry runs no SQL of its own: booking-store's HoldExpiry and ExpiredHolds do")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnAnotherService() {
        ServiceArchitecture.noDependencyOnOtherServices(ROOT).check(CLASSES);
    }
}
