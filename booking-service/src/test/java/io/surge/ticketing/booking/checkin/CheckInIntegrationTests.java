package io.surge.ticketing.booking.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.booking.AfterTheSaleIntegrationTest;
import io.surge.ticketing.booking.tickets.TicketCodec;
import io.surge.ticketing.contracts.messages.EventInventoryDefined;
import io.surge.ticketing.contracts.messages.TicketIds;

/** Door scans over HTTP against the real PostgreSQL: once per ticket, whatever the scanners do. */
class CheckInIntegrationTests extends AfterTheSaleIntegrationTest {

    private static final Map<String, String> SCANNER = Map.of("X-User-Id", "door-1", "X-User-Roles", "scanner");

    @Autowired
    TicketCodec codec;

    @Test
    void aValidCodeChecksInOnceAndTheSecondScanNamesTheFirstCheckIn() throws Exception {
        long eventId = eventOnSale();
        String fan = "u-door-" + UUID.randomUUID();
        UUID bookingId = paid(eventId, fan, 2, 2);
        String code = code(eventId, bookingId, 1);

        HttpResponse<String> first = checkIn(eventId, code, SCANNER);
        HttpResponse<String> second = checkIn(eventId, code, Map.of("X-User-Id", "door-2", "X-User-Roles", "admin"));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode checkedIn = json(first);
        assertThat(checkedIn.get("ticket_id").asLong()).isEqualTo(TicketIds.of(eventId, 11));
        assertThat(checkedIn.get("section").asString()).isEqualTo("Balcony");
        assertThat(checkedIn.get("row").asString()).isEqualTo("A");
        assertThat(checkedIn.get("number").asInt()).isEqualTo(2);
        Instant at = Instant.parse(checkedIn.get("checked_in_at").asString());
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(json(second).get("code").asString()).isEqualTo("ALREADY_CHECKED_IN");
        assertThat(Instant.parse(json(second).get("checked_in_at").asString())).isEqualTo(at);

        JsonNode tickets = json(get("/api/v1/bookings/" + bookingId + "/tickets", user(fan))).get("tickets");
        assertThat(tickets.get(0).get("status").asString()).isEqualTo("VALID");
        assertThat(tickets.get(1).get("status").asString()).isEqualTo("CHECKED_IN");
    }

    @Test
    void forgedMalformedAndOtherEventsCodesAreInvalidTickets() throws Exception {
        long eventId = eventOnSale();
        long otherEvent = eventOnSale();
        UUID bookingId = paid(eventId, "u-door-" + UUID.randomUUID(), 1, 1);
        String code = code(eventId, bookingId, 0);
        String forged = new TicketCodec("someone-elses-key-of-at-least-32-bytes!", null)
                .encode(new TicketCodec.TicketCode(eventId, TicketIds.of(eventId, 0), bookingId));
        String unknownBooking = codec.encode(new TicketCodec.TicketCode(eventId, TicketIds.of(eventId, 0), UUID.randomUUID()));

        for (String bad : List.of(forged, "t1.nonsense", "", unknownBooking)) {
            HttpResponse<String> refused = checkIn(eventId, bad, SCANNER);
            assertThat(refused.statusCode()).as(bad).isEqualTo(422);
            assertThat(json(refused).get("code").asString()).isEqualTo("INVALID_TICKET");
        }
        HttpResponse<String> elsewhere = checkIn(otherEvent, code, SCANNER);
        assertThat(elsewhere.statusCode()).isEqualTo(422);
        assertThat(json(elsewhere).get("code").asString()).isEqualTo("INVALID_TICKET");
        assertThat(checkIn(eventId, code, SCANNER).statusCode()).as("the genuine code still works").isEqualTo(200);
    }

