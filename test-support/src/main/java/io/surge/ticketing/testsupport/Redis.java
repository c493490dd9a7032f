package io.surge.ticketing.testsupport;

/**
 * A Redis server and the ACL user the services log in as ({@code null}s for a server without users, like the
 * container). {@link RedisConnections} opens a Spring Data Redis connection factory on it.
 */
public record Redis(String host, int port, String username, String password) {

    @Override
    public String toString() {
        return "Redis[" + (username == null ? "" : username + "@") + host + ":" + port + "]";
    }
}
