package io.surge.ticketing.payment.idempotency;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Client idempotency keys, scoped to the user and the {@link Operation} (one user's key never collides with
 * another's). A key is claimed for one request id (a payment attempt, a refund request), IN_PROGRESS until the
 * outcome is final, then COMPLETED with the exact response; 5xx outcomes are never stored (the row is deleted so a
 * retry with the same key may succeed).
 */
@Repository
public class IdempotencyKeys {

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<IdempotencyKey> find(Operation operation, String userId, String key) {
        return jdbc.sql("""
                SELECT request_hash, attempt_id, status, response_status, response_content_type, response_body
                FROM idempotency_keys WHERE user_id = :user AND operation = :operation AND idempotency_key = :key
                """)
                .param("user", userId)
                .param("operation", operation.name())
                .param("key", key)
                .query((rs, n) -> new IdempotencyKey(rs.getString("request_hash"), rs.getObject("attempt_id", UUID.class),
                        "COMPLETED".equals(rs.getString("status"))
                                ? new StoredResponse(rs.getInt("response_status"), rs.getString("response_content_type"),
                                        rs.getString("response_body"))
                                : null))
                .optional();
    }

    /** Claims the key for a new request; false when someone (a concurrent duplicate) holds it already. */
    public boolean claim(Operation operation, String userId, String key, String requestHash, UUID requestId) {
        return jdbc.sql("""
                INSERT INTO idempotency_keys (user_id, operation, idempotency_key, request_hash, attempt_id, status)
                VALUES (:user, :operation, :key, :hash, :request, 'IN_PROGRESS')
                ON CONFLICT (user_id, operation, idempotency_key) DO NOTHING
                """)
                .param("user", userId)
                .param("operation", operation.name())
                .param("key", key)
                .param("hash", requestHash)
                .param("request", requestId)
                .update() == 1;
    }

    public void complete(UUID requestId, StoredResponse response) {
        jdbc.sql("""
                UPDATE idempotency_keys SET status = 'COMPLETED', response_status = :status,
                       response_content_type = :type, response_body = :body, completed_at = now()
                WHERE attempt_id = :request AND status = 'IN_PROGRESS'
                """)
                .param("request", requestId)
                .param("status", response.status())
                .param("type", response.contentType())
                .param("body", response.body())
                .update();
    }

    /** Completes every key still in progress among {@code requestIds} with the same response. */
    public int completeAll(Collection<UUID> requestIds, StoredResponse response) {
        if (requestIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                UPDATE idempotency_keys SET status = 'COMPLETED', response_status = :status,
                       response_content_type = :type, response_body = :body, completed_at = now()
                WHERE attempt_id = ANY (CAST(:requests AS uuid[])) AND status = 'IN_PROGRESS'
                """)
                .param("requests", ids(requestIds))
                .param("status", response.status())
                .param("type", response.contentType())
                .param("body", response.body())
                .update();
    }

    /** Frees the key of a request whose outcome is not stored (5xx), so a retry with it starts afresh. */
    public void release(UUID requestId) {
        jdbc.sql("DELETE FROM idempotency_keys WHERE attempt_id = :request AND status = 'IN_PROGRESS'")
                .param("request", requestId)
                .update();
    }

    /** Frees every key still in progress among {@code requestIds}. */
    public int releaseAll(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM idempotency_keys WHERE attempt_id = ANY (CAST(:requests AS uuid[])) "
                        + "AND status = 'IN_PROGRESS'")
                .param("requests", ids(requestIds))
                .update();
    }

    /**
     * Where the given requests stand: a completed key maps to its stored response, a released (deleted) key to
     * {@code null}; keys still in progress are absent from the answer.
     */
    public Map<UUID, StoredResponse> settledAmong(Collection<UUID> requestIds) {
        Map<UUID, StoredResponse> settled = new HashMap<>();
        requestIds.forEach(id -> settled.put(id, null));
        jdbc.sql("""
                SELECT attempt_id, status, response_status, response_content_type, response_body
                FROM idempotency_keys WHERE attempt_id = ANY (CAST(:requests AS uuid[]))
                """)
                .param("requests", ids(requestIds))
                .query(rs -> {
                    UUID id = rs.getObject("attempt_id", UUID.class);
                    if ("COMPLETED".equals(rs.getString("status"))) {
                        settled.put(id, new StoredResponse(rs.getInt("response_status"),
                                rs.getString("response_content_type"), rs.getString("response_body")));
                    } else {
                        settled.remove(id);
                    }
                });
        return settled;
    }

    /** Deletes completed keys older than the retention, a bounded batch at a time. */
    public int deleteCompletedOlderThan(Duration retention, int limit) {
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

    private static String[] ids(Collection<UUID> requestIds) {
        return requestIds.stream().map(UUID::toString).toArray(String[]::new);
    }

    /** A claimed key: the fingerprint of the request it was claimed for, and its stored answer once completed. */
    public record IdempotencyKey(String requestHash, UUID requestId, StoredResponse response) {

        public boolean completed() {
            return response != null;
        }
    }
}
