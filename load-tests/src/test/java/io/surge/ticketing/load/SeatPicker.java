package io.surge.ticketing.load;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import io.surge.ticketing.contracts.messages.TicketIds;
import io.surge.ticketing.contracts.redis.AvailabilityBitfield;

/**
 * What a fan's browser does with the availability bitfield: find free seats and pick some. Fans pick a random
 * free seat and the free seats right after it (friends sit together), so many fans collide on popular seats, as
 * they do in a real on-sale.
 */
final class SeatPicker {

    private SeatPicker() {
    }

    /** Ticket ids of up to {@code quantity} free seats (empty when the event is sold out, as this fan sees it). */
    static List<Long> pick(long eventId, String base64Bitfield, int seatCount, int quantity, Random random) {
        byte[] bits = Base64.getDecoder().decode(base64Bitfield);
        List<Integer> free = new ArrayList<>();
        for (int seat = 0; seat < seatCount; seat++) {
            if (!AvailabilityBitfield.isTaken(bits, seat)) {
                free.add(seat);
            }
        }
        if (free.isEmpty()) {
            return List.of();
        }
        int start = random.nextInt(free.size());
        List<Long> chosen = new ArrayList<>(quantity);
        for (int i = start; i < free.size() && chosen.size() < quantity; i++) {
            chosen.add(TicketIds.of(eventId, free.get(i)));
        }
        for (int i = start - 1; i >= 0 && chosen.size() < quantity; i--) {
            chosen.add(TicketIds.of(eventId, free.get(i)));
        }
        return chosen;
    }

    /** Free seats left in the bitfield. */
    static int free(String base64Bitfield, int seatCount) {
        byte[] bits = Base64.getDecoder().decode(base64Bitfield);
        int taken = 0;
        for (int seat = 0; seat < seatCount; seat++) {
            if (AvailabilityBitfield.isTaken(bits, seat)) {
                taken++;
            }
        }
        return seatCount - taken;
    }
}
