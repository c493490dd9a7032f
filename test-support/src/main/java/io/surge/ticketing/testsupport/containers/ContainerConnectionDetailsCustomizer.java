package io.surge.ticketing.testsupport.containers;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Container mode for a Spring test context: the containers reach the application through Boot's
 * {@code ConnectionDetails} seam, as beans that Boot's auto-configuration prefers to its property-based details. Only
 * the kinds the module has a client for are added, and each container starts when its details are first read.
 * <p>
 * Why not {@code @ServiceConnection} container beans: Boot closes a container bean with its application context,
 * and contexts are closed while the JVM goes on (the context cache evicts, {@code @DirtiesContext}), which would stop
 * a container other contexts still use; and its JDBC details name the container's one database and drop the URL's
 * parameters, where each service has a database of its own and each test a {@code currentSchema} of its own.
 * <p>
 * Elasticsearch: Boot 4 configures only 9.x clients, so the platform binds {@code spring.elasticsearch.*} itself
 * (platform-support {@code ElasticsearchSettings}); those keys are answered from the container instead.
 */
final class ContainerConnectionDetailsCustomizer implements ContextCustomizer {

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
        BeanDefinitionRegistry registry = (context instanceof BeanDefinitionRegistry r) ? r
                : (BeanDefinitionRegistry) context.getBeanFactory();
        ConfigurableEnvironment environment = context.getEnvironment();
        ClassLoader classLoader = context.getClassLoader();
        if (ClassUtils.isPresent("org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails", classLoader)) {
            ContainerJdbcConnectionDetails.register(registry, environment);
        }
        if (ClassUtils.isPresent("org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails",
                classLoader)) {
            ContainerRedisConnectionDetails.register(registry);
        }
        if (ClassUtils.isPresent("org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails", classLoader)) {
            ContainerKafkaConnectionDetails.register(registry);
        }
        environment.getPropertySources().addFirst(new ContainerElasticsearchPropertySource());
    }

    // one customizer for every context: it does not split Spring's context cache
    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }

    static void registerBean(BeanDefinitionRegistry registry, String name, RootBeanDefinition definition) {
        if (!registry.containsBeanDefinition(name)) {
            registry.registerBeanDefinition(name, definition);
        }
    }
}
