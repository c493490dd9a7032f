package io.surge.ticketing.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import io.surge.ticketing.contracts.ErrorCode;

class PlatformProblemHandlerUnitTests {

    @Test
    void reportsFieldsInTheSnakeCaseClientsWrite() {
        assertThat(PlatformProblemHandler.jsonName("admissionRatePerMinute")).isEqualTo("admission_rate_per_minute");
        assertThat(PlatformProblemHandler.jsonName("sections[0].seatsPerRow")).isEqualTo("sections[0].seats_per_row");
        assertThat(PlatformProblemHandler.jsonName("name")).isEqualTo("name");
    }

    @Test
    void mapsFrameworkStatusesToStableCodes() {
        assertThat(PlatformProblemHandler.codeFor(HttpStatus.NOT_FOUND)).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(PlatformProblemHandler.codeFor(HttpStatus.METHOD_NOT_ALLOWED)).isEqualTo(ErrorCode.METHOD_NOT_ALLOWED);
        assertThat(PlatformProblemHandler.codeFor(HttpStatus.UNSUPPORTED_MEDIA_TYPE)).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(PlatformProblemHandler.codeFor(HttpStatus.INTERNAL_SERVER_ERROR)).isEqualTo(ErrorCode.INTERNAL_ERROR);
    }

    @Test
    void aDomainRefusalKeepsItsStatusCodeAndRetryAfter() {
        var response = new PlatformProblemHandler().domain(new DomainException(HttpStatus.SERVICE_UNAVAILABLE,
                ErrorCode.OVERLOADED, "busy", java.util.Map.of(PlatformProblemHandler.RETRY_AFTER_PROPERTY, 5)));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst("Retry-After")).isEqualTo("5");
        assertThat(response.getBody().getProperties()).containsEntry("code", "OVERLOADED");
    }
}
