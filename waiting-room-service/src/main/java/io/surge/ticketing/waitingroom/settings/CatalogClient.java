package io.surge.ticketing.waitingroom.settings;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import io.surge.ticketing.contracts.web.ServiceCredential;

/**
 * catalog-service's internal API ({@code GET /internal/events/{id}}, never routed by the gateway, answered only with
 * our service credential): what the catalog knows about an event, asked when an admin or a fan names an event the
 * waiting room has not heard of through Kafka yet. Short timeouts: the caller answers 503 rather than wait.
 */
@Component
class CatalogClient {

    static final String CALLER = "waiting-room-service";

    private final RestClient http;

    CatalogClient(RestClient.Builder builder, Properties properties, ServiceCredential credentials) {
        // HTTP/1.1: the JDK client's h2c upgrade attempts buy nothing on a local hop
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.readTimeout());
        this.http = builder.clone().baseUrl(properties.baseUrl()).requestFactory(factory)
                // catalog answers only the platform's own callers: each call carries a fresh credential of ours
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(ServiceCredential.HEADER, credentials.issue(CALLER, null, null));
                    return execution.execute(request, body);
                })
                .build();
    }

    /**
     * The event as the catalog defines it, or empty when the catalog answers 404.
     *
     * @throws CatalogUnavailableException when the catalog cannot be asked now (down, slow, or an answer that is
     *                                     neither the event nor a 404)
     */
    Optional<CatalogEvent> find(long eventId) {
        try {
            return Optional.ofNullable(http.get().uri("/internal/events/{id}", eventId).retrieve().body(CatalogEvent.class))
                    .filter(event -> event.onSaleAt() != null);
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        } catch (RestClientException e) {
            throw new CatalogUnavailableException("catalog-service could not be asked about event " + eventId + ": " + e, e);
        }
    }

    /**
     * {@code GET /internal/events/{id}}. Lenient (boxed, so a missing field is null, never a parse failure): no
     * {@code published} counts as published, no {@code cancelled} as not cancelled.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CatalogEvent(Long eventId, Instant onSaleAt, Instant startsAt, Instant refundDeadline, Boolean published,
            Boolean cancelled) {

        EventLifecycle lifecycle() {
            return new EventLifecycle(onSaleAt, startsAt, published == null || published, Boolean.TRUE.equals(cancelled));
        }
    }

    static class CatalogUnavailableException extends RuntimeException {

        CatalogUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Where catalog-service's internal API is and how long to wait for it. */
    @ConfigurationProperties("ticketing.waiting-room.catalog")
    record Properties(
            @DefaultValue("http://127.0.0.1:8082") String baseUrl,
            @DefaultValue("500ms") Duration connectTimeout,
            @DefaultValue("2s") Duration readTimeout) {
    }
}
