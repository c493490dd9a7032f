package io.surge.ticketing.booking.reserve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import io.surge.ticketing.booking.bookings.BookingStatus;
import io.surge.ticketing.booking.decide.Decision;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.platform.web.DomainException;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validation;

/**
 * The reserve endpoint at the servlet level answers what {@link ReserveController} documents, once, and leaves to
 * Spring MVC every request it does not take itself, body intact.
 */
class ReserveFastPathUnitTests {

    private static final UUID BOOKING = UUID.fromString("6ee04415-f5db-4452-b5ba-ade9f0322504");
    private static final String VALID = "{\"event_id\":5,\"section_id\":3,\"quantity\":2}";

    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();
    private final ReserveUseCase buffer = mock(ReserveUseCase.class);
    private final ReserveFastPath fastPath = new ReserveFastPath(buffer, json,
            Validation.buildDefaultValidatorFactory().getValidator());
    private final AtomicReference<ReservationReply> reply = new AtomicReference<>();

    @Test
    void aValidRequestIsSubmittedAndAnsweredFromItsDecisionWithoutSpringMvc() throws Exception {
        MockHttpServletRequest request = reserve(VALID);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        submitted();

        fastPath.doFilter(request, response, chain);
        assertThat(request.isAsyncStarted()).isTrue();
        assertThat(response.getContentLength()).isZero(); // nothing written before the decision
        reply.get().decided(decision(BookingStatus.RESERVED, null));

        assertThat(chain.getRequest()).as("Spring MVC was not asked").isNull();
        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getHeader("Location")).isEqualTo("/api/v1/bookings/" + BOOKING);
        assertThat(response.getContentType()).isEqualTo("application/json");
        JsonNode body = json.readTree(response.getContentAsString());
        assertThat(body.get("booking_id").asString()).isEqualTo(BOOKING.toString());
        assertThat(body.get("status").asString()).isEqualTo("RESERVED");
        assertThat(body.get("ticket_ids").get(0).asLong()).isEqualTo(5_000_017L);
        assertThat(body.get("expires_at").asString()).isEqualTo("2026-12-01T15:00:00Z");
        assertThat(body.has("payment_id")).as("nulls left out, as Spring MVC writes it").isFalse();
        assertThat(completed(request)).isTrue();
        verify(buffer).submit(eq("u-1"), eq("admission-token"), isNull(), eq(new ReserveRequest(5L, null, 3L, 2)), any());
    }

    @Test
    void aRejectionIsTheProblemTheControllerWouldAnswer() throws Exception {
        MockHttpServletRequest request = reserve(VALID);
        MockHttpServletResponse response = new MockHttpServletResponse();
        submitted();

        fastPath.doFilter(request, response, new MockFilterChain());
        reply.get().decided(decision(BookingStatus.REJECTED, ErrorCode.SEATS_UNAVAILABLE.name()));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("code").asString()).isEqualTo("SEATS_UNAVAILABLE");
        assertThat(problem.get("status").asInt()).isEqualTo(409);
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/bookings/reserve");
        assertThat(problem.get("booking_id").asString()).isEqualTo(BOOKING.toString());
        assertThat(problem.get("unavailable_ticket_ids").get(0).asLong()).isEqualTo(5_000_017L);
        assertThat(problem.has("properties")).as("members flattened into the problem").isFalse();
    }

    @Test
    void aRefusalBeforeAnythingIsBufferedIsWrittenAtOnceWithItsRetryAfter() throws Exception {
        MockHttpServletRequest request = reserve(VALID);
        MockHttpServletResponse response = new MockHttpServletResponse();
        when(buffer.submit(any(), any(), any(), any(), any())).thenThrow(new DomainException(
                HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.OVERLOADED, "too many reservations are waiting; retry shortly",
                java.util.Map.of("retry_after_seconds", 5)));

        fastPath.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(json.readTree(response.getContentAsString()).get("code").asString()).isEqualTo("OVERLOADED");
        assertThat(completed(request)).isTrue();
    }

    @Test
    void aRequestWithoutTheGatewaysUserIsRefused401AndNotSubmitted() throws Exception {
        MockHttpServletRequest request = reserve(VALID);
        request.removeHeader(Headers.USER_ID);
        MockHttpServletResponse response = new MockHttpServletResponse();

        fastPath.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(401);
        verifyNoInteractions(buffer);
    }

    @Test
    void theFirstAnswerWinsAndALateDecisionChangesNothing() throws Exception {
        MockHttpServletRequest request = reserve(VALID);
        MockHttpServletResponse response = new MockHttpServletResponse();
        submitted();

        fastPath.doFilter(request, response, new MockFilterChain());
        reply.get().pending(BOOKING, 5);
        reply.get().decided(decision(BookingStatus.RESERVED, null));

        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(json.readTree(response.getContentAsString()).get("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void whenTheServletTimeoutComesFirstTheFanGets202AndTheBufferStopsWaiting() throws Exception {
        MockHttpServletRequest request = reserve(VALID);
        MockHttpServletResponse response = new MockHttpServletResponse();
        submitted();

        fastPath.doFilter(request, response, new MockFilterChain());
        MockAsyncContext async = (MockAsyncContext) request.getAsyncContext();
        for (AsyncListener listener : async.getListeners()) {
            listener.onTimeout(new AsyncEvent(async));
        }

        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getHeader("Location")).isEqualTo("/api/v1/bookings/" + BOOKING);
        verify(buffer).abandon(BOOKING);
    }

    @Test
    void aBodyThatBreaksTheConstraintsGoesOnToSpringMvcWithEveryByte() throws Exception {
        String invalid = "{\"event_id\":5,\"section_id\":3,\"quantity\":0}";
        MockHttpServletRequest request = reserve(invalid);
        MockFilterChain chain = new MockFilterChain();

        fastPath.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isNotNull();
        byte[] seen = ((HttpServletRequest) chain.getRequest()).getInputStream().readAllBytes();
        assertThat(new String(seen, StandardCharsets.UTF_8)).isEqualTo(invalid);
        assertThat(request.isAsyncStarted()).isFalse();
        verifyNoInteractions(buffer);
    }

    @Test
    void malformedJsonAnotherContentTypeOrAnotherPathAreSpringMvcsToAnswer() throws Exception {
        MockFilterChain malformed = new MockFilterChain();
        fastPath.doFilter(reserve("{\"event_id\":5,"), new MockHttpServletResponse(), malformed);
        MockHttpServletRequest text = reserve(VALID);
        text.setContentType("text/plain");
        MockFilterChain plain = new MockFilterChain();
        fastPath.doFilter(text, new MockHttpServletResponse(), plain);
        MockHttpServletRequest other = reserve(VALID);
        other.setRequestURI("/api/v1/bookings/reserve/extra");
        MockFilterChain elsewhere = new MockFilterChain();
        fastPath.doFilter(other, new MockHttpServletResponse(), elsewhere);

        assertThat(malformed.getRequest()).isNotNull();
        assertThat(plain.getRequest()).isSameAs(text);
        assertThat(elsewhere.getRequest()).isSameAs(other);
        verifyNoInteractions(buffer);
    }

    private void submitted() {
        when(buffer.submit(any(), any(), any(), any(), any())).thenAnswer(call -> {
            reply.set(call.getArgument(4));
            return BOOKING;
        });
    }

    private static MockHttpServletRequest reserve(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", ReserveFastPath.PATH);
        request.setAsyncSupported(true);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        request.addHeader(Headers.USER_ID, "u-1");
        request.addHeader(Headers.ADMISSION_TOKEN, "admission-token");
        return request;
    }

    private static Decision decision(BookingStatus status, String reason) {
        boolean held = status == BookingStatus.RESERVED;
        return new Decision(BOOKING, 5, "u-1", status, held ? List.of(5_000_017L) : List.of(), held ? List.of(17) : List.of(),
                held ? List.of() : List.of(5_000_017L), held ? 9_900 : 0, held ? Instant.parse("2026-12-01T15:00:00Z") : null,
                reason, 3L, held ? List.of(9_900L) : List.of());
    }

    /** MockAsyncContext marks completion by ending the async state. */
    private static boolean completed(MockHttpServletRequest request) {
        return !request.isAsyncStarted();
    }
}
