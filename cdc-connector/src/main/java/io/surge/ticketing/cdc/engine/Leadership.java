package io.surge.ticketing.cdc.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connector streams a replication slot at a time; the others stand by. The active one holds a PostgreSQL
 * session-level advisory lock named after its slot on a connection of its own, for as long as it lives: a connector
 * that stops, crashes or is killed loses its session and with it the lock, and a standby takes over within a second
 * or two, resuming from the shared offsets (a replay, which the index absorbs: writes are idempotent). The slot
 * itself admits one reader anyway; the lock turns "a second engine failing and backing off" into a quiet standby.
 */
final class Leadership implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Leadership.class);

    private final String url;
    private final Properties credentials = new Properties();
    private final long key;
    private final String slot;
    private final long retryMillis;
    private Connection held;

    Leadership(CdcEngine.Database database, String slot, long retryMillis) {
        this.url = "jdbc:postgresql://" + database.host() + ":" + database.port() + "/" + database.name();
        this.credentials.setProperty("user", database.user());
        this.credentials.setProperty("password", database.password());
        this.credentials.setProperty("ApplicationName", "cdc-leadership");
        this.credentials.setProperty("tcpKeepAlive", "true");
        this.credentials.setProperty("connectTimeout", "3");
        this.slot = slot;
        // String.hashCode is specified, so every connector of this slot names the same lock
        this.key = ("ticketing-cdc:" + slot).hashCode();
        this.retryMillis = retryMillis;
    }

    /** Whether this connector holds the slot's lock on a live session. */
    synchronized boolean held() {
        try {
            return held != null && held.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Returns once this connector holds the lock (at once if it still does), or when {@code stopping} says so.
     * {@code standby} learns whether another connector holds it meanwhile.
     */
    void await(BooleanSupplier stopping, StandbyListener standby) throws InterruptedException {
        boolean announced = false;
        while (!stopping.getAsBoolean()) {
            if (held()) {
                standby.standby(false);
                return;
            }
            release();
            try {
                if (tryAcquire()) {
                    log.info("this connector streams slot {} (it holds the slot's lock)", slot);
                    standby.standby(false);
                    return;
                }
                if (!announced) {
                    log.info("standing by: another connector streams slot {}", slot);
                    announced = true;
                }
                standby.standby(true);
            } catch (SQLException e) {
                // the database is unreachable: neither streaming nor a healthy standby
                standby.standby(false);
                log.warn("cannot reach PostgreSQL to take the lock of slot {}: {}", slot, e.toString());
            }
            Thread.sleep(retryMillis);
        }
    }

    private synchronized boolean tryAcquire() throws SQLException {
        Connection connection = DriverManager.getConnection(url, credentials);
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, key);
            try (ResultSet result = lock.executeQuery()) {
                if (result.next() && result.getBoolean(1)) {
                    held = connection;
                    return true;
                }
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return false;
    }

    /** Gives the lock up (closing its session); a standby takes over. */
    synchronized void release() {
        if (held != null) {
            try {
                held.close();
            } catch (SQLException e) {
                log.debug("closing the lock's session: {}", e.toString());
            }
            held = null;
        }
    }

    @Override
    public void close() {
        release();
    }

    @FunctionalInterface
    interface StandbyListener {
        void standby(boolean standby);
    }
}
