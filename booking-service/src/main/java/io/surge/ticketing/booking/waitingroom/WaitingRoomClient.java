package io.surge.ticketing.booking.waitingroom;

import java.net.http.HttpClient;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.surge.ticketing.booking.BookingProperties;
import io.surge.ticketing.contracts.web.ServiceCredential;

/**
 * The waiting room's internal API ({@code /internal/waiting-room/**}, never routed by the gateway, answered only
 * with our service credential): how many fans of an event are queued and how many were admitted. Best effort: the
 * callers answer without the counts when the waiting room does not answer in time.
 */
@Component
public class WaitingRoomClient {

    static final String CALLER = "booking-service";
    private static final Logger log = LoggerFactory.getLogger(WaitingRoomClient.class);

    private final RestClient http;

    WaitingRoomClient(ObjectProvider<RestClient.Builder> builders, BookingProperties properties,
            ObjectProvider<ServiceCredential> credentials) {
        BookingProperties.WaitingRoom settings = properties.waitingRoom();
        // HTTP/1.1: the JDK client's h2c upgrade attempts buy nothing on a local hop
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(settings.readTimeout());
        ServiceCredential credential = credentials.getIfAvailable();
        this.http = builders.getIfAvailable(RestClient::builder).baseUrl(settings.baseUrl()).requestFactory(factory)
                .requestInterceptor((request, body, execution) -> {
                    if (credential != null) {
                        request.getHeaders().set(ServiceCredential.HEADER, credential.issue(CALLER, null, null));
                    }
                    return execution.execute(request, body);
                })
                .build();
    }

    /** Fans queued and not yet admitted, and fans admitted so far. */
    public record QueueCounts(Long waiting, Long admitted, PresaleCounts presale) {
    }

    /** The presale line's counts: fans in it not admitted yet, fans it admitted, places taken with a code. */
    public record PresaleCounts(Long waiting, Long admitted,
            @com.fasterxml.jackson.annotation.JsonProperty("codes_used") Long codesUsed) {
    }

    /** The event's queue counts; empty when the waiting room does not know the event, fails or is too slow. */
    public Optional<QueueCounts> counts(long eventId) {
        try {
            return Optional.ofNullable(http.get().uri("/internal/waiting-room/{eventId}/counts", eventId)
                    .retrieve().body(QueueCounts.class));
        } catch (RestClientException e) {
            log.debug("no queue counts of event {} from the waiting room: {}", eventId, e.toString());
            return Optional.empty();
        }
    }
}
