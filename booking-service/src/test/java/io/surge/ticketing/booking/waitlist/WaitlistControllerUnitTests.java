package io.surge.ticketing.booking.waitlist;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.surge.ticketing.booking.admission.AdmissionCheck;
import io.surge.ticketing.booking.inventory.EventFacts;
import io.surge.ticketing.booking.inventory.EventInventoryRepository;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.platform.web.ProblemHandlingAutoConfiguration;
import io.surge.ticketing.platform.web.StrictJsonAutoConfiguration;

/**
 * The waiting list's HTTP face as a slice ({@code @WebMvcTest}: the controller, Spring MVC, bean validation and the
 * platform's problem+json, with the repositories mocked): who may join and when, what each refusal answers, and how
 * an entry reads. The SQL and the allocator are covered by {@code WaitlistAllocatorIntegrationTests}.
 */
@WebMvcTest(WaitlistController.class)
@ImportAutoConfiguration({ProblemHandlingAutoConfiguration.class, StrictJsonAutoConfiguration.class})
class WaitlistControllerUnitTests {

    private static final Instant NOW = Instant.parse("2030-05-01T10:00:00Z");
    private static final long EVENT = 42;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    WaitlistRepository waitlist;

    @MockitoBean
    EventInventoryRepository events;

    @MockitoBean
    AdmissionCheck admission;

    @MockitoBean
    Clock clock;

    @BeforeEach
    void aSoldOutEventOnSale() {
        when(clock.instant()).thenReturn(NOW);
        when(clock.getZone()).thenReturn(ZoneOffset.UTC);
        when(events.find(EVENT)).thenReturn(Optional.of(event(false, NOW.plusSeconds(86_400))));
        when(waitlist.availableSeats(EVENT)).thenReturn(0L);
        when(waitlist.sectionExists(EVENT, 7L)).thenReturn(true);
    }

    private static EventFacts event(boolean cancelled, Instant startsAt) {
        return new EventFacts(EVENT, 500, NOW.minusSeconds(3_600), 600, 4, cancelled, Set.of(7L), startsAt, null, true);
    }

    private static WaitlistRepository.Entry waiting(long entryId) {
        return new WaitlistRepository.Entry(entryId, EVENT, "fan-1", 7L, 2, false, null, NOW.minusSeconds(60), null,
                null, null);
    }

    private ResultActions join(String body) throws Exception {
        return mvc.perform(joinRequest(body).header(Headers.USER_ID, "fan-1"));
    }