    @Test
    void aRefundedTicketIsRefusedAtTheDoor() throws Exception {
        long eventId = eventOnSale();
        UUID bookingId = paid(eventId, "u-door-" + UUID.randomUUID(), 1, 1);
        post("/internal/bookings/" + bookingId + "/refund", "{\"refund_id\":\"re-1\",\"amount_cents\":5000}", Map.of());

        HttpResponse<String> refused = checkIn(eventId, code(eventId, bookingId, 0), SCANNER);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("code").asString()).isEqualTo("TICKET_REFUNDED");
    }

    @Test
    void onlyAdminsAndDoorStaffMayCheckIn() throws Exception {
        long eventId = eventOnSale();
        String code = code(eventId, paid(eventId, "u-door-" + UUID.randomUUID(), 1, 1), 0);

        for (Map<String, String> caller : List.of(Map.of("X-User-Id", "fan"), Map.of("X-User-Roles", "fan,support"),
                Map.of("X-User-Roles", "ops,admin-x"))) {
            HttpResponse<String> refused = checkIn(eventId, code, caller);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(json(refused).get("code").asString()).isEqualTo("FORBIDDEN");
        }
        assertThat(post("/api/v1/admin/events/" + eventId + "/check-ins", "{}", SCANNER).statusCode()).isEqualTo(400);
    }

    /** Two door scanners racing over the same 500 codes: each ticket is checked in exactly once. */
    @Test
    void twoScannersRacingOverFiveHundredCodesCheckEachInExactlyOnce() throws Exception {
        long eventId = freshEventId();
        loader.load(new EventInventoryDefined(eventId, Instant.now().minusSeconds(60), List.of(
                new EventInventoryDefined.Section(1, "Arena", 0, 50, 10, 2_000))));
        jdbc.sql("INSERT INTO sale_settings (event_id, hold_seconds, max_tickets_per_user) VALUES (?, 600, 10)")
                .param(eventId).update();
        List<String> codes = new ArrayList<>();
        for (int fan = 0; fan < 50; fan++) {
            UUID bookingId = paid(eventId, "u-race-" + fan + "-" + UUID.randomUUID(), 1, 10);
            List<Long> tickets = jdbc.sql("SELECT unnest(ticket_ids) FROM bookings WHERE booking_id = ?")
                    .param(bookingId).query(Long.class).list();
            tickets.forEach(ticketId -> codes.add(codec.encode(new TicketCodec.TicketCode(eventId, ticketId, bookingId))));
        }
        assertThat(codes).hasSize(500);

        Map<String, AtomicInteger> admitted = new ConcurrentHashMap<>();
        AtomicInteger refusedAsAlreadyIn = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService scanners = Executors.newFixedThreadPool(2);
        List<Future<?>> running = new ArrayList<>();
        for (int scanner = 0; scanner < 2; scanner++) {
            List<String> order = new ArrayList<>(codes);
            if (scanner == 1) {
                java.util.Collections.reverse(order); // they meet in the middle, and both scan everything
            }
            running.add(scanners.submit(() -> {
                start.await();
                for (String code : order) {
                    HttpResponse<String> response = checkIn(eventId, code, SCANNER);
                    if (response.statusCode() == 200) {
                        admitted.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
                    } else if (response.statusCode() == 409
                            && "ALREADY_CHECKED_IN".equals(json(response).get("code").asString())) {
                        refusedAsAlreadyIn.incrementAndGet();
                    } else {
                        other.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> scanner : running) {
            scanner.get();
        }
        scanners.shutdown();

        assertThat(other.get()).isZero();
        assertThat(admitted).hasSize(500);
        assertThat(admitted.values()).allSatisfy(times -> assertThat(times.get()).isEqualTo(1));
        assertThat(refusedAsAlreadyIn.get()).isEqualTo(500);
        assertThat(jdbc.sql("SELECT count(*) FROM check_ins WHERE event_id = ?").param(eventId).query(Long.class).single())
                .isEqualTo(500);
    }

    private String code(long eventId, UUID bookingId, int index) throws Exception {
        return json(get("/api/v1/bookings/" + bookingId + "/tickets",
                user(jdbc.sql("SELECT user_id FROM bookings WHERE booking_id = ?").param(bookingId).query(String.class).single())))
                .get("tickets").get(index).get("code").asString();
    }

    private HttpResponse<String> checkIn(long eventId, String code, Map<String, String> caller) throws Exception {
        return post("/api/v1/admin/events/" + eventId + "/check-ins",
                "{\"code\":" + io.surge.ticketing.contracts.messages.MessageJson.mapper().writeValueAsString(code) + "}",
                caller);
    }
}
