package io.surge.ticketing.search.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import io.surge.ticketing.platform.web.PlatformProblemHandler;
import io.surge.ticketing.search.SearchProperties;
import io.surge.ticketing.search.query.EventSearch;
import io.surge.ticketing.search.query.SearchCriteria;
import io.surge.ticketing.search.query.SearchPage;

/**
 * The controller with the platform's problem+json handling in front of a mocked {@link EventSearch}: out-of-range
 * dates are refused as 400 VALIDATION_FAILED before any search runs (so they never reach Elasticsearch or its
 * circuit breaker). Standalone MockMvc: Boot 4's {@code @WebMvcTest} lives in a module this build does not have.
 */
class SearchControllerUnitTests {

    private final EventSearch search = mock(EventSearch.class);
    private final MockMvc mvc = MockMvcBuilders
            .standaloneSetup(new SearchController(search, new SearchProperties("events", Duration.ofSeconds(1), 50, 10,
                    20, Duration.ofSeconds(5), Duration.ofMillis(1500))))
            .setControllerAdvice(new PlatformProblemHandler())
            .build();

    private ResultActions refused(String param, String value, String field) throws Exception {
        ResultActions result = mvc.perform(get("/api/v1/events/search").param(param, value))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value(field));
        verifyNoInteractions(search);
        return result;
    }

    @Test
    void aYearElasticsearchCannotRepresentIsRefusedBeforeSearching() throws Exception {
        refused("from", "+1000000000-01-01T00:00:00Z", "from")
                .andExpect(jsonPath("$.errors[0].message").value("must be in the years 2000 to 2100"));
    }

    @Test
    void theLastRepresentableDateIsA400NotA500() throws Exception {
        refused("to", "+999999999-12-31", "to");
        refused("from", "+999999999-12-31", "from");
    }

    @Test
    void datesOutsideTheYears2000To2100AreRefusedInBothForms() throws Exception {
        refused("from", "1999-12-31", "from");
        refused("from", "1999-12-31T23:59:59Z", "from");
        refused("to", "2101-01-01", "to");
        refused("to", "2101-01-01T00:00:00Z", "to");
    }

    @Test
    void fromAfterToIsRefused() throws Exception {
        mvc.perform(get("/api/v1/events/search").param("from", "2031-01-01").param("to", "2030-12-31"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
        verifyNoInteractions(search);
    }

    @Test
    void datesWithinTheRangeStillSearch() throws Exception {
        when(search.search(any())).thenReturn(new SearchPage(1, 20, 0, List.of()));

        mvc.perform(get("/api/v1/events/search").param("from", "2000-01-01").param("to", "2100-12-31"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));

        ArgumentCaptor<SearchCriteria> criteria = ArgumentCaptor.forClass(SearchCriteria.class);
        verify(search).search(criteria.capture());
        assertThat(criteria.getValue().from()).isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(criteria.getValue().to()).isEqualTo(Instant.parse("2100-12-31T23:59:59.999Z"));
    }

    @Test
    void instantsWithinTheRangeStillSearch() throws Exception {
        when(search.search(any())).thenReturn(new SearchPage(1, 20, 0, List.of()));

        mvc.perform(get("/api/v1/events/search").param("from", "2030-01-01T10:00:00Z")
                .param("to", "2030-02-01T10:00:00Z"))
                .andExpect(status().isOk());
        verify(search).search(any());
    }

    @Test
    void eachResultCarriesItsLifecycleStatus() throws Exception {
        when(search.search(any())).thenReturn(new SearchPage(1, 20, 1, List.of(new SearchPage.Result(7, "Night",
                "Band", "Hall", "Austin", "concert", Instant.parse("2030-01-01T20:00:00Z"),
                Instant.parse("2029-12-01T10:00:00Z"), 5000, "SOLD_OUT"))));

        mvc.perform(get("/api/v1/events/search").param("q", "night"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].status").value("SOLD_OUT"));
    }
}
