package io.surge.ticketing.payment.booking;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.surge.ticketing.contracts.web.ServiceCredential;

/**
 * booking-service's internal API (127.0.0.1:8084, not routed by the gateway, answered only with our service
 * credential): read a booking, confirm it with one guarded transition (RESERVED -> CONFIRMED only while the hold is
 * live, tickets HELD -> SOLD), and record its refund (CONFIRMED -> REFUNDED, the seats back on sale).
 */
@Component
public class BookingClient {

    static final String CALLER = "payment-service";
    private static final Pattern PROBLEM_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

    private final RestClient http;

    BookingClient(RestClient.Builder builder, Properties properties, ServiceCredential credentials) {
        // HTTP/1.1: the JDK client's h2c upgrade attempts buy nothing on a local hop and misbehave under bursts.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(properties.readTimeout());
        this.http = builder.baseUrl(properties.baseUrl()).requestFactory(factory)
                // booking answers only the platform's own callers: each call carries a fresh credential of ours
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(ServiceCredential.HEADER, credentials.issue(CALLER, null, null));
                    return execution.execute(request, body);
                })
                .build();
    }

    /** The booking, or empty when booking-service answers 404. */
    public Optional<BookingView> find(UUID bookingId) {
        try {
            return read(bookingId);
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        } catch (RestClientException first) {
            // A read is safe to repeat: one retry rides out a connection reset during a burst.
            try {
                return read(bookingId);
            } catch (HttpClientErrorException.NotFound e) {
                return Optional.empty();
            } catch (RestClientException e) {
                throw new BookingUnavailableException("booking-service could not read booking " + bookingId + ": " + e, e);
            }
        }
    }

    private Optional<BookingView> read(UUID bookingId) {
        return Optional.ofNullable(http.get().uri("/internal/bookings/{id}", bookingId).retrieve().body(BookingView.class));
    }

    /** Confirms the booking with our payment id; never throws for a 404 or a 409. */
    public ConfirmResult confirm(UUID bookingId, String paymentId) {
        try {
            http.post().uri("/internal/bookings/{id}/confirm", bookingId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("payment_id", paymentId))
                    .retrieve().toBodilessEntity();
            return ConfirmResult.CONFIRMED;
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode().value() == HttpStatus.CONFLICT.value()) {
                return ConfirmResult.HOLD_EXPIRED;
            }
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return ConfirmResult.NOT_FOUND;
            }
            throw new BookingUnavailableException("booking-service refused confirm of " + bookingId + ": " + e.getStatusCode(), e);
        } catch (RestClientException e) {
            throw new BookingUnavailableException("booking-service could not confirm booking " + bookingId, e);
        }
    }

    /**
     * Records our refund of the booking: one guarded transition CONFIRMED -> REFUNDED at booking-service, which
     * answers 200 again (with its stored refund) for a booking already REFUNDED. A 404 that is not booking-service's
     * BOOKING_NOT_FOUND (an older booking-service without the endpoint) and every 5xx or network failure are
     * {@link BookingUnavailableException}: the refund stays unrecorded and is retried.
     */
    public RefundRecordResult recordRefund(UUID bookingId, String refundId, long amountCents) {
        try {
            http.post().uri("/internal/bookings/{id}/refund", bookingId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("refund_id", refundId, "amount_cents", amountCents))
                    .retrieve().toBodilessEntity();
            return RefundRecordResult.RECORDED;
        } catch (HttpClientErrorException e) {
            String code = problemCode(e.getResponseBodyAsString());
            if (e.getStatusCode().value() == HttpStatus.CONFLICT.value() && "BOOKING_NOT_CONFIRMED".equals(code)) {
                return RefundRecordResult.NOT_CONFIRMED;
            }
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value() && "BOOKING_NOT_FOUND".equals(code)) {
                return RefundRecordResult.NOT_FOUND;
            }
            if (e.getStatusCode().value() == HttpStatus.BAD_REQUEST.value()
                    || e.getStatusCode().value() == HttpStatus.UNPROCESSABLE_CONTENT.value()) {
                return RefundRecordResult.REFUSED;
            }
            // 401/403 (credentials), 408, 429, a 404 of an older booking-service without the endpoint: try again later
            throw new BookingUnavailableException("booking-service refused the refund of " + bookingId + ": "
                    + e.getStatusCode() + (code == null ? "" : " " + code), e);
        } catch (RestClientException e) {
            throw new BookingUnavailableException("booking-service could not record the refund of " + bookingId, e);
        }
    }

    /** The {@code code} member of a problem+json body, or null. */
    static String problemCode(String body) {
        if (body == null) {
            return null;
        }
        Matcher matcher = PROBLEM_CODE.matcher(body);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** Where booking-service's internal API is and how long to wait for it. */
    @ConfigurationProperties("ticketing.payment.booking")
    public record Properties(
            @DefaultValue("http://127.0.0.1:8084") String baseUrl,
            @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("3s") Duration readTimeout) {
    }
}
