package io.surge.ticketing.booking.inventory;

import java.util.List;
import java.util.Map;

/**
 * The seats one batch's claim statement locked: the chosen seats that were available (by ticket id), and per
 * section the lowest available seats in seat order (more than the section's best-available commands want when
 * chosen seats of the same event may take some of them). Locked rows that no command gets stay AVAILABLE.
 */
public record SeatClaims(Map<Long, ClaimedSeat> chosen, Map<Section, List<ClaimedSeat>> bestAvailable) {

    public static final SeatClaims NONE = new SeatClaims(Map.of(), Map.of());

    /** One section of one event. */
    public record Section(long eventId, long sectionId) {
    }

    public List<ClaimedSeat> bestAvailable(Section section) {
        return bestAvailable.getOrDefault(section, List.of());
    }
}
