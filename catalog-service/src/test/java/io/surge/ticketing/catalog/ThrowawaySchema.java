package io.surge.ticketing.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.surge.ticketing.testsupport.TestInfrastructure;

/**
 * A catalog schema of one integration test class's own, in the launcher's (or the container's) PostgreSQL: the
 * test's context points its datasource and Flyway at it ({@link #register}), Flyway migrates it at start-up, and
 * the class drops it when it is done ({@link #drop}). Test classes never see each other's rows.
 */
public final class ThrowawaySchema {

    private final String name = "catalog_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    public String name() {
        return name;
    }

    /** From a {@code @DynamicPropertySource} method. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestInfrastructure.postgres().jdbcUrl("catalog", name));
        registry.add("spring.flyway.schemas", () -> name);
    }

    /** From an {@code @AfterAll} method. */
    public void drop() throws SQLException {
        try (Connection connection = TestInfrastructure.postgres().connect("catalog");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
