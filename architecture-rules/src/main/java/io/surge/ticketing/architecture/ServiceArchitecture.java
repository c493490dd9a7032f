package io.surge.ticketing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The package rules every service keeps, written once: each service's {@code *ArchitectureUnitTests} imports its
 * main classes ({@link #mainClassesOf}) and checks them. A service's features are the packages directly under its
 * root ({@code io.surge.ticketing.booking.reserve}, {@code .decide}, ...); classes in the root itself (the
 * application, its configuration and properties) wire the features together and are no feature.
 */
public final class ServiceArchitecture {

    /** The root package of every deployable service; a service depends on none of the others. */
    public static final List<String> SERVICE_PACKAGES = List.of(
            "io.surge.ticketing.gateway",
            "io.surge.ticketing.waitingroom",
            "io.surge.ticketing.catalog",
            "io.surge.ticketing.search",
            "io.surge.ticketing.cdc",
            "io.surge.ticketing.booking",
            "io.surge.ticketing.payment",
            "io.surge.ticketing.cleanup");

    private static final List<String> CONTROLLERS = List.of(
            "org.springframework.web.bind.annotation.RestController",
            "org.springframework.stereotype.Controller");

    private static final List<String> JDBC = List.of(
            "org.springframework.jdbc..", "java.sql..", "javax.sql..");

    private ServiceArchitecture() {
    }

    /** The service's main classes (its tests left out), for the rules below. */
    public static JavaClasses mainClassesOf(String rootPackage) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(rootPackage);
    }

    /** (a) No two feature packages depend on each other, however indirectly. */
    public static ArchRule featurePackagesAreFreeOfCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").namingSlices("feature '$1'")
                .should().beFreeOfCycles()
                .as("the feature packages of " + rootPackage + " are free of cycles");
    }

    /**
     * (b) A controller is an entry point: it maps HTTP to a use case of its own feature, and no class of another
     * package calls it (use cases are shared, controllers are not).
     */
    public static ArchRule controllersAreEntryPointsOnly(String rootPackage) {
        return classes().that().resideInAPackage(rootPackage + "..").and(areControllers())
                .should(notBeUsedOutsideTheirPackage())
                .allowEmptyShould(true)
                .as("controllers of " + rootPackage + " are used by no other package");
    }

    /** (b) Controllers never talk SQL: JDBC stays in the repositories and stores of their feature. */
    public static ArchRule controllersDoNotTouchJdbc(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..").and(areControllers())
                .should().dependOnClassesThat().resideInAnyPackage(JDBC.toArray(String[]::new))
                .allowEmptyShould(true)
                .as("controllers of " + rootPackage + " do not use JDBC");
    }

    /** (c) A service speaks to another through contracts (HTTP, Kafka, shared records), never its classes. */
    public static ArchRule noDependencyOnOtherServices(String rootPackage) {
        return noDependencyOnOtherServices(rootPackage, SERVICE_PACKAGES);
    }

    static ArchRule noDependencyOnOtherServices(String rootPackage, List<String> services) {
        String[] others = services.stream().filter(p -> !p.equals(rootPackage)).map(p -> p + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(rootPackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .as(rootPackage + " depends on no other service's packages");
    }

    private static DescribedPredicate<JavaClass> areControllers() {
        return DescribedPredicate.describe("are controllers",
                type -> CONTROLLERS.stream().anyMatch(type::isAnnotatedWith));
    }

    private static ArchCondition<JavaClass> notBeUsedOutsideTheirPackage() {
        return new ArchCondition<>("be used by no class of another package") {
            @Override
            public void check(JavaClass controller, ConditionEvents events) {
                for (Dependency dependency : controller.getDirectDependenciesToSelf()) {
                    JavaClass origin = dependency.getOriginClass();
                    if (!origin.getPackageName().equals(controller.getPackageName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
