package io.surge.ticketing.booking.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.http.CacheControl;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AvailabilityFastPathUnitTests {

    private final AvailabilityAnswers answers = mock(AvailabilityAnswers.class);
    private final AvailabilityFastPath fastPath =
            new AvailabilityFastPath(answers, CacheControl.maxAge(Duration.ofSeconds(1)).cachePublic());
    private final AvailabilityAnswers.Answer answer = AvailabilityAnswers.Answer.of(
            new AvailabilityStore.Snapshot(42, 10, new byte[] {(byte) 0x80, 0}, 1_700_000_000_000L));

    @Test
    void anEventsAnswerIsWrittenFromItsEncodedBytes_jsonOrRaw_withItsValidators() throws Exception {
        when(answers.find(42)).thenReturn(Optional.of(answer));

        MockHttpServletResponse json = run(get("/api/v1/events/42/availability", null, null));
        MockHttpServletResponse raw = run(get("/api/v1/events/42/availability", "application/octet-stream", null));

        assertThat(json.getStatus()).isEqualTo(200);
        assertThat(json.getContentType()).isEqualTo("application/json");
        assertThat(json.getContentAsString())
                .isEqualTo("{\"event_id\":42,\"seat_count\":10,\"bitfield\":\"gAA=\",\"as_of\":\"2023-11-14T22:13:20Z\"}");
        assertThat(json.getHeader("ETag")).isEqualTo(answer.jsonEtag());
        assertThat(json.getHeader("Cache-Control")).isEqualTo("max-age=1, public");
        assertThat(raw.getContentAsByteArray()).containsExactly(0x80, 0);
        assertThat(raw.getHeader("ETag")).isEqualTo(answer.bytesEtag()).isNotEqualTo(answer.jsonEtag());
    }

    @Test
    void aClientThatHasTheVersionGets304WithoutABody() throws Exception {
        when(answers.find(42)).thenReturn(Optional.of(answer));

        MockHttpServletResponse response = run(get("/api/v1/events/42/availability", null, "\"x\", " + answer.jsonEtag()));

        assertThat(response.getStatus()).isEqualTo(304);
        assertThat(response.getContentAsByteArray()).isEmpty();
        assertThat(response.getHeader("ETag")).isEqualTo(answer.jsonEtag());
    }

    @Test
    void everythingElseGoesOnToSpringMvc() throws Exception {
        when(answers.find(7)).thenReturn(Optional.empty());
        for (MockHttpServletRequest request : new MockHttpServletRequest[] {
                get("/api/v1/events/7/availability", null, null), // unknown here: the controller answers 404
                get("/api/v1/events/42/availability", "text/html", null), // the controller answers 406
                get("/api/v1/events/42/seatmap", null, null),
                get("/api/v1/events/4x2/availability", null, null),
                new MockHttpServletRequest("HEAD", "/api/v1/events/42/availability")}) {
            MockFilterChain chain = new MockFilterChain();
            fastPath.doFilter(request, new MockHttpServletResponse(), chain);
            assertThat(chain.getRequest()).as(request.getRequestURI()).isSameAs(request);
        }
    }

    @Test
    void theEventIdIsParsedWithoutSurprises() {
        assertThat(AvailabilityFastPath.eventId("/api/v1/events/123/availability")).isEqualTo(123);
        assertThat(AvailabilityFastPath.eventId("/api/v1/events//availability")).isEqualTo(-1);
        assertThat(AvailabilityFastPath.eventId("/api/v1/events/-1/availability")).isEqualTo(-1);
        assertThat(AvailabilityFastPath.eventId("/api/v1/events/99999999999999999999/availability")).isEqualTo(-1);
        assertThat(AvailabilityFastPath.eventId("/api/v1/events/1/availability/x")).isEqualTo(-1);
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        fastPath.doFilter(request, response, chain);
        assertThat(chain.getRequest()).isNull();
        return response;
    }

    private static MockHttpServletRequest get(String uri, String accept, String ifNoneMatch) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        if (ifNoneMatch != null) {
            request.addHeader("If-None-Match", ifNoneMatch);
        }
        return request;
    }
}
