package io.surge.ticketing.cleanup;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.architecture.ServiceArchitectureTests;

/**
 * cleanup-worker's package rules (architecture-rules' {@link ServiceArchitectureTests}), on its main classes: no Spring,
 * nothing running. It has no controllers (actuator only); its internal rule is that booking's tables are written
 * through booking-store alone.
 */
class CleanupArchitectureUnitTests extends ServiceArchitectureTests {

    CleanupArchitectureUnitTests() {
        super(CleanupWorkerApplication.class);
    }

    @Test
    void holdExpiryWritesBookingsTablesOnlyThroughBookingStore() {
        noClasses().that().resideInAPackage(root() + ".expiry..")
                .should().accessClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..")
                .as("cleanup's expiry runs no SQL of its own: booking-store's HoldExpiry and ExpiredHolds do")
                .check(classes());
    }
}
