package io.surge.ticketing.booking.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one batch asks the inventory for, in one statement: the chosen seats of all its commands, and for each
 * section the number of lowest available seats its best-available commands could take. A section's count adds
 * the number of chosen seats of the same event, since those may be among the lowest and go to another command.
 */
public final class ClaimRequest {

    private final Set<Long> chosenTicketIds = new LinkedHashSet<>();
    private final Map<SeatClaims.Section, Integer> wantedBySection = new LinkedHashMap<>();
    private final Map<Long, Integer> chosenByEvent = new LinkedHashMap<>();

    public void chosen(long eventId, List<Long> ticketIds) {
        for (Long ticketId : ticketIds) {
            if (chosenTicketIds.add(ticketId)) {
                chosenByEvent.merge(eventId, 1, Integer::sum);
            }
        }
    }

    public void bestAvailable(long eventId, long sectionId, int quantity) {
        wantedBySection.merge(new SeatClaims.Section(eventId, sectionId), quantity, Integer::sum);
    }

    public boolean isEmpty() {
        return chosenTicketIds.isEmpty() && wantedBySection.isEmpty();
    }

    List<Long> chosenTicketIds() {
        return new ArrayList<>(chosenTicketIds);
    }

    /** Sections in first-asked order with how many seats to lock in each. */
    Map<SeatClaims.Section, Integer> sectionLimits() {
        Map<SeatClaims.Section, Integer> limits = new LinkedHashMap<>();
        wantedBySection.forEach((section, wanted) ->
                limits.put(section, wanted + chosenByEvent.getOrDefault(section.eventId(), 0)));
        return limits;
    }
}
