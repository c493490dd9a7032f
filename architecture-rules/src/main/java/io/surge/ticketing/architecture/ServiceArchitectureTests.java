package io.surge.ticketing.architecture;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;

/**
 * The rules every service keeps ({@link ServiceArchitecture}), as tests a service's own {@code *ArchitectureUnitTests}
 * inherits by naming its application class: its feature packages are free of cycles and it depends on no other
 * service. Plain JUnit on the service's main classes: no Spring, nothing running. A service adds its own rules as
 * further test methods, on {@link #classes()} under {@link #root()}.
 */
public abstract class ServiceArchitectureTests {

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private final String root;

    protected ServiceArchitectureTests(Class<?> application) {
        this.root = application.getPackageName();
    }

    /** The service's root package (its application class's). */
    protected final String root() {
        return root;
    }

    /** The service's main classes, imported once per test run. */
    protected final JavaClasses classes() {
        return IMPORTED.computeIfAbsent(root, ServiceArchitecture::mainClassesOf);
    }

    @Test
    void theFeaturePackagesAreFreeOfCycles() {
        ServiceArchitecture.featurePackagesAreFreeOfCycles(root).check(classes());
    }

    @Test
    void nothingDependsOnAnotherService() {
        ServiceArchitecture.noDependencyOnOtherServices(root).check(classes());
    }
}
