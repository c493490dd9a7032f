package io.surge.ticketing.catalog.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.catalog.venue.VenueSections.SectionRef;
import io.surge.ticketing.catalog.web.ValidationFailedException;

class PriceTiersUnitTests {

    private static final List<SectionRef> SECTIONS = List.of(new SectionRef(1, "A"), new SectionRef(2, "Floor"));

    @Test
    void matchesTiersToSectionsByNameIgnoringCaseInVenueOrder() {
        Map<Long, Long> prices = PriceTiers.resolve(
                List.of(new PriceTierRequest("floor", 3000L), new PriceTierRequest("A", 5000L)), SECTIONS);

        assertThat(prices).containsExactly(Map.entry(1L, 5000L), Map.entry(2L, 3000L));
    }

    @Test
    void listsEverySectionWithoutATierAndEveryUnknownSection() {
        assertThatThrownBy(() -> PriceTiers.resolve(List.of(new PriceTierRequest("Z", 1L)), SECTIONS))
                .isInstanceOfSatisfying(ValidationFailedException.class, e -> assertThat(e.properties().get("errors"))
                        .asString().contains("no section 'Z'").contains("'A' of the venue has no price tier")
                        .contains("'Floor' of the venue has no price tier"));
    }

    @Test
    void refusesASectionPricedTwice() {
        assertThatThrownBy(() -> PriceTiers.resolve(List.of(new PriceTierRequest("A", 1L),
                new PriceTierRequest("a", 2L), new PriceTierRequest("Floor", 3L)), SECTIONS))
                .isInstanceOfSatisfying(ValidationFailedException.class,
                        e -> assertThat(e.properties().get("errors")).asString().contains("priced twice"));
    }
}
