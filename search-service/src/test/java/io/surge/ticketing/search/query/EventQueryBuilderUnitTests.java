package io.surge.ticketing.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;

class EventQueryBuilderUnitTests {

    private final EventQueryBuilder builder = new EventQueryBuilder(
            Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC));

    private String json(SearchCriteria criteria) {
        return JsonpUtils.toJsonString(builder.build("events", criteria), new JacksonJsonpMapper());
    }

    @Test
    void textIsMatchedTypoTolerantAndAsAPrefixAcrossNamePerformerVenueAndCity() {
        String json = json(new SearchCriteria("tayler swfit", null, null, null, null, 1, 20));

        assertThat(json).contains("\"fuzziness\":\"AUTO\"").contains("\"type\":\"bool_prefix\"")
                .contains("\"type\":\"best_fields\"").contains("\"name^3\"").contains("\"performer^3\"")
                .contains("\"venue^2\"").contains("\"city\"").contains("\"minimum_should_match\":\"1\"");
    }

    @Test
    void withoutAFromOnlyUpcomingEventsAndNeverCancelledOrDraftOnes() {
        String json = json(new SearchCriteria(null, null, null, null, null, 1, 20));

        assertThat(json).contains("\"starts_at\":{\"gte\":\"2026-11-28T00:00:00Z\"}").contains("match_all")
                .contains("\"must_not\":[{\"terms\":{\"status\":[\"CANCELLED\",\"DRAFT\"]}}]");
    }

    @Test
    void filtersAreExactAndCaseInsensitiveAndTheWindowIsTheGivenOne() {
        String json = json(new SearchCriteria(null, " New York ", "Concert", Instant.parse("2030-01-01T00:00:00Z"),
                Instant.parse("2030-02-01T00:00:00Z"), 1, 20));

        assertThat(json).contains("{\"term\":{\"city.keyword\":{\"value\":\"new york\"}}}")
                .contains("{\"term\":{\"category\":{\"value\":\"concert\"}}}")
                .contains("\"gte\":\"2030-01-01T00:00:00Z\"").contains("\"lte\":\"2030-02-01T00:00:00Z\"");
    }

    @Test
    void pagesAreStableByScoreThenStartThenId() {
        String json = json(new SearchCriteria("x", null, null, null, null, 3, 10));

        assertThat(json).contains("\"from\":20").contains("\"size\":10").contains(
                "\"sort\":[{\"_score\":{\"order\":\"desc\"}},{\"starts_at\":{\"order\":\"asc\"}},{\"event_id\":{\"order\":\"asc\"}}]");
    }
}
