package io.surge.ticketing.booking.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Row and number as the catalog's seat map derives them (catalog-service {@code layout.SeatLayout} and the seat
 * map's renderer: seat {@code first + row * seatsPerRow + seat} is row {@code rowLabel(row)}, number
 * {@code seat + 1}), with the catalog's own row-label vectors ({@code SeatLayoutUnitTests}).
 */
class SeatLabelsUnitTests {

    @Test
    void rowLabelsRunFromAToZThenAaAsTheCatalogPrintsThem() {
        assertThat(SeatLabels.rowLabel(0)).isEqualTo("A");
        assertThat(SeatLabels.rowLabel(25)).isEqualTo("Z");
        assertThat(SeatLabels.rowLabel(26)).isEqualTo("AA");
        assertThat(SeatLabels.rowLabel(27)).isEqualTo("AB");
        assertThat(SeatLabels.rowLabel(51)).isEqualTo("AZ");
        assertThat(SeatLabels.rowLabel(52)).isEqualTo("BA");
        assertThat(SeatLabels.rowLabel(26 + 26 * 26)).isEqualTo("AAA");
    }

    @Test
    void everySeatOfASectionIsLabelledAsTheSeatMapWalksIt() {
        int first = 6;
        int rows = 30;
        int seatsPerRow = 7;
        for (int row = 0; row < rows; row++) {
            for (int seat = 0; seat < seatsPerRow; seat++) {
                // the seat map's walk: index = firstSeatIndex + row * seatsPerRow + seat, label rowLabel(row), seat + 1
                int index = first + row * seatsPerRow + seat;
                assertThat(SeatLabels.of(index, first, seatsPerRow, rows * seatsPerRow))
                        .isEqualTo(new SeatLabels.Label(SeatLabels.rowLabel(row), seat + 1));
            }
        }
        assertThat(SeatLabels.of(first + 27 * 7 + 3, first, seatsPerRow, rows * seatsPerRow))
                .isEqualTo(new SeatLabels.Label("AB", 4));
    }

    @Test
    void aSectionOfUnknownShapeIsReadAsOneRow() {
        assertThat(SeatLabels.of(104, 100, null, 50)).isEqualTo(new SeatLabels.Label("A", 5));
    }
}