    private static MockHttpServletRequestBuilder joinRequest(String body) {
        return post("/api/v1/events/{id}/waitlist", EVENT).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static void problem(ResultActions result, int status, String code) throws Exception {
        result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code));
    }

    @Test
    void aFanJoinsASoldOutEventAndIsToldItsPlace() throws Exception {
        when(waitlist.find(EVENT, "fan-1")).thenReturn(Optional.empty(), Optional.of(waiting(11)));
        when(waitlist.insert(EVENT, "fan-1", 7L, 2)).thenReturn(Optional.of(11L));
        when(waitlist.waitingAhead(EVENT, 11)).thenReturn(2L);

        join("{\"quantity\":2,\"section_id\":7}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.status").value("WAITING"))
                .andExpect(jsonPath("$.position").value(3))
                .andExpect(jsonPath("$.event_id").value(EVENT))
                .andExpect(jsonPath("$.section_id").value(7))
                .andExpect(jsonPath("$.quantity").value(2))
                .andExpect(jsonPath("$.offer").doesNotExist());
    }

    @Test
    void joiningAgainAnswersTheSameEntryWithoutASecondOne() throws Exception {
        when(waitlist.find(EVENT, "fan-1")).thenReturn(Optional.of(waiting(11)));

        join("{\"quantity\":2}").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("WAITING"));
        verify(waitlist, never()).insert(anyLong(), anyString(), any(), anyInt());
    }

    @Test
    void anEventWithSeatsOnSaleHasNoWaitingList() throws Exception {
        when(waitlist.availableSeats(EVENT)).thenReturn(3L);

        problem(join("{\"quantity\":1}"), 409, "EVENT_NOT_SOLD_OUT");
        verify(waitlist, never()).insert(anyLong(), anyString(), any(), anyInt());
    }

    @Test
    void refusalsNameTheirReason() throws Exception {
        problem(mvc.perform(joinRequest("{\"quantity\":1}")), 401, "UNAUTHORIZED");
        problem(join("{\"quantity\":0}"), 400, "VALIDATION_FAILED");
        problem(join("{\"quantity\":1,\"section_id\":-1}"), 400, "VALIDATION_FAILED");
        problem(join("{}"), 400, "VALIDATION_FAILED");
        problem(join("{\"quantity\":5}"), 400, "VALIDATION_FAILED");
        join("{\"quantity\":5}").andExpect(jsonPath("$.errors[0].field").value("quantity"));
        problem(join("{\"quantity\":1,\"section_id\":8}"), 400, "VALIDATION_FAILED");
        join("{\"quantity\":1,\"section_id\":8}").andExpect(jsonPath("$.errors[0].field").value("section_id"));
        verify(waitlist, never()).insert(anyLong(), anyString(), any(), anyInt());
    }

    @Test
    void unknownDraftCancelledAndStartedEventsAreRefused() throws Exception {
        when(events.find(EVENT)).thenReturn(Optional.empty());
        problem(join("{\"quantity\":1}"), 404, "EVENT_NOT_FOUND");

        when(events.find(EVENT)).thenReturn(Optional.of(new EventFacts(EVENT, 500, NOW, 600, 4, false, Set.of(7L),
                null, null, false)));
        problem(join("{\"quantity\":1}"), 404, "EVENT_NOT_FOUND");

        when(events.find(EVENT)).thenReturn(Optional.of(event(true, null)));
        problem(join("{\"quantity\":1}"), 409, "EVENT_CANCELLED");

        when(events.find(EVENT)).thenReturn(Optional.of(event(false, NOW.minusSeconds(1))));
        problem(join("{\"quantity\":1}"), 409, "SALE_CLOSED");
    }

    @Test
    void anOfferCarriesItsBookingAndAnAdmissionTokenUntilItExpires() throws Exception {
        UUID booking = UUID.randomUUID();
        Instant expires = NOW.plusSeconds(300);
        when(waitlist.find(EVENT, "fan-1")).thenReturn(Optional.of(new WaitlistRepository.Entry(11, EVENT, "fan-1", 7L,
                2, true, booking, NOW.minusSeconds(600), "RESERVED", List.of(1017L, 1018L), expires)));
        when(admission.issueForOffer("fan-1", EVENT, NOW, expires, booking)).thenReturn("v2.k.token.sig");

        mvc.perform(get("/api/v1/events/{id}/waitlist/me", EVENT).header(Headers.USER_ID, "fan-1"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.status").value("OFFERED"))
                .andExpect(jsonPath("$.position").doesNotExist())
                .andExpect(jsonPath("$.offer.booking_id").value(booking.toString()))
                .andExpect(jsonPath("$.offer.ticket_ids[1]").value(1018))
                .andExpect(jsonPath("$.offer.admission_token").value("v2.k.token.sig"));
    }

    @Test
    void anUnpaidOfferPastItsTimeReadsExpiredAndAPaidOneFulfilled() throws Exception {
        UUID booking = UUID.randomUUID();
        when(waitlist.find(EVENT, "fan-1")).thenReturn(
                Optional.of(new WaitlistRepository.Entry(11, EVENT, "fan-1", 7L, 2, true, booking, NOW.minusSeconds(600),
                        "EXPIRED", List.of(1017L, 1018L), NOW.minusSeconds(1))),
                Optional.of(new WaitlistRepository.Entry(11, EVENT, "fan-1", 7L, 2, true, booking, NOW.minusSeconds(600),
                        "CONFIRMED", List.of(1017L, 1018L), null)));

        mvc.perform(get("/api/v1/events/{id}/waitlist/me", EVENT).header(Headers.USER_ID, "fan-1"))
                .andExpect(jsonPath("$.status").value("EXPIRED"))
                .andExpect(jsonPath("$.offer.admission_token").doesNotExist());
        mvc.perform(get("/api/v1/events/{id}/waitlist/me", EVENT).header(Headers.USER_ID, "fan-1"))
                .andExpect(jsonPath("$.status").value("FULFILLED"));
        verify(admission, never()).issueForOffer(anyString(), eq(EVENT), any(), any(), any());
    }

    @Test
    void aFanNotOnTheListIsA404() throws Exception {
        when(waitlist.find(EVENT, "fan-2")).thenReturn(Optional.empty());

        problem(mvc.perform(get("/api/v1/events/{id}/waitlist/me", EVENT).header(Headers.USER_ID, "fan-2")), 404,
                "NOT_FOUND");
    }
}
