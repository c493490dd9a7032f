package io.surge.ticketing.testsupport.containers;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;

import io.surge.ticketing.testsupport.Redis;
import io.surge.ticketing.testsupport.TestInfrastructure;

/** The Redis container: no user, where the launcher's Redis has the services' ACL user. */
final class ContainerRedisConnectionDetails implements DataRedisConnectionDetails {

    static void register(BeanDefinitionRegistry registry) {
        ContainerConnectionDetailsCustomizer.registerBean(registry, "ticketingContainerRedisConnectionDetails",
                new RootBeanDefinition(DataRedisConnectionDetails.class, ContainerRedisConnectionDetails::new));
    }

    @Override
    public Standalone getStandalone() {
        Redis redis = TestInfrastructure.redis();
        return Standalone.of(redis.host(), redis.port());
    }
}
