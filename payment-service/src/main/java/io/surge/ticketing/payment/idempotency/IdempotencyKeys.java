package io.surge.ticketing.payment.checkout;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Client idempotency keys, scoped to the user (one user's key never collides with another's). */
@Repository
class IdempotencyKeys {

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IdempotencyKey> find(String userId, String key) {
        return jdbc.sql("""
                SELECT request_hash, attempt_id, status, response_status, response_content_type, response_body
                FROM idempotency_keys WHERE user_id = :user AND idempotency_key = :key
                """)
                .param("user", userId)
                .param("key", key)
                .query((rs, n) -> new IdempotencyKey(rs.getString("request_hash"), rs.getObject("attempt_id", UUID.class),
                        "COMPLETED".equals(rs.getString("status"))
                                ? new StoredResponse(rs.getInt("response_status"), rs.getString("response_content_type"),
                                        rs.getString("response_body"))
                                : null))
                .optional();
    }

    /** Claims the key for a new attempt; false when someone (a concurrent duplicate) holds it already. */
    boolean claim(String userId, String key, String requestHash, UUID attemptId) {
        return jdbc.sql("""
                INSERT INTO idempotency_keys (user_id, idempotency_key, request_hash, attempt_id, status)
                VALUES (:user, :key, :hash, :attempt, 'IN_PROGRESS')
                ON CONFLICT (user_id, idempotency_key) DO NOTHING
                """)
                .param("user", userId)
                .param("key", key)
                .param("hash", requestHash)
                .param("attempt", attemptId)
                .update() == 1;
    }

    void complete(UUID attemptId, StoredResponse response) {
        jdbc.sql("""
                UPDATE idempotency_keys SET status = 'COMPLETED', response_status = :status,
                       response_content_type = :type, response_body = :body, completed_at = now()
                WHERE attempt_id = :attempt AND status = 'IN_PROGRESS'
                """)
                .param("attempt", attemptId)
                .param("status", response.status())
                .param("type", response.contentType())
                .param("body", response.body())
                .update();
    }

    /** Frees the key of an attempt whose outcome is not stored (5xx), so a retry with it starts afresh. */
    void release(UUID attemptId) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE attempt_id = :attempt AND status = 'IN_PROGRESS'")
                .param("attempt", attemptId)
                .update();
    }

    /** Deletes completed keys older than the retention, a bounded batch at a time. */
    int deleteCompletedOlderThan(Duration retention, int limit) {
        return jdbc.sql("""
                DELETE FROM idempotency_keys WHERE ctid IN (
                    SELECT ctid FROM idempotency_keys
                    WHERE status = 'COMPLETED' AND completed_at < now() - make_interval(secs => :secs)
                    LIMIT :limit)
                """)
                .param("secs", retention.toSeconds())
                .param("limit", limit)
                .update();
    }

    record IdempotencyKey(String requestHash, UUID attemptId, StoredResponse response) {

        boolean completed() {
            return response != null;
        }
    }
}
