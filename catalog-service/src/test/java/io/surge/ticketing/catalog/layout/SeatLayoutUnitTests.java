package io.surge.ticketing.catalog.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SeatLayoutUnitTests {

    @Test
    void sectionsStartWhereThePreviousOneEndsInVenueOrder() {
        SeatLayout layout = SeatLayout.of(List.of(
                new SeatLayout.SectionShape(11, "A", 2, 3, false, 5000),
                new SeatLayout.SectionShape(12, "Floor", 1, 4, true, 3000),
                new SeatLayout.SectionShape(13, "B", 10, 10, false, 1000)));

        assertThat(layout.blocks()).extracting(SeatLayout.Block::firstSeatIndex).containsExactly(0, 6, 10);
        assertThat(layout.seatCount()).isEqualTo(110);
    }

    @Test
    void aSeatIsTheSectionStartPlusRowTimesSeatsPerRowPlusSeat() {
        SeatLayout layout = SeatLayout.of(List.of(
                new SeatLayout.SectionShape(1, "A", 2, 3, false, 1),
                new SeatLayout.SectionShape(2, "B", 5, 7, false, 1)));
        SeatLayout.Block b = layout.blocks().get(1);

        assertThat(b.seatIndex(0, 0)).isEqualTo(6);
        assertThat(b.seatIndex(2, 4)).isEqualTo(6 + 2 * 7 + 4);
        assertThat(b.seatIndex(4, 6)).isEqualTo(layout.seatCount() - 1);
        assertThatThrownBy(() -> b.seatIndex(5, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowLabelsRunFromAToZThenAa() {
        assertThat(SeatLayout.rowLabel(0)).isEqualTo("A");
        assertThat(SeatLayout.rowLabel(25)).isEqualTo("Z");
        assertThat(SeatLayout.rowLabel(26)).isEqualTo("AA");
        assertThat(SeatLayout.rowLabel(27)).isEqualTo("AB");
        assertThat(SeatLayout.rowLabel(51)).isEqualTo("AZ");
        assertThat(SeatLayout.rowLabel(52)).isEqualTo("BA");
        assertThat(SeatLayout.rowLabel(26 + 26 * 26)).isEqualTo("AAA");
    }

    @Test
    void refusesMoreSeatsThanTheTicketIdSpaceOfOneEvent() {
        assertThatThrownBy(() -> SeatLayout.of(List.of(
                new SeatLayout.SectionShape(1, "A", 1000, 1000, false, 1),
                new SeatLayout.SectionShape(2, "B", 1, 1, false, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
