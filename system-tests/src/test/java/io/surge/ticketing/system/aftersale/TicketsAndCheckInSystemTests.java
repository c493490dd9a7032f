package io.surge.ticketing.system.aftersale;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import tools.jackson.databind.JsonNode;

import io.surge.ticketing.system.Platform;
import io.surge.ticketing.system.Platform.Response;
import io.surge.ticketing.system.booking.SaleFixture;

/**
 * What a fan walks in with: one signed ticket per paid seat, a QR code of it, and a door scan that lets each ticket
 * in once, whatever the scanners race, and refuses forged codes and codes of another show.
 */
class TicketsAndCheckInSystemTests {

    private static final Platform platform = Platform.get();

    @Test
    void aPaidBookingHasOneSignedTicketPerSeatWithAQrCodeAndIsListedAmongTheFansOwnBookings() throws Exception {
        SaleFixture sale = SaleFixture.onSaleNow(platform, 1, 2, 5);
        Buyer fan = new Buyer(platform, "tickets-" + sale.eventId(), sale.eventId());
        Buyer other = new Buyer(platform, "tickets-other-" + sale.eventId(), sale.eventId());
        String bookingId = fan.buy(sale.ticketIds().subList(0, 2));
        String othersBooking = other.buy(sale.ticketIds().subList(2, 3));
        JsonNode held = fan.reserve(sale.ticketIds().subList(3, 4));

        Response tickets = fan.tickets(bookingId);
        assertThat(tickets.status()).as("%s", tickets).isEqualTo(200);
        assertThat(tickets.json().get("booking_id").asString()).isEqualTo(bookingId);
        assertThat(tickets.json().get("event_id").asLong()).isEqualTo(sale.eventId());
        Map<Long, JsonNode> seats = seatMap(sale.eventId());
        List<String> codes = new ArrayList<>();
        for (JsonNode ticket : tickets.json().get("tickets")) {
            long ticketId = ticket.get("ticket_id").asLong();
            assertThat(sale.ticketIds().subList(0, 2)).contains(ticketId);
            JsonNode seat = seats.get(ticketId);
            assertThat(ticket.get("section").asString()).isEqualTo("A");
            assertThat(ticket.get("row").asString()).isEqualTo(seat.get("row").asString());
            assertThat(ticket.get("number").asString()).isEqualTo(seat.get("number").asString());
            assertThat(ticket.get("price_cents").asLong()).isEqualTo(2_000);
            assertThat(ticket.get("status").asString()).isEqualTo("VALID");
            String code = ticket.get("code").asString();
            codes.add(code);

            Response qr = platform.get("/api/v1/bookings/" + bookingId + "/tickets/" + ticketId + "/qr", fan.jwt(),
                    "Accept", "image/png");
            assertThat(qr.status()).as("%s", qr).isEqualTo(200);
            assertThat(qr.header("Content-Type")).startsWith("image/png");
            assertThat(decodeQr(qr.bytes())).isEqualTo(code);
        }
        assertThat(codes).hasSize(2).doesNotHaveDuplicates();
        assertThat(fan.tickets(bookingId).json().get("tickets").findValuesAsString("code"))
                .as("the same ticket always has the same code").containsExactlyInAnyOrderElementsOf(codes);

        assertThat(fan.tickets(held.get("booking_id").asString()).json().get("code").asString())
                .isEqualTo("BOOKING_NOT_CONFIRMED");
        assertThat(fan.tickets(othersBooking).status()).as("another fan's booking").isEqualTo(404);
        assertThat(platform.get("/api/v1/bookings/" + othersBooking + "/tickets/" + sale.ticketIds().get(2) + "/qr",
                fan.jwt()).status()).isEqualTo(404);

        Response mine = platform.get("/api/v1/bookings?event_id=" + sale.eventId() + "&page=1&size=20", fan.jwt());
        assertThat(mine.status()).as("%s", mine).isEqualTo(200);
        assertThat(mine.json().get("total").asLong()).isEqualTo(2);
        assertThat(mine.json().get("results").findValuesAsString("booking_id"))
                .containsExactly(held.get("booking_id").asString(), bookingId);
        Response confirmedOnly = platform.get("/api/v1/bookings?event_id=" + sale.eventId() + "&status=CONFIRMED",
                fan.jwt());
        assertThat(confirmedOnly.json().get("results").findValuesAsString("booking_id")).containsExactly(bookingId);
        assertThat(platform.get("/api/v1/bookings?size=1000", fan.jwt()).status()).isEqualTo(400);
        assertThat(platform.get("/api/v1/bookings?status=WHATEVER", fan.jwt()).status()).isEqualTo(400);
    }

