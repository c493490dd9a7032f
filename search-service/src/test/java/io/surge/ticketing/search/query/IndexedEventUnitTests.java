package io.surge.ticketing.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class IndexedEventUnitTests {

    static final String ON_SALE_AT = "2029-12-01T10:00:00Z";
    static final String STARTS_AT = "2030-01-01T20:00:00Z";

    static IndexedEvent indexed(String status, boolean soldOut) {
        return new IndexedEvent(1, "n", "p", "v", "c", "concert", STARTS_AT, ON_SALE_AT, 5000, status, soldOut);
    }

    @Test
    void aDateTheMappingAcceptsButAnInstantCannotDoesNotFailTheResult() {
        SearchPage.Result result = new IndexedEvent(1, "n", "p", "v", "c", "concert", "2030-01-01",
                ON_SALE_AT, 5000, "PUBLISHED", false).toResult(Instant.parse("2029-12-24T00:00:00Z"));

        assertThat(result.startsAt()).isNull();
        assertThat(result.onSaleAt()).isEqualTo(Instant.parse(ON_SALE_AT));
        assertThat(result.status()).isEqualTo("ON_SALE");
    }

    /** The same indexed document, searched at three moments: no reindex needed for the clock to move it on. */
    @Test
    void theStatusIsDecidedAtTheMomentOfTheSearch() {
        IndexedEvent event = indexed("PUBLISHED", false);

        assertThat(event.toResult(Instant.parse(ON_SALE_AT).minusMillis(1)).status()).isEqualTo("SCHEDULED");
        assertThat(event.toResult(Instant.parse(ON_SALE_AT)).status()).isEqualTo("ON_SALE");
        assertThat(event.toResult(Instant.parse(STARTS_AT)).status()).isEqualTo("CLOSED");
    }

    @Test
    void soldOutShowsWhileOnSaleOnly() {
        IndexedEvent soldOut = indexed("PUBLISHED", true);

        assertThat(soldOut.toResult(Instant.parse(ON_SALE_AT).minusSeconds(1)).status()).isEqualTo("SCHEDULED");
        assertThat(soldOut.toResult(Instant.parse(ON_SALE_AT).plusSeconds(1)).status()).isEqualTo("SOLD_OUT");
        assertThat(soldOut.toResult(Instant.parse(STARTS_AT)).status()).isEqualTo("CLOSED");
        assertThat(indexed("PUBLISHED", false).toResult(Instant.parse(ON_SALE_AT).plusSeconds(1)).status())
                .isEqualTo("ON_SALE");
    }

    /** Documents indexed before the lifecycle existed say "SCHEDULED" and carry no sold_out: published, on sale. */
    @Test
    void aDocumentFromBeforeTheLifecycleReadsAsPublished() {
        IndexedEvent old = new IndexedEvent(1, "n", "p", "v", "c", "concert", STARTS_AT, ON_SALE_AT, 5000,
                "SCHEDULED", false);

        assertThat(old.toResult(Instant.parse(ON_SALE_AT).plusSeconds(1)).status()).isEqualTo("ON_SALE");
        assertThat(indexed("CANCELLED", false).toResult(Instant.parse(ON_SALE_AT)).status()).isEqualTo("CANCELLED");
    }
}
