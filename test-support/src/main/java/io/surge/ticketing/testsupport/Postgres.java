package io.surge.ticketing.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A PostgreSQL server and the login the services use on it. Each service has a database of its own on it, and an
 * integration test works in a throw-away schema of that database ({@link #jdbcUrl(String, String)}).
 *
 * @param password {@code null} where the environment has none
 */
public record Postgres(String host, int port, String username, String password) {

    /** {@code jdbc:postgresql://host:port/database}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The database with {@code schema} as the connections' search path (where Flyway migrates and SQL looks). */
    public String jdbcUrl(String database, String schema) {
        return jdbcUrl(database) + "?currentSchema=" + schema;
    }

    /** A plain JDBC connection to {@code database}, for fixtures that write beside the application under test. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username, password);
    }

    @Override
    public String toString() {
        return "Postgres[" + username + "@" + host + ":" + port + "]";
    }
}