    @Test
    void aCodeChecksInOnceAndForgedOrForeignCodesAreRefused() {
        SaleFixture sale = SaleFixture.onSaleNow(platform, 1, 1, 4);
        SaleFixture otherShow = SaleFixture.onSaleNow(platform, 1, 1, 2);
        Buyer fan = new Buyer(platform, "door-" + sale.eventId(), sale.eventId());
        String bookingId = fan.buy(sale.ticketIds().subList(0, 1));
        String code = fan.tickets(bookingId).json().get("tickets").get(0).get("code").asString();
        Buyer elsewhere = new Buyer(platform, "door-other-" + otherShow.eventId(), otherShow.eventId());
        String foreignBooking = elsewhere.buy(otherShow.ticketIds().subList(0, 1));
        String foreignCode = elsewhere.tickets(foreignBooking).json().get("tickets").get(0).get("code").asString();
        String scanner = platform.token("scanner-" + sale.eventId(), "scanner");
        String checkIns = "/api/v1/admin/events/" + sale.eventId() + "/check-ins";

        assertThat(platform.post(checkIns, fan.jwt(), Map.of("code", code)).status()).as("a fan is no scanner")
                .isEqualTo(403);

        Response first = platform.post(checkIns, scanner, Map.of("code", code));
        assertThat(first.status()).as("%s", first).isEqualTo(200);
        assertThat(first.json().get("ticket_id").asLong()).isEqualTo(sale.ticketIds().get(0));
        assertThat(first.json().get("section").asString()).isEqualTo("A");
        Instant checkedInAt = Instant.parse(first.json().get("checked_in_at").asString());

        Response again = platform.post(checkIns, platform.adminToken(), Map.of("code", code));
        assertThat(again.status()).as("%s", again).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("ALREADY_CHECKED_IN");
        assertThat(Instant.parse(again.json().get("checked_in_at").asString())).isEqualTo(checkedInAt);

        String forged = code.substring(0, code.length() - 2) + (code.endsWith("AA") ? "BB" : "AA");
        for (String bad : List.of(forged, foreignCode, "not-a-ticket", code + "x")) {
            Response refused = platform.post(checkIns, scanner, Map.of("code", bad));
            assertThat(refused.status()).as("%s -> %s", bad, refused).isEqualTo(422);
            assertThat(refused.json().get("code").asString()).isEqualTo("INVALID_TICKET");
        }
        assertThat(platform.post(checkIns, scanner, Map.of()).status()).isEqualTo(400);
        assertThat(fan.tickets(bookingId).json().get("tickets").get(0).get("status").asString()).isEqualTo("CHECKED_IN");
        // the scanner role opens the door, nothing else of the admin API
        assertThat(platform.get("/api/v1/admin/events/" + sale.eventId() + "/sales", scanner).status()).isEqualTo(403);
    }

    @Test
    void twoScannersRacingOnFiveHundredCodesCheckEachInExactlyOnce() throws Exception {
        int buyers = 50;
        int seatsEach = 10;
        SaleFixture sale = SaleFixture.onSaleNow(platform, 1, buyers, seatsEach);
        assertThat(platform.put("/api/v1/admin/events/" + sale.eventId() + "/waiting-room", platform.adminToken(),
                Map.of("max_tickets_per_user", seatsEach)).status()).isEqualTo(200);
        List<String> codes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> purchases = new ArrayList<>();
            for (int b = 0; b < buyers; b++) {
                List<Long> seats = sale.ticketIds().subList(b * seatsEach, (b + 1) * seatsEach);
                Buyer buyer = new Buyer(platform, "race-door-" + b + "-" + sale.eventId(), sale.eventId());
                purchases.add(pool.submit(() -> {
                    String bookingId = buyer.buy(seats);
                    buyer.tickets(bookingId).json().get("tickets").forEach(t -> codes.add(t.get("code").asString()));
                }));
            }
            for (Future<?> purchase : purchases) {
                purchase.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(codes).hasSize(buyers * seatsEach).doesNotHaveDuplicates();

        String checkIns = "/api/v1/admin/events/" + sale.eventId() + "/check-ins";
        Map<String, List<Integer>> answers = new ConcurrentHashMap<>();
        AtomicInteger unexpected = new AtomicInteger();
        List<String> reversed = new ArrayList<>(codes);
        Collections.reverse(reversed);
        ExecutorService scanners = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (List<String> order : List.of(codes, reversed)) {
                String scanner = platform.token("gate-" + runs.size() + "-" + sale.eventId(), "scanner");
                runs.add(scanners.submit(() -> {
                    for (String code : order) {
                        Response r = Buyer.retrying(() -> platform.post(checkIns, scanner, Map.of("code", code)));
                        answers.computeIfAbsent(code, c -> Collections.synchronizedList(new ArrayList<>())).add(r.status());
                        if (r.status() == 409 && !"ALREADY_CHECKED_IN".equals(r.json().path("code").asString())) {
                            unexpected.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get(10, TimeUnit.MINUTES);
            }
        } finally {
            scanners.shutdownNow();
        }
        assertThat(unexpected).hasValue(0);
        Map<String, List<Integer>> wrong = new HashMap<>();
        answers.forEach((code, statuses) -> {
            List<Integer> sorted = new ArrayList<>(statuses);
            Collections.sort(sorted);
            if (!sorted.equals(List.of(200, 409))) {
                wrong.put(code, sorted);
            }
        });
        assertThat(answers).hasSize(codes.size());
        assertThat(wrong).as("each code checked in exactly once (one 200, one 409)").isEmpty();
        Response sales = platform.get("/api/v1/admin/events/" + sale.eventId() + "/sales", platform.adminToken());
        assertThat(sales.json().get("checked_in").asLong()).isEqualTo(codes.size());
    }

    private static Map<Long, JsonNode> seatMap(long eventId) {
        Map<Long, JsonNode> seats = new HashMap<>();
        JsonNode map = platform.get("/api/v1/events/" + eventId + "/seatmap", null).json();
        for (JsonNode section : map.get("sections")) {
            for (JsonNode seat : section.get("seats")) {
                seats.put(seat.get("ticket_id").asLong(), seat);
            }
        }
        return seats;
    }

    private static String decodeQr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG image").isNotNull();
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }
}
