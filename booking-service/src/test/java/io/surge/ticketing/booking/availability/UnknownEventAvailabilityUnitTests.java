package io.surge.ticketing.booking.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.surge.ticketing.booking.BookingProperties;
import io.surge.ticketing.booking.BookingPropertiesFixture;
import io.surge.ticketing.booking.inventory.EventFacts;
import io.surge.ticketing.booking.inventory.EventInventoryRepository;
import io.surge.ticketing.booking.inventory.KnownEvents;
import io.surge.ticketing.booking.inventory.TicketRepository;
import io.surge.ticketing.platform.web.PlatformProblemHandler;

/**
 * The availability read path (servlet fast path, then the controller) for ids booking has no inventory for: each
 * is a 404 EVENT_NOT_FOUND from memory. Postgres is asked once, at start-up, for the known ids, never per request,
 * and neither Redis nor the answers cache sees the made-up ids.
 */
class UnknownEventAvailabilityUnitTests {

    private static final long KNOWN = 42;

    private final EventInventoryRepository events = mock(EventInventoryRepository.class);
    private final TicketRepository tickets = mock(TicketRepository.class);
    private final AvailabilityStore store = mock(AvailabilityStore.class);
    private final BookingProperties properties = BookingPropertiesFixture.defaults();

    @Test
    void aThousandMadeUpIdsAreEach404WithoutAQueryOrACacheEntry() throws Exception {
        when(events.eventIds()).thenReturn(List.of(KNOWN));
        KnownEvents known = new KnownEvents(events);
        AvailabilityAnswers answers = new AvailabilityAnswers(store,
                new AvailabilityRebuilder(events, known, tickets, store, Clock.systemUTC(), new SimpleMeterRegistry()),
                known, properties);
        MockMvc http = MockMvcBuilders.standaloneSetup(new AvailabilityController(answers, properties))
                .setControllerAdvice(new PlatformProblemHandler())
                .addFilters(new AvailabilityFastPath(answers, AvailabilityController.cacheControl(properties)))
                .build();

        for (long id = 1_000_000; id < 1_001_000; id++) {
            http.perform(get("/api/v1/events/{id}/availability", id))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("EVENT_NOT_FOUND"));
        }

        verify(events, times(1)).eventIds(); // the start-up load
        verify(events, never()).find(anyLong());
        verify(events, atMost(1)).find(anyLong());
        verifyNoInteractions(store, tickets);
        assertThat(answers.cached()).isZero();
    }

    @Test
    void aKnownEventWhoseBitfieldIsMissingIsRebuiltFromPostgresOnce() throws Exception {
        when(events.eventIds()).thenReturn(List.of(KNOWN));
        when(events.find(KNOWN)).thenReturn(Optional.of(new EventFacts(KNOWN, 10, null, 600, 8, false, java.util.Set.of(1L))));
        when(store.read(KNOWN)).thenReturn(null, new AvailabilityStore.Snapshot(KNOWN, 10, new byte[2], 1L));
        KnownEvents known = new KnownEvents(events);
        AvailabilityAnswers answers = new AvailabilityAnswers(store,
                new AvailabilityRebuilder(events, known, tickets, store, Clock.systemUTC(), new SimpleMeterRegistry()),
                known, properties);

        assertThat(answers.find(KNOWN)).hasValueSatisfying(answer -> assertThat(answer.seatCount()).isEqualTo(10));
        assertThat(answers.find(KNOWN)).isPresent();

        verify(events, times(1)).find(KNOWN);
        assertThat(answers.cached()).isEqualTo(1);
    }
}
