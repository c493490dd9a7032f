package io.surge.ticketing.chaos;

import java.util.Map;
import java.util.UUID;

/**
 * Whether the platform serves again: one fan's whole path through the gateway. Join the waiting room, read the event,
 * its availability and the queue's progress, search, reserve a seat and see it decided, then release it. The
 * admission token is minted by the run (the probe must not wait in the queue it measures).
 */
final class Probe {

    private final Gateway gateway;
    private final Identity identity;
    private final ChaosSale sale;

    Probe(Gateway gateway, Identity identity, ChaosSale sale) {
        this.gateway = gateway;
        this.identity = identity;
        this.sale = sale;
    }

    /** Seconds until the whole path works (from now), or -1 when it did not within {@code maxSeconds}. */
    double secondsToServe(int maxSeconds) {
        long start = System.currentTimeMillis();
        long deadline = start + maxSeconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            if (servesOnce()) {
                return (System.currentTimeMillis() - start) / 1000.0;
            }
            Gateway.pause(250);
        }
        return -1;
    }

    boolean servesOnce() {
        long event = sale.eventId();
        String fan = "probe-" + UUID.randomUUID();
        String jwt = identity.token(fan);
        if (gateway.post("probe", "/api/v1/waiting-room/" + event + "/join", jwt, null).status() != 200
                || gateway.get("probe", "/api/v1/events/" + event, null).status() != 200
                || gateway.get("probe", "/api/v1/events/" + event + "/availability", null).status() != 200
                || gateway.get("probe", "/api/v1/waiting-room/" + event + "/progress", null).status() != 200
                || gateway.get("probe", "/api/v1/events/search?q=probe" + System.nanoTime() % 97, null).status() != 200) {
            return false;
        }
        String admission = identity.admissionToken(fan, event);
        long section = sale.sectionIds().get((int) (System.nanoTime() % sale.sectionIds().size()));
        Gateway.Response reserved = gateway.post("probe", "/api/v1/bookings/reserve", jwt,
                Map.of("event_id", event, "section_id", section, "quantity", 1), "X-Admission-Token", admission);
        if (reserved.status() == 409 && "SEATS_UNAVAILABLE".equals(reserved.json().path("code").asString())) {
            return true; // a decision all the same: the section is sold out
        }
        String bookingId = reserved.json().path("booking_id").asString(null);
        if (bookingId == null || (reserved.status() != 201 && reserved.status() != 202)) {
            return false;
        }
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            Gateway.Response booking = gateway.get("probe", "/api/v1/bookings/" + bookingId, jwt);
            String status = booking.json().path("status").asString("");
            if (booking.status() == 200 && "RESERVED".equals(status)) {
                gateway.send("probe", "DELETE", "/api/v1/bookings/" + bookingId, jwt, null, "X-Admission-Token", admission);
                return true;
            }
            if (booking.status() == 200 && !"PENDING".equals(status)) {
                return "REJECTED".equals(status); // decided (sold out while buffered), like a 409
            }
            Gateway.pause(100);
        }
        return false;
    }
}
