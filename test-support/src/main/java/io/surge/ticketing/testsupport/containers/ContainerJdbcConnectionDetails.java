package io.surge.ticketing.testsupport.containers;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.env.Environment;

import io.surge.ticketing.testsupport.Postgres;
import io.surge.ticketing.testsupport.TestInfrastructure;

/**
 * The service's own JDBC URL ({@code spring.datasource.url}: its database, and a test's {@code currentSchema}) on
 * the PostgreSQL container's host and port, with the container's login.
 */
final class ContainerJdbcConnectionDetails implements JdbcConnectionDetails {

    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://[^/?]*(.*)");

    private final Environment environment;

    private ContainerJdbcConnectionDetails(Environment environment) {
        this.environment = environment;
    }

    static void register(BeanDefinitionRegistry registry, Environment environment) {
        ContainerConnectionDetailsCustomizer.registerBean(registry, "ticketingContainerJdbcConnectionDetails",
                new RootBeanDefinition(JdbcConnectionDetails.class, () -> new ContainerJdbcConnectionDetails(environment)));
    }

    @Override
    public String getJdbcUrl() {
        return onServer(environment.getProperty("spring.datasource.url"), TestInfrastructure.postgres());
    }

    /** {@code configured}'s database and parameters on {@code server}; its default database if none is configured. */
    static String onServer(String configured, Postgres server) {
        Matcher url = (configured != null) ? POSTGRES_URL.matcher(configured) : null;
        String databaseAndParameters = (url != null && url.matches()) ? url.group(1)
                : "/" + LauncherContainers.DEFAULT_DATABASE;
        return "jdbc:postgresql://" + server.host() + ":" + server.port() + databaseAndParameters;
    }

    @Override
    public String getUsername() {
        return TestInfrastructure.postgres().username();
    }

    @Override
    public String getPassword() {
        return TestInfrastructure.postgres().password();
    }

    @Override
    public String getDriverClassName() {
        return "org.postgresql.Driver";
    }
}
