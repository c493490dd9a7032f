package io.surge.ticketing.testsupport.containers;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

import io.surge.ticketing.testsupport.TestInfrastructure;

/**
 * Registered in {@code META-INF/spring.factories}, so every Spring test context of a module that has test-support
 * on its test classpath passes here. In the default mode it adds nothing: Boot's property-based
 * {@code ConnectionDetails} read the launcher's settings from {@code application.yml}. In container mode it adds
 * {@link ContainerConnectionDetailsCustomizer}; a context that then needs a container and cannot have one (no
 * Testcontainers on the classpath, no Docker engine) fails on its first bean that connects, saying why.
 */
class ContainersContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        if (!TestInfrastructure.usesContainers()) {
            return null;
        }
        return new ContainerConnectionDetailsCustomizer();
    }
}
