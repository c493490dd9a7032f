package io.surge.ticketing.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A dependency that is down is a 503 to retry, never a 500; a bug stays a 500. */
class DependencyFailuresUnitTests {

    private final PlatformProblemHandler handler = new PlatformProblemHandler();

    @Test
    void aDatabaseOrBrokerThatIsDownIsA503WithRetryAfter() {
        ResponseEntity<ProblemDetail> answer = handler.unexpected(
                new IllegalStateException("while reserving", new ConnectException("Connection refused")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "SERVICE_UNAVAILABLE");
    }

    @Test
    void connectionStatesOfTheDatabaseCountAsUnavailable() {
        assertThat(DependencyFailures.isDependencyDown(new RuntimeException(new SQLException("gone", "08006")))).isTrue();
        assertThat(DependencyFailures.isDependencyDown(new SQLException("shutting down", "57P01"))).isTrue();
        assertThat(DependencyFailures.isDependencyDown(new SQLException("syntax", "42601"))).isFalse();
    }

    @Test
    void aBugIsStillA500() {
        assertThat(handler.unexpected(new NullPointerException("bug")).getStatusCode().value()).isEqualTo(500);
        assertThat(DependencyFailures.isDependencyDown(new IllegalArgumentException("x"))).isFalse();
    }
}
