package io.surge.ticketing.booking.tickets;

/**
 * A seat's row and number as printed on its ticket, derived exactly as the catalog's seat map derives them
 * (catalog-service {@code layout.SeatLayout} and the seat map's renderer): seat {@code firstSeatIndex + row *
 * seatsPerRow + seat} of a section is in row {@code rowLabel(row)} (A..Z, then AA, AB, ...: bijective base 26),
 * number {@code seat + 1}. A section whose shape booking does not know yet (loaded before the shape was kept) is
 * read as one row.
 */
public final class SeatLabels {

    private SeatLabels() {
    }

    /** Row and number of one seat. */
    public record Label(String row, int number) {
    }

    /**
     * @param seatsPerRow the section's seats per row, or null when not known (the section is read as one row of
     *                    {@code sectionSeatCount} seats)
     */
    public static Label of(int seatIndex, int firstSeatIndex, Integer seatsPerRow, int sectionSeatCount) {
        int offset = seatIndex - firstSeatIndex;
        int perRow = seatsPerRow != null && seatsPerRow > 0 ? seatsPerRow : Math.max(1, sectionSeatCount);
        if (offset < 0) {
            throw new IllegalArgumentException("seat " + seatIndex + " is before its section's first seat " + firstSeatIndex);
        }
        return new Label(rowLabel(offset / perRow), offset % perRow + 1);
    }

    /** Row labels as printed on tickets: A..Z, then AA, AB, ... (bijective base 26), as the catalog prints them. */
    public static String rowLabel(int row) {
        if (row < 0) {
            throw new IllegalArgumentException("row " + row);
        }
        StringBuilder label = new StringBuilder();
        int n = row + 1;
        while (n > 0) {
            n--;
            label.append((char) ('A' + n % 26));
            n /= 26;
        }
        return label.reverse().toString();
    }
}
