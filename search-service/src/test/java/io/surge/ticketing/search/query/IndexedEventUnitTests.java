package io.surge.ticketing.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class IndexedEventUnitTests {

    @Test
    void aDateTheMappingAcceptsButAnInstantCannotDoesNotFailTheResult() {
        SearchPage.Result result = new IndexedEvent(1, "n", "p", "v", "c", "concert", "2030-01-01",
                "2029-12-01T10:00:00Z", 5000).toResult();

        assertThat(result.startsAt()).isNull();
        assertThat(result.onSaleAt()).isEqualTo(Instant.parse("2029-12-01T10:00:00Z"));
    }
}
