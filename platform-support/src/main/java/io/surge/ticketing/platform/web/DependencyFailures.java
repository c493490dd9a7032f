package io.surge.ticketing.platform.web;

import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a failure means a dependency (PostgreSQL, Redis, Kafka, Elasticsearch) is down or too slow right now, as
 * opposed to a bug: a connection refused, reset or timed out, a pool that cannot hand out a connection, a database
 * restarting. Such a failure is answered {@code 503} with {@code Retry-After}, never {@code 500}: the client retries
 * once the dependency is back. Classes are matched by name along each cause's hierarchy, so that a service needs
 * none of the drivers it does not use.
 */
final class DependencyFailures {

    private static final Set<String> UNAVAILABLE = Set.of(
            "org.springframework.dao.DataAccessResourceFailureException", // no JDBC connection, Redis connection failure
            "org.springframework.dao.TransientDataAccessException",        // query timeout, lock not available now
            "org.springframework.dao.RecoverableDataAccessException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "org.springframework.transaction.TransactionSystemException",  // commit or rollback on a broken connection
            "java.sql.SQLTransientException",
            "java.sql.SQLRecoverableException",
            "java.sql.SQLNonTransientConnectionException",
            "java.net.ConnectException",
            "java.net.SocketTimeoutException",
            "java.net.SocketException",
            "java.util.concurrent.TimeoutException",
            "org.apache.kafka.common.errors.RetriableException",
            "org.apache.kafka.common.errors.TimeoutException",
            "org.springframework.kafka.KafkaException",
            "io.lettuce.core.RedisConnectionException",
            "io.lettuce.core.RedisCommandTimeoutException",
            "org.springframework.data.redis.RedisSystemException",
            "co.elastic.clients.transport.TransportException");

    private DependencyFailures() {
    }

    static boolean isDependencyDown(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
            for (Class<?> type = t.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                if (UNAVAILABLE.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception), 57P01-57P03 (shutting down, crash recovery, cannot connect now). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
    }
}
