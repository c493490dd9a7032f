package io.surge.ticketing.testsupport;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Spring Data Redis connections to {@link TestInfrastructure#redis()}, for tests that drive a store or a script
 * without an application context. Needs Spring Data Redis and Lettuce on the test classpath (the service's own).
 */
public final class RedisConnections {

    private RedisConnections() {
    }

    /** Where {@link TestInfrastructure#redis()} is, logged in as its user (if it has one). */
    public static RedisStandaloneConfiguration configuration() {
        Redis redis = TestInfrastructure.redis();
        RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(redis.host(), redis.port());
        configuration.setUsername(redis.username());
        configuration.setPassword(redis.password());
        return configuration;
    }

    /** A started Lettuce connection factory on {@link #configuration()}; the caller destroys it. */
    public static LettuceConnectionFactory open() {
        LettuceConnectionFactory connections = new LettuceConnectionFactory(configuration());
        connections.afterPropertiesSet();
        connections.start();
        return connections;
    }
}
