package io.surge.ticketing.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;

/** The shared rules catch what they are for: a rule that cannot fail would guard nothing. */
class ServiceArchitectureUnitTests {

    private static final String CYCLIC = "io.surge.ticketing.architecture.fixture.cyclic";
    private static final String ACYCLIC = "io.surge.ticketing.architecture.fixture.acyclic";

    @Test
    void theCycleRuleReportsTwoFeaturePackagesThatDependOnEachOther() {
        JavaClasses classes = new ClassFileImporter().importPackages(CYCLIC);

        EvaluationResult result = ServiceArchitecture.featurePackagesAreFreeOfCycles(CYCLIC).evaluate(classes);

        assertThat(result.hasViolation()).as("a planted orders <-> payments cycle is a violation").isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains("feature 'orders'", "feature 'payments'", "Order", "Payment");
    }

    @Test
    void theCycleRuleAcceptsTheSameFeaturesDependingOneWay() {
        JavaClasses classes = new ClassFileImporter().importPackages(ACYCLIC);

        EvaluationResult result = ServiceArchitecture.featurePackagesAreFreeOfCycles(ACYCLIC).evaluate(classes);

        assertThat(result.hasViolation()).as(() -> result.getFailureReport().toString()).isFalse();
    }

    @Test
    void theServiceRuleReportsADependencyOnAnotherServicesPackage() {
        // the fixture's features, seen as two services: orders depending on payments crosses a service boundary
        JavaClasses classes = new ClassFileImporter().importPackages(ACYCLIC);

        EvaluationResult result = ServiceArchitecture.noDependencyOnOtherServices(ACYCLIC + ".orders",
                java.util.List.of(ACYCLIC + ".orders", ACYCLIC + ".payments")).evaluate(classes);

        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains("Order", "Payment");
    }

    @Test
    void everyServiceIsKnownToTheServiceRule() {
        assertThat(ServiceArchitecture.SERVICE_PACKAGES).hasSize(8).doesNotHaveDuplicates()
                .allSatisfy(root -> assertThat(root).startsWith("io.surge.ticketing."));
    }
}
