package io.surge.ticketing.catalog.layout;

import java.util.ArrayList;
import java.util.List;

import io.surge.ticketing.contracts.messages.TicketIds;

/**
 * Where every seat of an event sits in the availability bitfield. Sections are laid out in venue order;
 * a section's first seat index is the running sum of the seats before it, and seat {@code (row, seat)} of a
 * section is {@code firstSeatIndex + row * seatsPerRow + seat}. The seat map, the inventory hand-off to booking
 * and the bitfield all derive from this one rule, so it lives in one place.
 */
public final class SeatLayout {

    private final List<Block> blocks;
    private final int seatCount;

    private SeatLayout(List<Block> blocks, int seatCount) {
        this.blocks = List.copyOf(blocks);
        this.seatCount = seatCount;
    }

    /** A section as laid out: {@code rows x seatsPerRow} seats starting at {@code firstSeatIndex}. */
    public record Block(long sectionId, String name, int firstSeatIndex, int rows, int seatsPerRow,
            boolean generalAdmission, long priceCents) {

        public int seatCount() {
            return rows * seatsPerRow;
        }

        public int seatIndex(int row, int seat) {
            if (row < 0 || row >= rows || seat < 0 || seat >= seatsPerRow) {
                throw new IllegalArgumentException("no seat " + row + "/" + seat + " in section " + name);
            }
            return firstSeatIndex + row * seatsPerRow + seat;
        }
    }

    /** The shape of one section before layout (in venue order). */
    public record SectionShape(long sectionId, String name, int rows, int seatsPerRow, boolean generalAdmission,
            long priceCents) {
    }

    public static SeatLayout of(List<SectionShape> sectionsInVenueOrder) {
        List<Block> blocks = new ArrayList<>(sectionsInVenueOrder.size());
        long next = 0;
        for (SectionShape s : sectionsInVenueOrder) {
            blocks.add(new Block(s.sectionId(), s.name(), (int) next, s.rows(), s.seatsPerRow(), s.generalAdmission(),
                    s.priceCents()));
            next += (long) s.rows() * s.seatsPerRow();
            if (next > TicketIds.MAX_SEATS_PER_EVENT) {
                throw new IllegalArgumentException("more than " + TicketIds.MAX_SEATS_PER_EVENT + " seats");
            }
        }
        return new SeatLayout(blocks, (int) next);
    }

    public List<Block> blocks() {
        return blocks;
    }

    public int seatCount() {
        return seatCount;
    }

    /** Row labels as printed on tickets: A..Z, then AA, AB, ... (bijective base 26). */
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
